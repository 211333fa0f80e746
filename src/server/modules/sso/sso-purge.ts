import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { MAX_LOGOUT_ATTEMPTS } from './backchannel-logout.ts';
import { purgeFinishedLogouts } from './logout-deliveries.repo.ts';

const HOUR_MS = 3_600_000;
// Expired codes and tokens are refused by the provider already; an hour's margin keeps a replayed code
// recognised as a replay rather than unknown for a while.
const EXPIRED_MARGIN_MS = HOUR_MS;
// Long enough for the support team to answer "was the app told of the sign-out?".
const LOGOUT_RETENTION_MS = 30 * 24 * HOUR_MS;

// The scheduled purge: the provider's expired records, and logout deliveries long finished.
export async function purgeExpiredSsoRecords(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const expired = await ctx.db
    .deleteFrom('oidc_payloads')
    .where('expires_at', '<', new Date(now.getTime() - EXPIRED_MARGIN_MS))
    .executeTakeFirst();
  const logouts = await purgeFinishedLogouts(ctx.db, new Date(now.getTime() - LOGOUT_RETENTION_MS), MAX_LOGOUT_ATTEMPTS);
  const records = Number(expired.numDeletedRows);
  if (records + logouts > 0) log.debug({ records, logouts }, 'connexion unique : enregistrements expirés supprimés');
}
