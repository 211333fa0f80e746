import { type Kysely, sql } from 'kysely';

// Leave and absences: the details of each leave request (the approval itself is the engine's `requests` row),
// the deposits to the compte épargne-temps, the absences HR records (sick leave), the minimum staffing a
// manager sets for their team, and the ledger every balance is summed from. Dates of leave are calendar days;
// amounts are half-days (2 = one day), never fractions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leave_requests')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('leave_type', 'text', (c) => c.notNull().check(sql`leave_type in ('annual_leave', 'rtt', 'cet', 'special_absence')`))
    .addColumn('special_reason', 'text')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('starts_in', 'text', (c) => c.notNull().check(sql`starts_in in ('morning', 'afternoon')`))
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull().check(sql`ends_at in ('noon', 'evening')`))
    .addColumn('half_days', 'integer', (c) => c.notNull().check(sql`half_days > 0`))
    // The balance it draws on: the leave year of its first day, even when it runs into January.
    .addColumn('leave_year', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) <= 1000`))
    .addColumn('document', 'bytea')
    .addColumn('document_type', 'text')
    .addColumn('document_name', 'text')
    .addCheckConstraint('leave_requests_dates', sql`end_date >= start_date`)
    .addCheckConstraint('leave_requests_special_reason', sql`(leave_type = 'special_absence') = (special_reason is not null)`)
    .execute();
  await db.schema.createIndex('leave_requests_agent_idx').on('leave_requests').columns(['agent_id', 'end_date']).execute();

  await db.schema
    .createTable('cet_deposits')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('from_type', 'text', (c) => c.notNull().check(sql`from_type in ('annual_leave', 'rtt')`))
    .addColumn('leave_year', 'integer', (c) => c.notNull())
    .addColumn('half_days', 'integer', (c) => c.notNull().check(sql`half_days > 0`))
    .execute();
  await db.schema.createIndex('cet_deposits_agent_idx').on('cet_deposits').columns(['agent_id', 'leave_year']).execute();

  await db.schema
    .createTable('recorded_absences')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sick_leave', 'other_absence')`))
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('starts_in', 'text', (c) => c.notNull().check(sql`starts_in in ('morning', 'afternoon')`))
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull().check(sql`ends_at in ('noon', 'evening')`))
    .addColumn('half_days', 'integer', (c) => c.notNull().check(sql`half_days >= 0`))
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) <= 1000`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('recorded_absences_dates', sql`end_date >= start_date`)
    .execute();
  await db.schema.createIndex('recorded_absences_agent_idx').on('recorded_absences').columns(['agent_id', 'end_date']).execute();

  await db.schema
    .createTable('team_minimum_staffing')
    .addColumn('manager_id', 'uuid', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    .addColumn('minimum', 'integer', (c) => c.notNull().check(sql`minimum between 1 and 500`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('leave_ledger')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id'))
    .addColumn('leave_type', 'text', (c) => c.notNull().check(sql`leave_type in ('annual_leave', 'rtt', 'cet')`))
    .addColumn('leave_year', 'integer', (c) => c.notNull().check(sql`leave_year between 2000 and 2200`))
    .addColumn('entry', 'text', (c) => c.notNull().check(sql`entry in ('allocation', 'taken', 'cancelled', 'carried_over', 'expired')`))
    // Where an allocation comes from: the yearly entitlement (once per agent, type and year), fractionnement
    // days, or an HR adjustment; the other entries come from a request, a CET deposit or the expiry job.
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('yearly', 'fractionnement', 'adjustment', 'request', 'cet_deposit', 'expiry')`),
    )
    .addColumn('half_days', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'uuid', (c) => c.references('requests.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('agents.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // The sign says the direction, so a balance is a plain sum: taken and expired take, cancelled gives back.
    .addCheckConstraint(
      'leave_ledger_sign',
      sql`case entry
        when 'taken' then half_days < 0
        when 'expired' then half_days < 0
        when 'cancelled' then half_days > 0
        else half_days <> 0 or source = 'yearly' end`,
    )
    .execute();
  await db.schema.createIndex('leave_ledger_agent_idx').on('leave_ledger').columns(['agent_id', 'leave_type', 'leave_year']).execute();
  await sql`create unique index leave_ledger_yearly_idx on leave_ledger (agent_id, leave_type, leave_year) where source = 'yearly'`.execute(db);
  // A request is taken once and given back once, whatever retries or races happen around its decision.
  await sql`create unique index leave_ledger_request_idx on leave_ledger (request_id, leave_type, entry) where request_id is not null`.execute(db);
  await sql`create function leave_ledger_append_only() returns trigger language plpgsql as $$
    begin raise exception 'leave_ledger is append-only: add a correcting entry instead'; end $$`.execute(db);
  await sql`create trigger leave_ledger_no_update before update or delete on leave_ledger
    for each row execute function leave_ledger_append_only()`.execute(db);
}
