import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken, randomToken } from '../../security/keys.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import * as repo from './scim-tokens.repo.ts';
import { type CreatedScimToken, ScimTokenName, type ScimTokenItem } from './scim-tokens.schema.ts';

// A recognisable prefix lets secret scanners (and people) tell a leaked SCIM token from any other string.
const TOKEN_PREFIX = 'nomades_scim_';

// Only every minute: a nightly sync of 50,000 agents must not write the token row 50,000 times.
const LAST_USED_PRECISION_MS = 60_000;

export type ScimClient = { tokenId: string; name: string };

/** Issues a bearer token for an HR system or directory sync; the clear token is returned here only. */
export async function createScimToken(db: Db, clock: Clock, input: { name: unknown; createdBy: string | null; actor: AuditActor }): Promise<CreatedScimToken> {
  const parsed = ScimTokenName.safeParse(input.name);
  if (!parsed.success) {
    throw new AppError('validation_failed', undefined, { errors: parsed.error.issues.map((i) => ({ field: 'name', message: i.message })) });
  }
  const name = parsed.data;
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const at = clock.now();
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await repo.insertToken(trx, { name, token_hash: hashToken(token), created_by: input.createdBy, created_at: at });
      await recordAudit(trx, {
        actor: input.actor,
        action: 'scim_token.create',
        target: { type: 'scim_token', id: row.id, label: row.name },
        at,
      });
      return { id: row.id, name: row.name, token };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('conflict', `Un jeton SCIM actif s'appelle déjà « ${name} » : révoquez-le ou choisissez un autre nom.`);
    }
    throw error;
  }
}

export async function listScimTokens(db: Db): Promise<ScimTokenItem[]> {
  const rows = await repo.listTokens(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    createdBy: r.badge_number ? `${r.first_name} ${r.last_name} (${r.badge_number})` : null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/** Revokes a token at once: the next call made with it gets 401. Revoking twice is a 404. */
export async function revokeScimToken(db: Db, clock: Clock, input: { id: string; revokedBy: string | null; actor: AuditActor }): Promise<{ id: string; name: string; revokedAt: string }> {
  const at = clock.now();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.id)) {
    throw new AppError('not_found', 'Aucun jeton SCIM actif avec cet identifiant.');
  }
  return db.transaction().execute(async (trx) => {
    const token = await repo.findLiveTokenForUpdate(trx, input.id);
    if (!token) throw new AppError('not_found', 'Aucun jeton SCIM actif avec cet identifiant.');
    await repo.revokeToken(trx, token.id, at, input.revokedBy);
    await recordAudit(trx, { actor: input.actor, action: 'scim_token.revoke', target: { type: 'scim_token', id: token.id, label: token.name }, at });
    return { id: token.id, name: token.name, revokedAt: at.toISOString() };
  });
}

/** The client behind a bearer token, or undefined for an unknown or revoked one (the caller answers 401 alike). */
export async function authenticateScimToken(db: Db, clock: Clock, token: string): Promise<ScimClient | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await repo.findLiveTokenByHash(db, hashToken(token));
  if (!row) return undefined;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS) await repo.touchToken(db, row.id, now);
  return { tokenId: row.id, name: row.name };
}

/** How the audit trail names a change made through SCIM. */
export function scimAuditActor(client: ScimClient, ip: string | null): AuditActor {
  return { agentId: null, label: `jeton SCIM « ${client.name} »`, ip };
}
