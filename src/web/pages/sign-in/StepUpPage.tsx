import { useState } from 'react';
import { Link, Radio, RadioGroup, Label } from 'react-aria-components';
import type { StepUpMethod, StepUpStateResponse } from '../../../server/modules/gateway/gateway.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths, returnPathFrom } from '../../router/paths.ts';
import '../../theme/forms.css';
import { useGatewayText } from '../admin/gateway/gateway-text.ts';
import { CodeVerificationForm } from './CodeVerificationForm.tsx';
import { PasskeyVerification } from './PasskeyVerification.tsx';
import { SmsVerification } from './SmsVerification.tsx';

// Back to what asked for the second factor: an app behind the gateway (or the hand-off to its own host) is
// served by the server, not by this single-page app.
function leave(returnTo: string | undefined): void {
  if (returnTo && /^\/(apps|api)\//.test(returnTo)) window.location.assign(returnTo);
  else navigate(returnTo ?? paths.home, { replace: true });
}

/**
 * /connexion/verification-renforcee?retour=… : prove a second factor in the current session, then go back.
 * The same forms as the sign-in's second step, sent to the step-up endpoints.
 */
export function StepUpPage() {
  const { t } = useI18n();
  const text = useGatewayText().stepUp;
  const returnTo = returnPathFrom(useSearch());
  const { resource } = useApi<StepUpStateResponse>('/api/auth/step-up');
  const [chosen, setChosen] = useState<StepUpMethod>();
  const [verified, setVerified] = useState(false);
  const onVerified = () => {
    setVerified(true);
    leave(returnTo);
  };

  let body;
  if (resource.status === 'failed') body = <LoadFailure error={resource.error} />;
  else if (resource.status === 'loading') body = <StatusMessage status="loading" />;
  else if (resource.data.done || verified) {
    body = (
      <Alert tone="success" title={verified ? text.verified : text.already} announce={verified}>
        <p>
          <Link className="button button--primary" onPress={() => leave(returnTo)}>
            {text.continue}
          </Link>
        </p>
      </Alert>
    );
  } else if (resource.data.methods.length === 0) {
    body = (
      <Alert tone="warning" title={text.noMethod}>
        <p>
          <Link href={paths.accountSecondFactors}>{text.enrol}</Link>
        </p>
      </Alert>
    );
  } else {
    const { methods } = resource.data;
    const method = chosen && methods.includes(chosen) ? chosen : (methods[0] as StepUpMethod);
    body = (
      <>
        {methods.length > 1 ? (
          <RadioGroup className="choice" value={method} onChange={(value) => setChosen(value as StepUpMethod)}>
            <Label className="choice__label">{t.secondFactorStep.chooseMethod}</Label>
            {methods.map((option) => (
              <Radio key={option} value={option} className="choice__option">
                {t.secondFactorStep.methods[option]}
              </Radio>
            ))}
          </RadioGroup>
        ) : null}
        <section className="form-card" aria-labelledby="method-title">
          <h2 id="method-title" className="form-card__title">
            {t.secondFactorStep.methods[method]}
          </h2>
          {method === 'webauthn' ? (
            <PasskeyVerification optionsEndpoint="/api/auth/step-up/passkey/options" verifyEndpoint="/api/auth/step-up/passkey" onVerified={onVerified} />
          ) : method === 'sms' ? (
            <SmsVerification sendEndpoint="/api/auth/step-up/sms" endpoint="/api/auth/step-up" onVerified={onVerified} />
          ) : (
            <CodeVerificationForm key={method} method={method} endpoint="/api/auth/step-up" onVerified={onVerified} />
          )}
        </section>
      </>
    );
  }

  return (
    <Page title={text.title} lead={text.lead}>
      <div className="auth-layout">{body}</div>
    </Page>
  );
}
