import type { Logger } from 'pino';
import type { AppContext } from '../app-context.ts';
import { purgeConnectionEventsBefore } from '../modules/identity/connection-history.repo.ts';
import { deleteExpiredSessions } from '../modules/identity/session.repo.ts';
import { purgeFinishedMessagesBefore } from '../modules/notifications/index.ts';
import { purgeThrottleCounters } from '../security/throttle.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Longer than the widest throttle window (one hour): a counter older than this no longer slows anyone.
const THROTTLE_COUNTER_MAX_AGE_MS = DAY_MS;
// Long enough for the support team to answer "did the e-mail leave?", short enough not to keep links around.
const OUTBOX_RETENTION_DAYS = 30;

export async function purgeConnectionHistory(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const cutoff = new Date(now.getTime() - ctx.config.auth.connectionHistoryRetentionDays * DAY_MS);
  const deleted = await purgeConnectionEventsBefore(ctx.db, cutoff);
  if (deleted > 0) log.info({ deleted, cutoff }, 'historique des connexions : événements hors durée de conservation supprimés');
}

// The session guard already refuses expired sessions; this only keeps the table small.
export async function cleanUpExpiredSessions(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const deleted = await deleteExpiredSessions(ctx.db, now, ctx.config.auth.sessionIdleMs);
  if (deleted > 0) log.debug({ deleted }, 'sessions expirées supprimées');
}

export async function cleanUpThrottleCounters(ctx: AppContext, now: Date): Promise<void> {
  await purgeThrottleCounters(ctx.db, new Date(now.getTime() - THROTTLE_COUNTER_MAX_AGE_MS));
}

export async function purgeDeliveredMessages(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS);
  const deleted = await purgeFinishedMessagesBefore(ctx.db, cutoff);
  if (deleted > 0) log.info({ deleted, cutoff }, 'messages sortants de plus de 30 jours supprimés');
}
