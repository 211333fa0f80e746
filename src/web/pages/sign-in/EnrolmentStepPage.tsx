import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { SecondFactorListResponse } from '../../../server/modules/identity/second-factor.schema.ts';
import { api } from '../../api/api-client.ts';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { EnrolmentMethods } from '../../components/enrolment/EnrolmentMethods.tsx';
import { RecoveryCodes } from '../../components/enrolment/RecoveryCodes.tsx';
import { type EnrolmentResult, withoutReauth } from '../../components/enrolment/enrolment-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import '../../theme/forms.css';
import { SignInProgress } from './SignInProgress.tsx';

type FactorList = z.infer<typeof SecondFactorListResponse>;

// Outside the network with no second factor yet: one must be enrolled before the portal opens.
export function EnrolmentStepPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const text = t.enrolmentStep;
  const [factors, setFactors] = useState<FactorList | 'loading' | 'failed'>('loading');
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  useEffect(() => {
    api.get<FactorList>('/api/me/second-factors').then(setFactors, () => setFactors('failed'));
  }, []);

  function enrolled(result: EnrolmentResult) {
    // The session is complete now; the guard would leave this page at once, so the codes come first.
    if (result.recoveryCodes) setRecoveryCodes(result.recoveryCodes);
    else void refresh();
  }

  return (
    <Page title={text.title} lead={text.lead}>
      <div className="auth-layout auth-layout--wide">
        <SignInProgress step="enrol_second_factor" />
        {recoveryCodes ? (
          <RecoveryCodes codes={recoveryCodes} headingLevel={2} doneLabel={text.continue} onDone={() => void refresh()} />
        ) : factors === 'loading' ? (
          <StatusMessage status="loading" />
        ) : (
          <EnrolmentMethods
            enrolmentCodeNeeded={factors !== 'failed' && factors.enrolmentCodeNeeded}
            withReauth={withoutReauth}
            onEnrolled={enrolled}
          />
        )}
      </div>
    </Page>
  );
}
