import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { deleteGrantRecords } from './oidc-adapter.ts';
import { OIDC_PREFIX } from './sso-paths.ts';
import { claimDueLogouts, enqueueLogouts, type LogoutToDeliver, markDelivered, markFailed } from './logout-deliveries.repo.ts';
import { listSigningKeys, orderForSigning, privateJwkOf, SIGNING_ALG } from './signing-keys.ts';
import { deleteGrantLinks, lockEndedGrants } from './sso-grants.repo.ts';

const SWEEP_BATCH = 500;
const DELIVERY_BATCH = 50;
/** After this many failed attempts (about a day), the delivery is given up and stays for the support to see. */
export const MAX_LOGOUT_ATTEMPTS = 8;
const RETRY_AFTER_MS = [30_000, 60_000, 5 * 60_000, 15 * 60_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];
const DELIVERY_TIMEOUT_MS = 5_000;
// Longer than a batch of deliveries can take: a crashed instance's batch comes back after it.
const LEASE_MS = 60_000;
const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

// The scheduled job (every few seconds): portal sessions that ended since the last run end the apps'
// sessions; their logout tokens then go out, and those that fail are retried later.
export async function deliverSsoLogouts(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const ended = await endGrantsOfEndedSessions(ctx, now);
  if (ended > 0) log.info({ grants: ended }, 'connexion unique : accès des applications révoqués après la fin de sessions du portail');
  await deliverDueLogouts(ctx, now, log);
}

/** Revokes what the apps were given in sessions that have ended, and queues the logout tokens to send. */
export async function endGrantsOfEndedSessions(ctx: AppContext, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await ctx.db.transaction().execute(async (trx) => {
      const grants = await lockEndedGrants(trx, now, ctx.config.auth.sessionIdleMs, SWEEP_BATCH);
      const grantIds = grants.map((grant) => grant.grant_id);
      await deleteGrantRecords(trx, grantIds);
      // One token per app and session: several grants of an app in one portal session share their sid.
      const logouts = new Map<string, LogoutToDeliver>();
      for (const grant of grants) {
        if (!grant.backchannel_logout_uri) continue;
        logouts.set(`${grant.client_id} ${grant.agent_id} ${grant.sid ?? ''}`, { clientId: grant.client_id, agentId: grant.agent_id, sid: grant.sid });
      }
      await enqueueLogouts(trx, [...logouts.values()], now);
      await deleteGrantLinks(trx, grantIds);
      return grants.length;
    });
    total += count;
    if (count < SWEEP_BATCH) return total;
  }
}

async function deliverDueLogouts(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const due = await claimDueLogouts(ctx.db, now, LEASE_MS, MAX_LOGOUT_ATTEMPTS, DELIVERY_BATCH);
  if (due.length === 0) return;
  const signingKey = orderForSigning(await listSigningKeys(ctx.db), now)[0];
  if (!signingKey) return;
  const jwk = privateJwkOf(ctx, signingKey);
  const key = await importJWK(jwk, SIGNING_ALG);
  await Promise.all(
    due.map(async (delivery) => {
      try {
        if (!delivery.backchannel_logout_uri) throw new Error('le client n’a plus d’adresse de déconnexion');
        const token = await new SignJWT({ events: { [BACKCHANNEL_EVENT]: {} }, ...(delivery.sid ? { sid: delivery.sid } : {}) })
          .setProtectedHeader({ alg: SIGNING_ALG, kid: signingKey.kid, typ: 'logout+jwt' })
          .setIssuer(`${ctx.config.publicUrl}${OIDC_PREFIX}`)
          .setAudience(delivery.client_id)
          .setSubject(delivery.agent_id)
          .setIssuedAt()
          .setExpirationTime('2m')
          .setJti(randomUUID())
          .sign(key);
        await postLogoutToken(delivery.backchannel_logout_uri, token);
        await markDelivered(ctx.db, delivery.id, ctx.clock.now());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retryAt = new Date(now.getTime() + (RETRY_AFTER_MS[delivery.attempts] ?? RETRY_AFTER_MS.at(-1)!));
        await markFailed(ctx.db, delivery.id, message, retryAt);
        log.warn({ clientId: delivery.client_id, attempt: delivery.attempts + 1, err: error }, 'connexion unique : jeton de déconnexion non remis, nouvel essai plus tard');
      }
    }),
  );
}

// Back-Channel Logout 1.0: a form POST of the token; the app answers 200 (or 204), redirects are not followed.
async function postLogoutToken(uri: string, token: string): Promise<void> {
  const response = await fetch(uri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ logout_token: token }),
    redirect: 'manual',
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status !== 200 && response.status !== 204) throw new Error(`l’application a répondu ${response.status}`);
}
