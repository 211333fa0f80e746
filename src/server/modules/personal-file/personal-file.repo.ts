import type { Db } from '../../db/connection.ts';

export async function findFile(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('grades as g', 'g.id', 'a.grade_id')
    .leftJoin('personal_files as f', 'f.agent_id', 'a.id')
    .select([
      'a.id', 'a.badge_number', 'a.first_name', 'a.last_name', 'a.email', 'a.department_id', 'd.code as department_code',
      'g.name as grade_name', 'f.agent_id as file_agent_id', 'f.birth_name', 'f.usage_name', 'f.birth_date', 'f.birth_place',
      'f.nationality', 'f.address_line1', 'f.address_line2', 'f.postal_code', 'f.city', 'f.country', 'f.personal_phone',
      'f.personal_email', 'f.family_status', 'f.echelon', 'f.index_majore', 'f.working_time_percent', 'f.weekly_minutes', 'f.work_cycle',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

export async function childrenOf(db: Db, agentId: string) {
  return db.selectFrom('personal_file_children').select(['first_name', 'birth_date']).where('agent_id', '=', agentId).orderBy('birth_date').execute();
}

export async function assignmentsOf(db: Db, agentId: string) {
  return db
    .selectFrom('career_assignments')
    .select(['label', 'department_code', 'starts_on', 'ends_on'])
    .where('agent_id', '=', agentId)
    .orderBy('starts_on', 'desc')
    .execute();
}

export async function bankDetailsOf(db: Db, agentId: string) {
  return db
    .selectFrom('bank_details')
    .select(['iban_last4', 'bic_encrypted', 'effective_from', 'created_at'])
    .where('agent_id', '=', agentId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertBankDetails(
  db: Db,
  row: { agentId: string; ibanEncrypted: string; bicEncrypted: string; last4: string; effectiveFrom: string; at: Date },
): Promise<void> {
  await db
    .insertInto('bank_details')
    .values({
      agent_id: row.agentId,
      iban_encrypted: row.ibanEncrypted,
      bic_encrypted: row.bicEncrypted,
      iban_last4: row.last4,
      effective_from: row.effectiveFrom,
      created_at: row.at,
    })
    .execute();
}

export async function insertConsultation(
  db: Db,
  row: { agentId: string; consultedBy: string; label: string; role: string; departmentCode: string | null; purpose: string; at: Date },
): Promise<void> {
  await db
    .insertInto('personal_file_consultations')
    .values({
      agent_id: row.agentId,
      consulted_by: row.consultedBy,
      consulted_by_label: row.label,
      role: row.role,
      department_code: row.departmentCode,
      purpose: row.purpose,
      occurred_at: row.at,
    })
    .execute();
}

export async function consultationsOf(db: Db, agentId: string) {
  return db
    .selectFrom('personal_file_consultations')
    .select(['occurred_at', 'consulted_by_label', 'role', 'department_code', 'purpose'])
    .where('agent_id', '=', agentId)
    .orderBy('occurred_at', 'desc')
    .limit(500)
    .execute();
}

export async function agentLabel(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select(['first_name', 'last_name', 'badge_number', 'email', 'department_id'])
    .where('id', '=', agentId)
    .executeTakeFirstOrThrow();
}

export async function insertDataAccessRequest(db: Db, row: { agentId: string; format: 'json' | 'pdf'; ip: string; at: Date }): Promise<void> {
  await db.insertInto('data_access_requests').values({ agent_id: row.agentId, format: row.format, ip: row.ip, requested_at: row.at }).execute();
}

export async function dataAccessRequestsOf(db: Db, agentId: string) {
  return db.selectFrom('data_access_requests').select(['format', 'requested_at']).where('agent_id', '=', agentId).orderBy('requested_at', 'desc').execute();
}
