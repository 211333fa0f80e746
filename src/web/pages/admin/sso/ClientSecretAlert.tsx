import type { SsoClientSecretResponse } from '../../../../server/modules/sso/sso-clients.schema.ts';
import { Alert } from '../../../components/Alert.tsx';
import { OneTimeSecret } from '../../../components/OneTimeSecret.tsx';
import { useSsoText } from './use-sso-text.ts';

// What the application's configuration needs, the secret shown this once.
export function ClientSecretAlert({ outcome, rotated }: { outcome: SsoClientSecretResponse; rotated: boolean }) {
  const text = useSsoText().secret;
  const name = outcome.applicationName;
  return (
    <Alert tone="success" title={rotated ? text.rotated(name) : text.created(name)}>
      <OneTimeSecret label={text.clientId} value={outcome.clientId} />
      {outcome.clientSecret ? (
        <>
          <p>{text.shownOnce}</p>
          <OneTimeSecret label={text.clientSecret} value={outcome.clientSecret} />
        </>
      ) : (
        <p>{text.publicClient}</p>
      )}
    </Alert>
  );
}
