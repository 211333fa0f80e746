import { type Kysely, sql } from 'kysely';

// The life of an account as HR runs it: suspensions (with their reason), departures that happen at a date,
// and changes of department (mobility), immediate or scheduled, kept as the agent's assignment history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agents')
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('suspension_reason', 'text')
    .addColumn('departed_at', 'timestamptz')
    .execute();

  // What the hourly lifecycle job looks for: departures due, pending accounts whose first day has come.
  await sql`create index agents_departure_due_idx on agents (departure_date) where departure_date is not null and status <> 'departed'`.execute(db);
  await sql`create index agents_pending_start_idx on agents (start_date) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('department_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('from_department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('to_department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('to_service_id', 'uuid', (c) => c.references('services.id'))
    .addColumn('to_unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('to_manager_id', 'uuid', (c) => c.references('agents.id'))
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.references('agents.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('applied_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addCheckConstraint('department_changes_moves', sql`from_department_id <> to_department_id`)
    .execute();
  await db.schema.createIndex('department_changes_agent_idx').on('department_changes').columns(['agent_id', 'effective_date']).execute();
  // At most one mobility waiting per agent: a second one would make the first one's outcome a guess.
  await sql`create unique index department_changes_one_pending_idx on department_changes (agent_id)
    where applied_at is null and cancelled_at is null`.execute(db);
  await sql`create index department_changes_due_idx on department_changes (effective_date)
    where applied_at is null and cancelled_at is null`.execute(db);
}
