import { type Kysely, sql } from 'kysely';

// The agent's personal file (GDPR: only the agent and the HR officers of their department see it), the
// trail of who consulted it and why, the agent's correction requests, bank details history and access requests.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('personal_files')
    .addColumn('agent_id', 'uuid', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    .addColumn('birth_name', 'text', (c) => c.notNull())
    .addColumn('usage_name', 'text')
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('birth_place', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull().defaultTo('française'))
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('France'))
    .addColumn('personal_phone', 'text')
    .addColumn('personal_email', 'text')
    .addColumn('family_status', 'text', (c) => c.notNull().defaultTo('celibataire'))
    .addColumn('echelon', 'integer')
    .addColumn('index_majore', 'integer')
    // Working time: a percentage of full time and the weekly hours in minutes (integers, never floats).
    .addColumn('working_time_percent', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('weekly_minutes', 'integer', (c) => c.notNull().defaultTo(2100))
    .addColumn('work_cycle', 'text', (c) => c.notNull().defaultTo('hebdomadaire'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('personal_file_children')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personal_file_children_agent_idx').on('personal_file_children').column('agent_id').execute();

  await db.schema
    .createTable('career_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .execute();
  await db.schema.createIndex('career_assignments_agent_idx').on('career_assignments').column('agent_id').execute();

  // Append-only: a change applies from the next pay run, so payroll reads the latest row effective by then.
  await db.schema
    .createTable('bank_details')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('iban_encrypted', 'text', (c) => c.notNull())
    .addColumn('bic_encrypted', 'text', (c) => c.notNull())
    .addColumn('iban_last4', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bank_details_agent_idx').on('bank_details').columns(['agent_id', 'effective_from']).execute();

  await db.schema
    .createTable('personal_file_consultations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('consulted_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    // Snapshots: the agent must still read who it was after the officer changed role or left.
    .addColumn('consulted_by_label', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index personal_file_consultations_agent_idx on personal_file_consultations (agent_id, occurred_at desc)`.execute(db);

  await db.schema
    .createTable('personal_file_corrections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('document', 'bytea')
    .addColumn('document_type', 'text')
    .addColumn('document_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'refused')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('refusal_reason', 'text')
    .execute();
  await db.schema.createIndex('personal_file_corrections_agent_idx').on('personal_file_corrections').column('agent_id').execute();
  await sql`create index personal_file_corrections_pending_idx on personal_file_corrections (department_id, created_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('data_access_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_access_requests_agent_idx').on('data_access_requests').column('agent_id').execute();
}
