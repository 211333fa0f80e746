import { type Kysely, sql } from 'kysely';

// Internal mobility: the job offers each department publishes (bourse des emplois), the agents' applications
// to them or spontaneous requests, and the dated steps HR moves each one through. Its own tables rather than
// the approval engine's: HR runs the flow (review, interview, decision, start date), no manager approves it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_offers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('service_id', 'uuid', (c) => c.references('services.id').onDelete('set null'))
    .addColumn('site_id', 'uuid', (c) => c.references('sites.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 3 and 200`))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('A', 'B', 'C')`))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`char_length(description) <= 10000`))
    .addColumn('contact', 'text', (c) => c.notNull().check(sql`char_length(contact) <= 300`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'closed')`))
    .addColumn('published_on', 'date')
    // Applications are accepted until the end of this day (Paris).
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint('job_offers_published_dated', sql`status <> 'published' or published_on is not null`)
    .execute();
  // Searched word by word like the directory: unaccented, lower-case, computed once per write.
  await sql`alter table job_offers add column search_text text
    generated always as (lower(public.f_unaccent(title || ' ' || description))) stored`.execute(db);
  await sql`create index job_offers_open_idx on job_offers (published_on desc, id) where status = 'published'`.execute(db);
  await db.schema.createIndex('job_offers_department_idx').on('job_offers').columns(['department_id', 'status']).execute();

  await db.schema
    .createTable('job_offer_grades')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('job_offers.id').onDelete('cascade'))
    .addColumn('grade_id', 'uuid', (c) => c.notNull().references('grades.id'))
    .addPrimaryKeyConstraint('job_offer_grades_pk', ['offer_id', 'grade_id'])
    .execute();

  await db.schema
    .createTable('mobility_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    // Null for a spontaneous request.
    .addColumn('offer_id', 'uuid', (c) => c.references('job_offers.id'))
    // Whose HR handles it: the offer's department, or the agent's own for a spontaneous request.
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('cover_letter', 'text', (c) => c.check(sql`char_length(cover_letter) <= 5000`))
    .addColumn('cv', 'bytea')
    .addColumn('cv_name', 'text')
    .addColumn('wished_job', 'text', (c) => c.check(sql`char_length(wished_job) <= 200`))
    .addColumn('reason', 'text', (c) => c.check(sql`char_length(reason) <= 5000`))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('submitted', 'hr_review', 'interview', 'decision', 'effective', 'withdrawn')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('accepted', 'not_retained')`))
    .addColumn('decision_reason', 'text')
    .addColumn('effective_on', 'date')
    .addColumn('manager_informed_at', 'timestamptz')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'mobility_applications_kind',
      sql`(offer_id is not null and cover_letter is not null and wished_job is null) or (offer_id is null and cover_letter is null and cv is null and wished_job is not null and reason is not null)`,
    )
    .addCheckConstraint('mobility_applications_decided', sql`(stage in ('decision', 'effective')) = (outcome is not null)`)
    .addCheckConstraint('mobility_applications_effective', sql`stage <> 'effective' or (outcome = 'accepted' and effective_on is not null)`)
    .addCheckConstraint('mobility_applications_cv_named', sql`(cv is null) = (cv_name is null)`)
    .execute();
  await db.schema.createIndex('mobility_applications_idempotency_idx').on('mobility_applications').columns(['agent_id', 'idempotency_key']).unique().execute();
  // One application per offer per agent, unless withdrawn.
  await sql`create unique index mobility_applications_one_per_offer_idx on mobility_applications (agent_id, offer_id)
    where offer_id is not null and stage <> 'withdrawn'`.execute(db);
  await db.schema.createIndex('mobility_applications_agent_idx').on('mobility_applications').columns(['agent_id', 'submitted_at']).execute();
  await db.schema.createIndex('mobility_applications_department_idx').on('mobility_applications').columns(['department_id', 'submitted_at']).execute();
  await db.schema.createIndex('mobility_applications_offer_idx').on('mobility_applications').columns(['offer_id']).execute();

  await db.schema
    .createTable('mobility_wished_departments')
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('mobility_applications.id').onDelete('cascade'))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('mobility_wished_departments_pk', ['application_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('mobility_application_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('mobility_applications.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('step', 'text', (c) =>
      c.notNull().check(sql`step in ('submitted', 'hr_review', 'interview', 'decision', 'effective', 'withdrawn', 'manager_informed')`),
    )
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('accepted', 'not_retained')`))
    // The day the step is about: the interview's, the start in the new post.
    .addColumn('on_date', 'date')
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) <= 5000`))
    .execute();
  await db.schema.createIndex('mobility_application_events_idx').on('mobility_application_events').columns(['application_id', 'id']).execute();
  // The timeline is a record: nobody rewrites or removes a step. Only the database's own cascades (an agent
  // erased, an actor's id cleared) reach it, from inside a referential trigger.
  await sql`create function mobility_application_events_append_only() returns trigger language plpgsql as $$
    begin
      if pg_trigger_depth() > 1 then
        return case when tg_op = 'DELETE' then old else new end;
      end if;
      raise exception 'mobility_application_events is append-only';
    end $$`.execute(db);
  await sql`create trigger mobility_application_events_no_rewrite before update or delete on mobility_application_events
    for each row execute function mobility_application_events_append_only()`.execute(db);
}
