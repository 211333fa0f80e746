import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ApplicationsTable } from '../../db/types.ts';

export type ApplicationRow = Selectable<ApplicationsTable>;

export function findApplicationBySlug(db: Db, slug: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listEnabledApplications(db: Db): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().where('enabled', '=', true).execute();
}

export function listAllApplications(db: Db): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().orderBy('name').execute();
}

export function insertApplication(db: Db, values: Insertable<ApplicationsTable>): Promise<ApplicationRow> {
  return db.insertInto('applications').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateApplication(db: Db, id: string, values: Updateable<ApplicationsTable>): Promise<ApplicationRow> {
  return db.updateTable('applications').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The agent's favourites, first pinned first. */
export async function favouriteIdsOf(db: Db, agentId: string): Promise<string[]> {
  const rows = await db.selectFrom('application_favourites').select('application_id').where('agent_id', '=', agentId).orderBy('position').execute();
  return rows.map((row) => row.application_id);
}

// Two tabs pinning at once must not both pass the limit: the agent's favourites change one at a time.
export async function lockFavouritesOf(db: Db, agentId: string): Promise<void> {
  await db.selectFrom('agents').select('id').where('id', '=', agentId).forUpdate().execute();
}

export async function replaceFavourites(db: Db, agentId: string, applicationIds: readonly string[]): Promise<void> {
  await db.deleteFrom('application_favourites').where('agent_id', '=', agentId).execute();
  if (applicationIds.length === 0) return;
  await db
    .insertInto('application_favourites')
    .values(applicationIds.map((applicationId, position) => ({ agent_id: agentId, application_id: applicationId, position })))
    .execute();
}

export async function removeFavourite(db: Db, agentId: string, applicationId: string): Promise<void> {
  await db.deleteFrom('application_favourites').where('agent_id', '=', agentId).where('application_id', '=', applicationId).execute();
}

export type AccessEvent = {
  applicationId: string;
  agentId: string | null;
  at: Date;
  channel: 'catalogue' | 'oidc' | 'gateway' | 'forward_auth';
  outcome: 'allowed' | 'step_up' | 'denied' | 'upstream_error';
  networkZone: 'internal' | 'external' | null;
  detail?: string | null;
};

/** One opening of an application, whichever the way in: the per-application access log. */
export async function recordApplicationAccess(db: Db, event: AccessEvent): Promise<void> {
  await db
    .insertInto('application_access_events')
    .values({
      application_id: event.applicationId,
      agent_id: event.agentId,
      at: event.at,
      channel: event.channel,
      outcome: event.outcome,
      network_zone: event.networkZone,
      detail: event.detail ?? null,
    })
    .execute();
}

export function departmentChoices(db: Db) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code').execute();
}

export function jobProfileChoices(db: Db) {
  return db.selectFrom('job_profiles').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function existingIds(db: Db, table: 'departments' | 'job_profiles', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((row) => row.id));
}
