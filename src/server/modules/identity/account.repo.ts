import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AccountRole } from './account.schema.ts';

export function findDepartmentByCode(db: Db, code: string) {
  return db.selectFrom('departments').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export function findJobProfileByCode(db: Db, code: string) {
  return db.selectFrom('job_profiles').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function findAgentByBadgeNumber(db: Db, badgeNumber: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'badge_number', 'email', 'status'])
    .where('badge_number', '=', badgeNumber)
    .executeTakeFirst();
}

/** Agents already holding this badge number or this e-mail (citext: compared without case). */
export function findAgentsHolding(db: Db, badgeNumber: string, email: string) {
  return db
    .selectFrom('agents')
    .select(['badge_number', 'email'])
    .where((eb) => eb.or([eb('badge_number', '=', badgeNumber), eb('email', '=', email)]))
    .execute();
}

export type NewAgentRow = {
  badge_number: string;
  email: string;
  first_name: string;
  last_name: string;
  department_id: string;
  service_id?: string | null;
  unit_id?: string | null;
  site_id?: string | null;
  job_profile_id: string;
  grade_id?: string | null;
  job_title: string;
  manager_id: string | null;
  professional_phone?: string | null;
  status?: 'pending' | 'active';
  start_date: string;
  departure_date?: string | null;
};

export function insertAgent(db: Db, values: NewAgentRow) {
  return db.insertInto('agents').values(values).returning('id').executeTakeFirstOrThrow();
}

// A null hash: the account exists but nobody can sign in until a temporary password is issued.
export function insertAccount(db: Db, agentId: string, passwordHash: string | null) {
  return db.insertInto('accounts').values({ agent_id: agentId, password_hash: passwordHash, password_temporary: true }).execute();
}

export function findAgentsHoldingAny(db: Db, badgeNumbers: string[], emails: string[]) {
  return db
    .selectFrom('agents')
    .select(['badge_number', 'email'])
    .where((eb) => eb.or([eb('badge_number', 'in', badgeNumbers), eb('email', 'in', emails)]))
    .execute();
}

export function insertAgents(db: Db, rows: NewAgentRow[]) {
  return db.insertInto('agents').values(rows).returning(['id', 'badge_number']).execute();
}

export function insertAccounts(db: Db, agentIds: string[]) {
  return db
    .insertInto('accounts')
    .values(agentIds.map((agent_id) => ({ agent_id, password_hash: null, password_temporary: true })))
    .execute();
}

export function findAccountSecrets(db: Db, agentId: string) {
  return db
    .selectFrom('accounts')
    .select(['password_hash', 'password_temporary', 'enrolment_code_hash', 'enrolment_code_expires_at'])
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
}

export function insertRoleAssignment(db: Db, agentId: string, role: AccountRole, departmentId: string | null) {
  return db.insertInto('role_assignments').values({ agent_id: agentId, role, department_id: departmentId }).execute();
}

/**
 * Sets a temporary password, creating the account if the agent had none. It also lifts a lockout: the agent
 * who calls support after too many failed attempts must be able to sign in with what they were just given.
 */
export function upsertTemporaryPassword(db: Db, agentId: string, passwordHash: string) {
  const values = { password_hash: passwordHash, password_temporary: true, password_changed_at: sql<Date>`now()`, failed_attempts: 0, locked_until: null };
  return db
    .insertInto('accounts')
    .values({ agent_id: agentId, ...values })
    .onConflict((c) => c.column('agent_id').doUpdateSet(values))
    .execute();
}

/** Replaces the agent's enrolment code; false when the agent has no account. */
export async function setEnrolmentCode(db: Db, agentId: string, codeHash: string, expiresAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ enrolment_code_hash: codeHash, enrolment_code_expires_at: expiresAt })
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listAccounts(db: Db, departmentId?: string) {
  let query = db
    .selectFrom('accounts as acc')
    .innerJoin('agents as a', 'a.id', 'acc.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as jp', 'jp.id', 'a.job_profile_id')
    .select([
      'a.badge_number as badgeNumber',
      'a.email',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'd.code as departmentCode',
      'jp.code as jobProfileCode',
      'a.job_title as jobTitle',
      'a.status',
      'acc.password_temporary as passwordTemporary',
      // A subquery rather than a join + group by: an agent may hold the same role in many departments.
      sql<string[]>`array(select distinct ra.role from role_assignments ra where ra.agent_id = a.id order by ra.role)`.as('roles'),
    ])
    .orderBy('d.code')
    // Accents ignored, so that Émilie Érard sorts among the E and not after Z (the embedded database collates bytes).
    .orderBy(sql`lower(unaccent(a.last_name))`)
    .orderBy(sql`lower(unaccent(a.first_name))`)
    .orderBy('a.badge_number');
  if (departmentId) query = query.where('a.department_id', '=', departmentId);
  return query.execute();
}
