import { type Kysely, sql } from 'kysely';

// The training catalogue (courses and their sessions) and the agents' registrations. A registration is the
// detail of a request of kind 'training': the engine carries the manager's answer, the registration says
// where the agent stands (seat, waiting list, attendance). The waiting list is in the order the managers'
// approvals found the session full: a number drawn under the session's lock, never two alike.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence training_waiting_rank_seq`.execute(db);
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) =>
      c.notNull().check(sql`theme in ('reception', 'health_safety', 'digital', 'management', 'public_law', 'trade_skills')`),
    )
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('e_learning', 'in_person', 'webinar')`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 15 and 30000`))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .execute();
  // Computed once per write, so that a search over the catalogue ignores accents and case without work.
  await sql`alter table training_courses add column search_text text
    generated always as (lower(public.f_unaccent(title || ' ' || description || ' ' || audience))) stored`.execute(db);
  await sql`alter table training_courses add column sort_title text generated always as (lower(public.f_unaccent(title))) stored`.execute(db);
  // Two courses with the same title would be one course entered twice.
  await db.schema.createIndex('training_courses_title_idx').on('training_courses').column('sort_title').unique().execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('training_courses.id').onDelete('cascade'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // No capacity for e-learning: everyone approved gets in.
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity between 1 and 1000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addCheckConstraint('training_sessions_dates', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('training_sessions_course_idx').on('training_sessions').columns(['course_id', 'starts_on']).execute();
  await db.schema.createIndex('training_sessions_starts_idx').on('training_sessions').column('starts_on').execute();

  await db.schema
    .createTable('training_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('training_sessions.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (c) => c.notNull().unique().references('requests.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'registered', 'waiting', 'refused', 'withdrawn', 'cancelled', 'attended', 'absent')`),
    )
    .addColumn('comment', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('waiting_since', 'timestamptz')
    .addColumn('waiting_rank', 'bigint')
    .addColumn('attendance_recorded_at', 'timestamptz')
    .addColumn('attendance_recorded_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addCheckConstraint('training_registrations_waiting', sql`status <> 'waiting' or (waiting_since is not null and waiting_rank is not null)`)
    .execute();
  // One live registration per agent and session; a refused or cancelled one may be followed by another.
  await sql`create unique index training_registrations_live_idx on training_registrations (session_id, agent_id)
    where status in ('pending', 'registered', 'waiting', 'attended', 'absent')`.execute(db);
  await db.schema.createIndex('training_registrations_session_idx').on('training_registrations').columns(['session_id', 'status', 'waiting_rank']).execute();
  await db.schema.createIndex('training_registrations_agent_idx').on('training_registrations').columns(['agent_id', 'requested_at']).execute();
}
