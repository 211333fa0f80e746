import { browserSupportsWebAuthn, type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Alert } from '../Alert.tsx';
import { PendingButton } from '../PendingButton.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { TextInput } from '../TextInput.tsx';
import { passkeyFailure } from '../passkey-errors.ts';
import type { EnrolmentProps, EnrolmentResult } from './enrolment-types.ts';
import { isReauthCancelled } from './use-reauth.tsx';

export function PasskeyEnrolment({ enrolmentCode, withReauth, onEnrolled, onForbidden }: EnrolmentProps) {
  const { t } = useI18n();
  const text = t.enrolment.passkey;
  const [label, setLabel] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const optionsJSON = await withReauth(() =>
        api.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/second-factors/webauthn/options', { enrolmentCode }),
      );
      const response = await startRegistration({ optionsJSON });
      onEnrolled(await api.post<EnrolmentResult>('/api/me/second-factors/webauthn/verify', { response, label: label.trim() || undefined }));
    } catch (caught) {
      if (isReauthCancelled(caught)) return setPending(false);
      if (isApiError(caught, 'forbidden')) onForbidden();
      setError(caught);
      setPending(false);
    }
  }

  if (!browserSupportsWebAuthn()) return <Alert tone="warning" title={t.passkey.unsupported} />;
  const failure = error ? passkeyFailure(error) : undefined;

  return (
    <div className="enrolment-flow">
      <p>{text.intro}</p>
      {failure ? <Alert tone="error" announce title={t.passkey[failure]} /> : error ? <ProblemAlert error={error} /> : null}
      <Form onSubmit={register} validationBehavior="aria">
        <TextInput
          label={text.label}
          description={text.labelHelp}
          name="label"
          value={label}
          onChange={setLabel}
          maxLength={60}
          className="field--medium"
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.create}
          </PendingButton>
        </div>
      </Form>
    </div>
  );
}
