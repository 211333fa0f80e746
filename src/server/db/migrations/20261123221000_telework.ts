import { type Kysely, sql } from 'kysely';

// Telework (décret 2016-151): the arrangement a request asks for and, once approved, how it runs (its end
// with notice, its quarterly reviews); the interview a refusal must follow; the floating days booked one by
// one against the quota; and the claims for the home-equipment allowance (forfait télétravail).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telework_arrangements')
    // One arrangement per request: its status (pending, approved, refused…) is the request's.
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('fixed_days', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('floating_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`floating_days between 0 and 200`))
    .addColumn('floating_per', 'text', (c) => c.check(sql`floating_per in ('week', 'month', 'year')`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('adaptation_months', 'integer', (c) => c.notNull().check(sql`adaptation_months between 0 and 3`))
    // The agent's statement that the place of telework is suitable (décret 2016-151, art. 5).
    .addColumn('installation_declared_at', 'timestamptz', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) <= 1000`))
    .addColumn('notice_given_on', 'date')
    .addColumn('notice_given_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('ends_on', 'date')
    .addColumn('ending_reason', 'text', (c) => c.check(sql`char_length(ending_reason) <= 1000`))
    // The last quarterly review the agent and their manager were reminded of: once each.
    .addColumn('last_review_on', 'date')
    .addCheckConstraint('telework_arrangements_floating', sql`(floating_days = 0) = (floating_per is null)`)
    .addCheckConstraint(
      'telework_arrangements_fixed_days',
      sql`fixed_days <@ array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']::text[]`,
    )
    .addCheckConstraint('telework_arrangements_notice', sql`(notice_given_on is null) or (ends_on is not null)`)
    .execute();
  await db.schema.createIndex('telework_arrangements_agent_idx').on('telework_arrangements').columns(['agent_id', 'starts_on']).execute();

  await db.schema
    .createTable('telework_refusal_interviews')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('telework_arrangements.request_id').onDelete('cascade'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull().check(sql`char_length(attendees) between 3 and 500`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telework_floating_days')
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('arrangement_id', 'uuid', (c) => c.notNull().references('telework_arrangements.request_id').onDelete('cascade'))
    .addColumn('booked_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('telework_floating_days_pk', ['agent_id', 'day'])
    .execute();
  await db.schema.createIndex('telework_floating_days_arrangement_idx').on('telework_floating_days').columns(['arrangement_id', 'day']).execute();

  await db.schema
    .createTable('telework_allowance_claims')
    .addColumn('request_id', 'uuid', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2021 and 2200`))
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days between 1 and 92`))
    // Integer cents, never a float: 2,88 € a day within the yearly cap.
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
    .execute();
  await db.schema.createIndex('telework_allowance_claims_agent_idx').on('telework_allowance_claims').columns(['agent_id', 'year', 'quarter']).execute();
}
