import { browserSupportsWebAuthn, type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import type { SignInStepResponse } from '../../../server/modules/identity/sign-in.schema.ts';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { passkeyFailure } from '../../components/passkey-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { rememberMethods } from '../../session/sign-in-steps.ts';

type PasskeyEndpoints = { optionsEndpoint?: string; verifyEndpoint?: string; onVerified?(): void };

export function PasskeyVerification({
  optionsEndpoint = '/api/auth/webauthn/authentication/options',
  verifyEndpoint = '/api/auth/webauthn/authentication/verify',
  onVerified,
}: PasskeyEndpoints) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const text = t.secondFactorStep.passkey;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function verify() {
    setPending(true);
    setError(undefined);
    try {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>(optionsEndpoint);
      const response = await startAuthentication({ optionsJSON });
      await api.post<SignInStepResponse>(verifyEndpoint, { response });
      if (onVerified) return onVerified();
      rememberMethods(undefined);
      await refresh();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  if (!browserSupportsWebAuthn()) return <Alert tone="warning" title={t.passkey.unsupported} />;
  const failure = error ? passkeyFailure(error) : undefined;

  return (
    <>
      <p>{text.intro}</p>
      {failure ? <Alert tone="error" announce title={t.passkey[failure]} /> : error ? <ProblemAlert error={error} /> : null}
      <div className="form-actions">
        <PendingButton className="button button--primary" onPress={verify} pending={pending}>
          {text.action}
        </PendingButton>
      </div>
    </>
  );
}
