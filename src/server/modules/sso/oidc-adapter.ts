import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { errors } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { clientMetadata } from './sso-clients.repo.ts';

type Payload = Record<string, unknown> & { jti?: string; grantId?: string; uid?: string; userCode?: string };

// The database read once more than anything else in the provider: a hash of a random id, constant time.
function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

/** Every token, code and grant of one grant, whatever its model: revoking a grant empties it in one statement. */
export async function deleteGrantRecords(db: Db, grantIds: readonly string[]): Promise<void> {
  if (grantIds.length === 0) return;
  await db.deleteFrom('oidc_payloads').where('grant_id', 'in', grantIds).execute();
}

// oidc-provider's storage in PostgreSQL (its adapter interface: upsert, find, consume, destroy, findByUid,
// findByUserCode, revokeByGrantId). Nothing is kept in memory, so any instance answers any step of a flow.
// Codes and tokens are bearer credentials: the row is keyed by their hash and the payload keeps no copy.
// Clients are the administrators' registrations, read from sso_clients.
export function createAdapter(ctx: AppContext) {
  return class PostgresAdapter {
    readonly model: string;

    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const { jti: _stored, ...rest } = payload;
      const expiresAt = typeof expiresIn === 'number' ? new Date(ctx.clock.now().getTime() + expiresIn * 1000) : null;
      const row = {
        model: this.model,
        id: keyOf(id),
        payload: JSON.stringify(rest),
        // A grant is a member of itself: deleting by grant_id takes it along with its tokens.
        grant_id: this.model === 'Grant' ? id : (payload.grantId ?? null),
        uid: payload.uid ?? null,
        user_code: payload.userCode ?? null,
        expires_at: expiresAt,
      };
      await ctx.db
        .insertInto('oidc_payloads')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['model', 'id']).doUpdateSet({
            payload: row.payload,
            grant_id: row.grant_id,
            uid: row.uid,
            user_code: row.user_code,
            expires_at: row.expires_at,
          }),
        )
        .execute();
    }

    async find(id: string): Promise<Payload | undefined> {
      if (this.model === 'Client') return clientMetadata(ctx, id);
      const row = await ctx.db
        .selectFrom('oidc_payloads')
        .select('payload')
        .where('model', '=', this.model)
        .where('id', '=', keyOf(id))
        .executeTakeFirst();
      return row ? { ...(row.payload as Payload), jti: id } : undefined;
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const row = await ctx.db.selectFrom('oidc_payloads').select('payload').where('model', '=', this.model).where('uid', '=', uid).executeTakeFirst();
      return row?.payload as Payload | undefined;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const row = await ctx.db.selectFrom('oidc_payloads').select('payload').where('model', '=', this.model).where('user_code', '=', userCode).executeTakeFirst();
      return row?.payload as Payload | undefined;
    }

    // Atomic: of two requests presenting the same code or refresh token at once, on any instances, one
    // wins; the other is treated as a replay, which revokes the whole grant.
    async consume(id: string): Promise<void> {
      const consumed = await ctx.db
        .updateTable('oidc_payloads')
        .set({
          consumed_at: ctx.clock.now(),
          payload: sql`jsonb_set(payload, '{consumed}', to_jsonb(extract(epoch from now())::bigint))`,
        })
        .where('model', '=', this.model)
        .where('id', '=', keyOf(id))
        .where('consumed_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (consumed) return;
      const row = await ctx.db.selectFrom('oidc_payloads').select('grant_id').where('model', '=', this.model).where('id', '=', keyOf(id)).executeTakeFirst();
      if (row?.grant_id) await deleteGrantRecords(ctx.db, [row.grant_id]);
      throw new errors.InvalidGrant('grant already used');
    }

    async destroy(id: string): Promise<void> {
      await ctx.db.deleteFrom('oidc_payloads').where('model', '=', this.model).where('id', '=', keyOf(id)).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await ctx.db.deleteFrom('oidc_payloads').where('model', '=', this.model).where('grant_id', '=', grantId).execute();
    }
  };
}
