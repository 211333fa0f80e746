import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AnnouncementsTable } from '../../db/types.ts';

export type AnnouncementRow = Selectable<AnnouncementsTable>;

const forEveryone = sql<boolean>`cardinality(department_ids) = 0`;
// Incidents first, then maintenance, then information: the most urgent news leads.
const urgency = sql<number>`case kind when 'incident' then 0 when 'maintenance' then 1 else 2 end`;

/**
 * The announcements shown now: to everyone, or also to one department; without those the agent has
 * dismissed when an agent is given.
 */
export function currentAnnouncements(db: Db, now: Date, reader: { departmentId: string; agentId: string } | null) {
  let query = db
    .selectFrom('announcements')
    .selectAll()
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
  if (reader) {
    query = query
      .where(sql<boolean>`(${forEveryone} or ${reader.departmentId}::uuid = any(department_ids))`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('announcement_dismissals as d')
              .select('d.agent_id')
              .whereRef('d.announcement_id', '=', 'announcements.id')
              .where('d.agent_id', '=', reader.agentId),
          ),
        ),
      );
  } else {
    query = query.where(forEveryone);
  }
  return query.orderBy(urgency).orderBy('starts_at', 'desc').limit(20).execute();
}

/** Incidents announced to everyone that were shown at some point since `since`. */
export function publicIncidentsSince(db: Db, since: Date, now: Date) {
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('kind', '=', 'incident')
    .where(forEveryone)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', since)]))
    .orderBy('starts_at', 'desc')
    .limit(100)
    .execute();
}

/** Every announcement support published, the latest first, with who published it. */
export function publishedAnnouncements(db: Db) {
  return db
    .selectFrom('announcements as a')
    .leftJoin('agents as g', 'g.id', 'a.created_by')
    .selectAll('a')
    .select(sql<string | null>`g.first_name || ' ' || g.last_name`.as('created_by_name'))
    .orderBy('a.starts_at', 'desc')
    .limit(200)
    .execute();
}

export function findAnnouncement(db: Db, id: string) {
  return db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst();
}

type Columns = Pick<AnnouncementRow, 'kind' | 'title' | 'body' | 'starts_at' | 'ends_at' | 'department_ids'>;

export function insertAnnouncement(db: Db, values: Columns & { created_by: string; created_at: Date; updated_at: Date }) {
  return db.insertInto('announcements').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateAnnouncement(db: Db, id: string, values: Partial<Columns> & { updated_at: Date }) {
  return db.updateTable('announcements').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function recordDismissal(db: Db, agentId: string, announcementId: string, at: Date): Promise<void> {
  await db
    .insertInto('announcement_dismissals')
    .values({ agent_id: agentId, announcement_id: announcementId, dismissed_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function departmentsByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', 'in', codes).execute();
}

export function departmentsById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('code').execute();
}

export function agentDepartment(db: Db, agentId: string) {
  return db.selectFrom('agents').select('department_id').where('id', '=', agentId).executeTakeFirst();
}
