import { sql } from 'kysely';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';

// RS256: the algorithm every OpenID Connect relying party must support, and the default when an app says none.
export const SIGNING_ALG = 'RS256';

const DAY_MS = 24 * 3_600_000;
/** A new key takes over this often. */
export const ROTATION_PERIOD_MS = 90 * DAY_MS;
/** It is published this long before it signs, so that apps caching the key set already know it. */
export const PUBLISH_AHEAD_MS = 2 * DAY_MS;
/** A replaced key stays published this long: longer than anything it signed lives, and than the apps' caches. */
export const RETIRED_GRACE_MS = 7 * DAY_MS;

export type SigningKeyRow = { kid: string; private_jwk_encrypted: string; public_jwk: unknown; activates_at: Date };

/** The key set as published, at `now`: the signing key first (oidc-provider signs with the first one). */
export function orderForSigning<T extends { kid: string; activates_at: Date }>(rows: readonly T[], now: Date): T[] {
  const active = rows.filter((row) => row.activates_at <= now).sort(newestFirst);
  const upcoming = rows.filter((row) => row.activates_at > now).sort(newestFirst);
  return [...active.slice(0, 1), ...upcoming, ...active.slice(1)];
}

function newestFirst(a: { kid: string; activates_at: Date }, b: { kid: string; activates_at: Date }): number {
  return b.activates_at.getTime() - a.activates_at.getTime() || a.kid.localeCompare(b.kid);
}

export function listSigningKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.selectFrom('sso_signing_keys').select(['kid', 'private_jwk_encrypted', 'public_jwk', 'activates_at']).execute();
}

/** The private JWK of a stored key, for oidc-provider or for signing a logout token. */
export function privateJwkOf(ctx: AppContext, row: SigningKeyRow): JWK {
  return JSON.parse(ctx.keys.decrypt('sso-signing-key', row.private_jwk_encrypted)) as JWK;
}

async function createKey(ctx: AppContext, db: Db, now: Date, activatesAt: Date): Promise<string> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const privateJwk = { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  await db
    .insertInto('sso_signing_keys')
    .values({
      kid,
      alg: SIGNING_ALG,
      private_jwk_encrypted: ctx.keys.encrypt('sso-signing-key', JSON.stringify(privateJwk)),
      public_jwk: JSON.stringify(publicJwk),
      created_at: now,
      activates_at: activatesAt,
    })
    .execute();
  return kid;
}

// Two instances starting together must not each create a key: one waits for the other's.
async function lockKeys(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(727101)`.execute(db);
}

/** Makes sure a key can sign now: the very first start creates one at once. */
export async function ensureSigningKey(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const usable = await ctx.db.selectFrom('sso_signing_keys').select('kid').where('activates_at', '<=', now).limit(1).executeTakeFirst();
  if (usable) return;
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx);
    const again = await trx.selectFrom('sso_signing_keys').select('kid').where('activates_at', '<=', now).limit(1).executeTakeFirst();
    if (!again) await createKey(ctx, trx, now, now);
  });
}

// The scheduled rotation: publish the next key ahead of its use, retire old keys after their grace period.
export async function rotateSigningKeys(ctx: AppContext, now: Date, log?: Logger): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx);
    const rows = orderForSigning(await listSigningKeys(trx), now);
    const current = rows.find((row) => row.activates_at <= now);
    if (!current) {
      await createKey(ctx, trx, now, now);
      log?.info('connexion unique : première clé de signature créée');
      return;
    }
    const upcoming = rows.some((row) => row.activates_at > now);
    if (!upcoming && now.getTime() - current.activates_at.getTime() >= ROTATION_PERIOD_MS - PUBLISH_AHEAD_MS) {
      const kid = await createKey(ctx, trx, now, new Date(now.getTime() + PUBLISH_AHEAD_MS));
      log?.info({ kid }, 'connexion unique : nouvelle clé de signature publiée, utilisée dans deux jours');
    }
    // A key replaced (by the current one) long enough ago is no longer needed to verify anything.
    const retired = rows.filter((row) => row.activates_at < current.activates_at && now.getTime() - current.activates_at.getTime() >= RETIRED_GRACE_MS);
    if (retired.length > 0) {
      await trx.deleteFrom('sso_signing_keys').where('kid', 'in', retired.map((row) => row.kid)).execute();
      log?.info({ kids: retired.map((row) => row.kid) }, 'connexion unique : anciennes clés de signature retirées');
    }
  });
}
