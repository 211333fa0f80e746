import { useState } from 'react';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CodeVerificationForm, type Verification } from './CodeVerificationForm.tsx';

// The code is only sent when the agent asks: a page load must not spend SMS (they are limited and cost money).
export function SmsVerification({ sendEndpoint = '/api/auth/second-factor/sms/send', ...verification }: { sendEndpoint?: string } & Verification) {
  const { t } = useI18n();
  const text = t.secondFactorStep.sms;
  const [sent, setSent] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function send() {
    setPending(true);
    setError(undefined);
    try {
      await api.post(sendEndpoint);
      setSent((count) => count + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p>{text.intro}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {sent > 0 ? (
        <Alert tone="success" announce>
          <p>{text.sent}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <PendingButton className={`button ${sent > 0 ? 'button--secondary' : 'button--primary'}`} onPress={send} pending={pending}>
          {sent > 0 ? text.resend : text.send}
        </PendingButton>
      </div>
      {sent > 0 ? <CodeVerificationForm method="sms" {...verification} /> : null}
    </>
  );
}
