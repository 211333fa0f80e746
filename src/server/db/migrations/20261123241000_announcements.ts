import { type Kysely, sql } from 'kysely';

// What support tells the agents (maintenance, incident, information) for a while, to everyone or to some
// departments; and the state of the services the portal depends on, from its own health checks.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('maintenance', 'incident', 'information')`))
    // Plain text, kept as typed: the pages escape it, so markup typed here stays visible text.
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 150`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) <= 2000`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    // No end: shown until support ends it.
    .addColumn('ends_at', 'timestamptz')
    // Empty: everyone, the sign-in page included.
    .addColumn('department_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('announcements_window', sql`ends_at is null or ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('announcements_window_idx').on('announcements').columns(['starts_at', 'ends_at']).execute();

  await db.schema
    .createTable('announcement_dismissals')
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('announcement_id', 'uuid', (c) => c.notNull().references('announcements.id').onDelete('cascade'))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_dismissals_pk', ['agent_id', 'announcement_id'])
    .execute();

  // One row a service: 'portal', 'database', 'outbox', or 'application:<id>' for a gateway application.
  await db.schema
    .createTable('service_checks')
    .addColumn('service_key', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('operational', 'degraded', 'unavailable')`))
    .addColumn('detail', 'text')
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .execute();

  // Kept apart from service_checks so an application removed later still leaves its past incidents.
  await db.schema
    .createTable('service_state_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text')
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_state_changes_at_idx').on('service_state_changes').column('at').execute();
}
