import { useCallback, useEffect, useState } from 'react';
import { lastActivityAt, subscribeToActivity } from '../api/activity.ts';
import { api } from '../api/api-client.ts';
import { AlertDialog } from '../components/AlertDialog.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatTime } from '../i18n/format.ts';
import { useSession } from './SessionProvider.tsx';

// The server records activity at most once a minute, so its idle deadline can come up to a minute before
// ours: the browser counts from a minute earlier, and never shows a page whose session is already gone.
const serverTouchIntervalMs = 60_000;
const warningLeadMs = 2 * 60_000;

type Phase = { kind: 'quiet' } | { kind: 'warning'; expiresAt: number };

// Watches the time since the last API call; it never calls the API on a timer, which would keep the
// session alive for ever.
export function IdleTimeoutWatcher({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const { t, locale } = useI18n();
  const { state, signOut, sessionEnded, refresh } = useSession();
  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'done';
  const [phase, setPhase] = useState<Phase>({ kind: 'quiet' });
  const [activityCount, setActivityCount] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => subscribeToActivity(() => setActivityCount((count) => count + 1)), []);

  useEffect(() => {
    const idleMs = idleTimeoutSeconds * 1000;
    const expiresAt = lastActivityAt() + idleMs - Math.min(serverTouchIntervalMs, idleMs / 4);
    const warnAt = expiresAt - Math.min(warningLeadMs, idleMs / 2);
    let timer: number | undefined;
    const check = () => {
      const now = Date.now();
      if (now >= expiresAt) {
        void api.post('/api/auth/logout', undefined, { anonymous: true }).catch(() => undefined);
        sessionEnded('expired', { comeBack: true });
        return;
      }
      if (now >= warnAt) setPhase({ kind: 'warning', expiresAt });
      else setPhase({ kind: 'quiet' });
      timer = window.setTimeout(check, (now >= warnAt ? expiresAt : warnAt) - now);
    };
    check();
    return () => window.clearTimeout(timer);
  }, [activityCount, idleTimeoutSeconds, sessionEnded]);

  const stay = useCallback(async () => {
    setBusy(true);
    try {
      // Counts as activity: the watcher starts over and closes the dialog. Half-way through signing in,
      // keep-alive is refused (sign-in to finish), but reading the session also keeps it.
      if (signedIn) await api.post('/api/auth/session/keep-alive');
      else await refresh();
    } catch {
      // A 401 has already sent the agent to the sign-in page.
    } finally {
      setBusy(false);
    }
  }, [signedIn, refresh]);

  if (phase.kind !== 'warning') return null;
  const text = t.idle;
  return (
    <AlertDialog
      title={text.title}
      confirmLabel={text.stay}
      cancelLabel={text.signOut}
      onConfirm={stay}
      onCancel={() => void signOut()}
      busy={busy}
    >
      <p>{text.text(formatTime(phase.expiresAt, locale))}</p>
      <p>{text.hint}</p>
    </AlertDialog>
  );
}
