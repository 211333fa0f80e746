import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';
import type { UserCondition } from './scim-user-filter.ts';
import type { ScimUserRow } from './scim-user.representation.ts';

// Departed agents are deleted resources for SCIM (RFC 7644 §3.6): never listed, 404 when asked for.
function users(db: Db) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as jp', 'jp.id', 'a.job_profile_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('agents as m', (join) => join.onRef('m.id', '=', 'a.manager_id').on('m.status', '!=', 'departed'))
    .leftJoin('scim_external_ids as x', 'x.agent_id', 'a.id')
    .where('a.status', '!=', 'departed');
}

type Eb = ExpressionBuilder<Database & { a: Database['agents']; d: Database['departments']; x: Database['scim_external_ids'] }, 'a' | 'd' | 'x'>;

function where(eb: Eb, condition: UserCondition): Expression<SqlBool> {
  switch (condition.kind) {
    case 'and':
      return eb.and(condition.items.map((c) => where(eb, c)));
    case 'or':
      return eb.or(condition.items.map((c) => where(eb, c)));
    case 'not':
      return eb.not(where(eb, condition.item));
    case 'constant':
      return sql<SqlBool>`${sql.lit(condition.value)}`;
    case 'eq': {
      const v = condition.value;
      switch (condition.column) {
        case 'id':
          return eb('a.id', '=', String(v));
        case 'userName':
          return eb('a.badge_number', '=', String(v).trim());
        case 'email':
          return eb('a.email', '=', String(v).trim()); // citext: without case
        case 'externalId':
          return eb('x.external_id', '=', String(v));
        case 'active':
          return v ? eb('a.status', 'in', ['active', 'pending']) : eb('a.status', '=', 'suspended');
        case 'givenName':
          return eb(eb.fn('lower', ['a.first_name']), '=', String(v).toLowerCase());
        case 'familyName':
          return eb(eb.fn('lower', ['a.last_name']), '=', String(v).toLowerCase());
        case 'department':
          return eb('d.code', '=', String(v).trim().toUpperCase());
        case 'title':
          return eb(eb.fn('lower', ['a.job_title']), '=', String(v).toLowerCase());
      }
    }
  }
}

const columns = [
  'a.id',
  'a.badge_number',
  'a.email',
  'a.first_name',
  'a.last_name',
  'a.job_title',
  'a.professional_phone',
  'a.status',
  'a.created_at',
  'a.updated_at',
  'a.department_id',
  'a.job_profile_id',
  'a.service_id',
  'a.manager_id',
  'a.departure_date',
  'a.start_date',
  'd.code as department_code',
  'jp.code as job_profile_code',
  's.code as service_code',
  'm.first_name as manager_first_name',
  'm.last_name as manager_last_name',
  'm.badge_number as manager_badge_number',
  'x.external_id',
] as const;

export type StoredUser = ScimUserRow & { job_profile_id: string; service_id: string | null; manager_badge_number: string | null; departure_date: string | null; start_date: string };

export async function findUser(db: Db, id: string): Promise<StoredUser | undefined> {
  return users(db).select(columns).where('a.id', '=', id).executeTakeFirst();
}

/** Locks the agent's row for the rest of the transaction; false when there is no such (live) agent. */
export async function lockUser(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('agents').select('id').where('id', '=', id).where('status', '!=', 'departed').forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function listUsers(db: Db, condition: UserCondition | undefined, offset: number, limit: number): Promise<StoredUser[]> {
  if (limit === 0) return [];
  let query = users(db).select(columns);
  if (condition) query = query.where((eb) => where(eb, condition));
  return query.orderBy('a.badge_number').offset(offset).limit(limit).execute();
}

export async function countUsers(db: Db, condition: UserCondition | undefined): Promise<number> {
  let query = users(db).select((eb) => eb.fn.countAll<number>().as('total'));
  if (condition) query = query.where((eb) => where(eb, condition));
  return Number((await query.executeTakeFirstOrThrow()).total);
}

/** By code first (DASCO), then by exact name, for directories that carry the department's full name. */
export async function findDepartment(db: Db, reference: string) {
  const byCode = await db.selectFrom('departments').select(['id', 'code']).where('code', '=', reference.toUpperCase()).executeTakeFirst();
  if (byCode) return byCode;
  const byName = await db
    .selectFrom('departments')
    .select(['id', 'code'])
    .where(sql<string>`lower(name)`, '=', reference.toLowerCase())
    .limit(2)
    .execute();
  return byName.length === 1 ? byName[0] : undefined;
}

export function findJobProfile(db: Db, code: string) {
  return db.selectFrom('job_profiles').select(['id', 'code', 'name']).where(sql<string>`lower(code)`, '=', code.toLowerCase()).executeTakeFirst();
}

export function findJobProfileById(db: Db, id: string) {
  return db.selectFrom('job_profiles').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

export function findService(db: Db, departmentId: string, code: string) {
  return db
    .selectFrom('services')
    .select(['id', 'code'])
    .where('department_id', '=', departmentId)
    .where(sql<string>`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();
}

export function findLiveAgent(db: Db, id: string) {
  return db.selectFrom('agents').select(['id', 'badge_number']).where('id', '=', id).where('status', '!=', 'departed').executeTakeFirst();
}

/** Agents other than `exceptId` holding this badge number or this e-mail (citext: without case). */
export function findHolders(db: Db, badgeNumber: string, email: string, exceptId: string | null) {
  let query = db
    .selectFrom('agents')
    .select(['id', 'badge_number', 'email', 'status'])
    .where((eb) => eb.or([eb('badge_number', '=', badgeNumber), eb('email', '=', email)]));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.execute();
}

export function findExternalIdHolder(db: Db, externalId: string) {
  return db.selectFrom('scim_external_ids').select('agent_id').where('external_id', '=', externalId).executeTakeFirst();
}

export type AgentValues = {
  badge_number: string;
  email: string;
  first_name: string;
  last_name: string;
  department_id: string;
  service_id: string | null;
  unit_id?: null;
  job_profile_id: string;
  job_title: string;
  manager_id: string | null;
  professional_phone: string | null;
  status: string;
};

type LifecycleValues = { suspended_at?: Date | null; suspension_reason?: string | null; departure_date?: string; departed_at?: Date };

export function insertAgent(db: Db, values: AgentValues & LifecycleValues & { start_date: string; created_at: Date; updated_at: Date }) {
  return db.insertInto('agents').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertAccount(db: Db, agentId: string, passwordHash: string) {
  return db.insertInto('accounts').values({ agent_id: agentId, password_hash: passwordHash, password_temporary: true }).execute();
}

export function updateAgent(db: Db, id: string, values: Partial<AgentValues> & LifecycleValues & { updated_at: Date }) {
  return db.updateTable('agents').set(values).where('id', '=', id).execute();
}

export async function setExternalId(db: Db, agentId: string, externalId: string | null): Promise<void> {
  if (externalId === null) {
    await db.deleteFrom('scim_external_ids').where('agent_id', '=', agentId).execute();
    return;
  }
  await db
    .insertInto('scim_external_ids')
    .values({ agent_id: agentId, external_id: externalId })
    .onConflict((c) => c.column('agent_id').doUpdateSet({ external_id: externalId }))
    .execute();
}
