import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AgentStatus } from './accounts.schema.ts';
import { escapeLike } from '../../db/like-pattern.ts';

export type AgentRow = NonNullable<Awaited<ReturnType<typeof findAgentDetail>>>;

// One agent with everything an HR officer reads about them, names resolved.
export function findAgentDetail(db: Db, agentId: string) {
  return detailQuery(db).where('a.id', '=', agentId).executeTakeFirst();
}

export async function findAgentDetails(db: Db, agentIds: string[]): Promise<AgentRow[]> {
  const rows: AgentRow[] = [];
  for (let i = 0; i < agentIds.length; i += 1000) rows.push(...(await detailQuery(db).where('a.id', 'in', agentIds.slice(i, i + 1000)).execute()));
  return rows;
}

function detailQuery(db: Db) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as jp', 'jp.id', 'a.job_profile_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('sites as si', 'si.id', 'a.site_id')
    .leftJoin('grades as g', 'g.id', 'a.grade_id')
    .leftJoin('agents as m', 'm.id', 'a.manager_id')
    .leftJoin('accounts as acc', 'acc.agent_id', 'a.id')
    .select([
      'a.id',
      'a.badge_number',
      'a.first_name',
      'a.last_name',
      'a.email',
      'a.professional_phone',
      'a.department_id',
      'd.code as department_code',
      'd.name as department_name',
      'a.service_id',
      's.code as service_code',
      's.name as service_name',
      'a.unit_id',
      'u.name as unit_name',
      'a.site_id',
      'si.name as site_name',
      'a.job_profile_id',
      'jp.code as job_profile_code',
      'jp.name as job_profile_name',
      'a.grade_id',
      'g.code as grade_code',
      'g.name as grade_name',
      'g.category as grade_category',
      'a.job_title',
      'a.manager_id',
      'm.badge_number as manager_badge_number',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      'a.status',
      'a.start_date',
      'a.departure_date',
      'a.suspended_at',
      'a.suspension_reason',
      'a.departed_at',
      'acc.agent_id as account_agent_id',
      'acc.password_hash',
      'acc.password_temporary',
      'acc.locked_until',
      'acc.enrolment_code_expires_at',
    ]);
}

export async function lastSignInAt(db: Db, agentId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('connection_events')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .where('agent_id', '=', agentId)
    .where('kind', '=', 'sign_in')
    .where('result', '=', 'success')
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function confirmedSecondFactors(db: Db, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('second_factors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type AgentListFilter = {
  departmentIds?: string[];
  status?: AgentStatus;
  departmentCode?: string;
  serviceCode?: string;
  text?: string;
  offset: number;
  limit: number;
};

function listQuery(db: Db, f: AgentListFilter) {
  let q = db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('services as s', 's.id', 'a.service_id');
  if (f.departmentIds) q = q.where('a.department_id', 'in', f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.departmentCode) q = q.where('d.code', '=', f.departmentCode);
  if (f.serviceCode) q = q.where('s.code', '=', f.serviceCode);
  if (f.text) {
    const digits = f.text.replace(/\s/g, '');
    const like = `%${escapeLike(f.text.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        /^\d{1,7}$/.test(digits) ? eb('a.badge_number', 'like', `${digits}%`) : eb.val(false),
        eb(sql<string>`lower(unaccent(a.first_name || ' ' || a.last_name))`, 'like', sql<string>`lower(unaccent(${like}))`),
        eb(sql<string>`lower(unaccent(a.last_name || ' ' || a.first_name))`, 'like', sql<string>`lower(unaccent(${like}))`),
        eb(sql<string>`lower(a.email::text)`, 'like', like),
        eb(sql<string>`lower(unaccent(a.job_title))`, 'like', sql<string>`lower(unaccent(${like}))`),
      ]),
    );
  }
  return q;
}

export async function listAgents(db: Db, f: AgentListFilter) {
  const [items, total] = await Promise.all([
    listQuery(db, f)
      .select([
        'a.id',
        'a.badge_number',
        'a.first_name',
        'a.last_name',
        'a.email',
        'd.code as department_code',
        'd.name as department_name',
        's.code as service_code',
        's.name as service_name',
        'a.job_title',
        'a.status',
        'a.start_date',
        'a.departure_date',
      ])
      // Accents ignored, so that Émilie Érard sorts among the E (the embedded database collates bytes).
      .orderBy(sql`lower(unaccent(a.last_name))`)
      .orderBy(sql`lower(unaccent(a.first_name))`)
      .orderBy('a.badge_number')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    listQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

// Inside a transaction: the row, locked, so that the job and an HR officer cannot both change its status.
export function lockAgent(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select([
      'id',
      'badge_number',
      'first_name',
      'last_name',
      'email',
      'department_id',
      'service_id',
      'unit_id',
      'manager_id',
      'status',
      'start_date',
      'departure_date',
    ])
    .where('id', '=', agentId)
    .forUpdate()
    .executeTakeFirst();
}

export type AgentChanges = Partial<{
  first_name: string;
  last_name: string;
  email: string;
  department_id: string;
  service_id: string | null;
  unit_id: string | null;
  site_id: string | null;
  job_profile_id: string;
  grade_id: string | null;
  job_title: string;
  manager_id: string | null;
  professional_phone: string | null;
  status: AgentStatus;
  start_date: string;
  departure_date: string | null;
  suspended_at: Date | null;
  suspension_reason: string | null;
  departed_at: Date | null;
}>;

export async function updateAgent(db: Db, agentId: string, changes: AgentChanges, at: Date): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('agents').set({ ...changes, updated_at: at }).where('id', '=', agentId).execute();
}

/** Agents holding any of these badge numbers or e-mails (citext: e-mails compared without case). */
export function findAgentsByBadgesOrEmails(db: Db, badges: string[], emails: string[]) {
  return db
    .selectFrom('agents')
    .select([
      'id',
      'badge_number',
      'email',
      'first_name',
      'last_name',
      'department_id',
      'service_id',
      'unit_id',
      'job_profile_id',
      'grade_id',
      'job_title',
      'manager_id',
      'status',
      'start_date',
      'departure_date',
    ])
    .where((eb) =>
      eb.or([
        badges.length ? eb('badge_number', 'in', badges) : eb.val(false),
        emails.length ? eb('email', 'in', emails) : eb.val(false),
      ]),
    )
    .execute();
}

export function findAgentsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('agents').select(['id', 'badge_number', 'first_name', 'last_name', 'department_id']).where('id', 'in', ids).execute();
}

// What the lifecycle job has to do today (served by the partial indexes of the account-lifecycle migration).
export function dueDepartures(db: Db, today: string, limit: number) {
  return db
    .selectFrom('agents')
    .select(['id'])
    .where('departure_date', 'is not', null)
    .where('departure_date', '<=', today)
    .where('status', '<>', 'departed')
    .orderBy('departure_date')
    .limit(limit)
    .execute();
}

export function dueArrivals(db: Db, today: string, limit: number) {
  return db.selectFrom('agents').select(['id']).where('status', '=', 'pending').where('start_date', '<=', today).orderBy('start_date').limit(limit).execute();
}

export async function setManagers(db: Db, managerByAgent: Map<string, string>, at: Date): Promise<void> {
  const agentsByManager = new Map<string, string[]>();
  for (const [agentId, managerId] of managerByAgent) {
    const agents = agentsByManager.get(managerId) ?? [];
    agents.push(agentId);
    agentsByManager.set(managerId, agents);
  }
  for (const [managerId, agentIds] of agentsByManager) {
    await db.updateTable('agents').set({ manager_id: managerId, updated_at: at }).where('id', 'in', agentIds).execute();
  }
}
