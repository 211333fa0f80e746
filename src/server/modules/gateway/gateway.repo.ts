import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { GatewayRoutesTable } from '../../db/types.ts';

// A published app: its applications row (name, rule) joined to its gateway settings.
function publishedRoutes(db: Db) {
  return db
    .selectFrom('gateway_routes as g')
    .innerJoin('applications as a', 'a.id', 'g.application_id')
    .where('a.kind', '=', 'gateway')
    .select([
      'a.id',
      'a.slug',
      'a.name',
      'a.description',
      'a.category',
      'a.enabled',
      'a.allowed_department_ids',
      'a.allowed_job_profile_ids',
      'a.allowed_roles',
      'a.inside_access',
      'a.outside_access',
      'a.updated_at as application_updated_at',
      'g.upstream_url',
      'g.host',
      'g.connect_timeout_ms',
      'g.total_timeout_ms',
      'g.max_request_bytes',
      'g.max_response_bytes',
      'g.websocket',
      'g.pass_authorization',
      'g.signing_secret_encrypted',
      'g.updated_at',
    ]);
}

export type GatewayRouteRow = Awaited<ReturnType<typeof listGatewayRoutes>>[number];

export function listGatewayRoutes(db: Db) {
  return publishedRoutes(db).orderBy('a.name').execute();
}

export function findGatewayRoute(db: Db, applicationId: string) {
  return publishedRoutes(db).where('a.id', '=', applicationId).executeTakeFirst();
}

export async function gatewaySlugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('applications').select('id').where('slug', '=', slug).where('kind', '=', 'gateway').executeTakeFirst();
  return row !== undefined;
}

export async function hostTaken(db: Db, host: string, exceptApplicationId?: string): Promise<boolean> {
  let query = db.selectFrom('gateway_routes').select('application_id').where('host', '=', host);
  if (exceptApplicationId) query = query.where('application_id', '<>', exceptApplicationId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertGatewayRoute(db: Db, values: Insertable<GatewayRoutesTable>): Promise<void> {
  await db.insertInto('gateway_routes').values(values).execute();
}

export async function updateGatewayRoute(db: Db, applicationId: string, values: Updateable<GatewayRoutesTable>): Promise<void> {
  await db.updateTable('gateway_routes').set(values).where('application_id', '=', applicationId).execute();
}

// The agent as the identity headers describe them.
export function agentIdentity(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select(['a.badge_number', 'a.email', 'a.first_name', 'a.last_name', 'd.code as department_code'])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

export async function storeHandoff(
  db: Db,
  handoff: { codeHash: string; applicationId: string; sessionTokenEncrypted: string; returnPath: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db.deleteFrom('gateway_handoffs').where('expires_at', '<', handoff.now).execute();
  await db
    .insertInto('gateway_handoffs')
    .values({
      code_hash: handoff.codeHash,
      application_id: handoff.applicationId,
      session_token_encrypted: handoff.sessionTokenEncrypted,
      return_path: handoff.returnPath,
      expires_at: handoff.expiresAt,
    })
    .execute();
}

/** Takes a hand-off code once: a second use, or a late one, finds nothing. */
export function takeHandoff(db: Db, codeHash: string, applicationId: string, now: Date) {
  return db
    .deleteFrom('gateway_handoffs')
    .where('code_hash', '=', codeHash)
    .where('application_id', '=', applicationId)
    .where('expires_at', '>', now)
    .returning(['session_token_encrypted', 'return_path'])
    .executeTakeFirst();
}
