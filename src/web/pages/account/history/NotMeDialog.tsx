import { useState } from 'react';
import { api } from '../../../api/api-client.ts';
import { AlertDialog } from '../../../components/AlertDialog.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useSession } from '../../../session/SessionProvider.tsx';
import { eventDevice, eventLabel } from './describe-event.ts';
import type { ConnectionEvent } from './history-types.ts';

// Says everything that will happen before it happens: the agent is signed out everywhere, right now.
export function NotMeDialog({ event, onClose }: { event: ConnectionEvent; onClose(): void }) {
  const { t, locale } = useI18n();
  const { sessionEnded } = useSession();
  const text = t.account.history.notMeDialog;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function report() {
    setPending(true);
    setError(undefined);
    try {
      await api.post('/api/me/connections/not-me', { eventId: event.id });
      sessionEnded('notMe');
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <AlertDialog
      title={text.title}
      confirmLabel={text.confirm}
      cancelLabel={t.common.cancel}
      tone="danger"
      busy={pending}
      onConfirm={() => void report()}
      onCancel={onClose}
      onDismiss={onClose}
    >
      <p>
        {text.event(
          eventLabel(event, t),
          formatDateTime(event.at, locale),
          eventDevice(event, t),
          event.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork,
        )}
      </p>
      <p>{text.consequencesIntro}</p>
      <ul>
        {text.consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error ? <ProblemAlert error={error} /> : null}
    </AlertDialog>
  );
}
