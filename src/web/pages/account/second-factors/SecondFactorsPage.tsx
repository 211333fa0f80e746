import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { SecondFactorListResponse } from '../../../../server/modules/identity/second-factor.schema.ts';
import { useApi } from '../../../api/use-api.ts';
import { Alert } from '../../../components/Alert.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { EnrolmentMethods } from '../../../components/enrolment/EnrolmentMethods.tsx';
import { RecoveryCodes } from '../../../components/enrolment/RecoveryCodes.tsx';
import type { EnrolmentResult } from '../../../components/enrolment/enrolment-types.ts';
import { useReauth } from '../../../components/enrolment/use-reauth.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import '../../../theme/forms.css';
import { AccountPageLayout } from '../AccountPageLayout.tsx';
import { FactorList } from './FactorList.tsx';
import { RecoveryCodesSection } from './RecoveryCodesSection.tsx';

export type FactorListResponse = z.infer<typeof SecondFactorListResponse>;

export function SecondFactorsPage() {
  const { t } = useI18n();
  const text = t.account.secondFactors;
  const { resource, reload } = useApi<FactorListResponse>('/api/me/second-factors');
  const { withReauth, reauthDialog } = useReauth();
  const [message, setMessage] = useState<string>();
  const [newCodes, setNewCodes] = useState<string[]>();
  // A new enrolment form after each success: it starts again from the choice of method.
  const [enrolments, setEnrolments] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);

  async function done(text: string, moveFocus = true) {
    await reload();
    setMessage(text);
    if (moveFocus) window.requestAnimationFrame(() => messageRef.current?.focus());
  }

  async function enrolled(result: EnrolmentResult) {
    setEnrolments((count) => count + 1);
    // The recovery codes, when there are new ones, take the focus themselves.
    if (result.recoveryCodes) setNewCodes(result.recoveryCodes);
    await done(text.added, !result.recoveryCodes);
  }

  if (resource.status !== 'ready') {
    return (
      <AccountPageLayout title={text.title}>
        <StatusMessage status={resource.status} />
      </AccountPageLayout>
    );
  }
  const list = resource.data;

  return (
    <AccountPageLayout title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <p>{list.requiredInside ? text.requiredEverywhere : list.requiredOutside ? text.requiredOutside : text.notRequired}</p>

      {newCodes ? (
        <RecoveryCodes codes={newCodes} headingLevel={2} doneLabel={text.codesKept} onDone={() => setNewCodes(undefined)} />
      ) : (
        <>
          <FactorList list={list} withReauth={withReauth} onRemoved={() => done(text.removed)} />
          <section aria-labelledby="add-factor-title" className="section-card">
            <h2 id="add-factor-title">{text.addTitle}</h2>
            <EnrolmentMethods key={enrolments} enrolmentCodeNeeded={list.enrolmentCodeNeeded} withReauth={withReauth} onEnrolled={enrolled} />
          </section>
          <RecoveryCodesSection
            left={list.recoveryCodesLeft}
            hasFactor={list.items.length > 0}
            withReauth={withReauth}
            onRegenerated={(codes) => {
              setNewCodes(codes);
              void reload();
            }}
          />
        </>
      )}
      {reauthDialog}
    </AccountPageLayout>
  );
}
