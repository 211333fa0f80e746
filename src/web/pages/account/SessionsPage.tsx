import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { AccountPageLayout } from './AccountPageLayout.tsx';

type SessionItem = { id: string; current: boolean; deviceLabel: string; ip: string; networkZone: 'internal' | 'external'; startedAt: string; lastSeenAt: string };
type SessionList = { items: SessionItem[] };

export function SessionsPage() {
  const { t, locale } = useI18n();
  const { signOut } = useSession();
  const text = t.account.sessions;
  const { resource, reload } = useApi<SessionList>('/api/me/sessions');
  const [confirmAll, setConfirmAll] = useState(false);
  const [pending, setPending] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const messageRef = useRef<HTMLDivElement>(null);

  async function end(target: 'others' | SessionItem) {
    setConfirmAll(false);
    setPending(target === 'others' ? 'others' : target.id);
    setError(undefined);
    try {
      await api.delete(target === 'others' ? '/api/me/sessions' : `/api/me/sessions/${target.id}`);
      await reload();
      setMessage(target === 'others' ? text.endedOthers : text.ended(target.deviceLabel));
    } catch (caught) {
      await reload();
      setError(caught);
    } finally {
      setPending(undefined);
      // The button pressed may be gone: focus goes to the outcome.
      window.requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  if (resource.status !== 'ready') {
    return (
      <AccountPageLayout title={text.title} lead={text.lead}>
        <StatusMessage status={resource.status} />
      </AccountPageLayout>
    );
  }
  const sessions = [...resource.data.items].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  const others = sessions.filter((session) => !session.current);

  return (
    <AccountPageLayout title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {error ? <ProblemAlert error={error} /> : null}
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <p>{text.count(sessions.length)}</p>
      {others.length > 0 ? (
        <div className="form-actions">
          <PendingButton className="button button--secondary" onPress={() => setConfirmAll(true)} pending={pending === 'others'}>
            {text.endOthers}
          </PendingButton>
        </div>
      ) : null}
      <ul className="item-cards">
        {sessions.map((session) => (
          <li key={session.id} className={`item-card${session.current ? ' item-card--current' : ''}`}>
            <div className="item-card__main">
              <h2 className="item-card__title">
                {session.deviceLabel}
                {session.current ? <span className="badge">{text.thisDevice}</span> : null}
              </h2>
              <dl className="item-card__facts">
                <div>
                  <dt>{text.network}</dt>
                  <dd>{session.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork}</dd>
                </div>
                <div>
                  <dt>{text.ip}</dt>
                  <dd>{session.ip}</dd>
                </div>
                <div>
                  <dt>{text.started}</dt>
                  <dd>{formatDateTime(session.startedAt, locale)}</dd>
                </div>
                <div>
                  <dt>{text.lastSeen}</dt>
                  <dd>{formatDateTime(session.lastSeenAt, locale)}</dd>
                </div>
              </dl>
            </div>
            {session.current ? (
              <Button className="button button--secondary button--small" onPress={() => void signOut()}>
                {t.layout.signOut}
              </Button>
            ) : (
              <PendingButton
                className="button button--secondary button--small"
                onPress={() => void end(session)}
                pending={pending === session.id}
                aria-label={text.endNamed(session.deviceLabel, formatDateTime(session.lastSeenAt, locale))}
              >
                {text.end}
              </PendingButton>
            )}
          </li>
        ))}
      </ul>
      {confirmAll ? (
        <AlertDialog
          title={text.endOthersTitle(others.length)}
          confirmLabel={text.endOthersConfirm}
          cancelLabel={t.common.cancel}
          onConfirm={() => void end('others')}
          onCancel={() => setConfirmAll(false)}
          onDismiss={() => setConfirmAll(false)}
        >
          <p>{text.endOthersText}</p>
        </AlertDialog>
      ) : null}
    </AccountPageLayout>
  );
}
