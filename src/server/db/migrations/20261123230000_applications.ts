import { type Kysely, sql } from 'kysely';

// The city's web applications an agent opens from the portal: in the catalogue (tiles, favourites), signed in
// through the portal's OpenID Connect provider, or reached through its identity-aware gateway. One access
// rule per application, for every way in: who (departments, job profiles, roles; empty = everyone) and how
// strongly signed in, from the city network and from outside.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('link', 'oidc', 'gateway')`))
    // Where the tile leads: the app's own address (link, oidc), or the gateway's path for it.
    .addColumn('launch_url', 'text', (c) => c.notNull())
    .addColumn('allowed_department_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('allowed_job_profile_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('allowed_roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('inside_access', 'text', (c) => c.notNull().defaultTo('password').check(sql`inside_access in ('password', 'second_factor', 'deny')`))
    .addColumn('outside_access', 'text', (c) => c.notNull().defaultTo('second_factor').check(sql`outside_access in ('password', 'second_factor', 'deny')`))
    // A department puts its own apps forward on its agents' home page.
    .addColumn('featured_department_id', 'uuid', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('application_favourites')
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_favourites_pk', ['agent_id', 'application_id'])
    .execute();

  // Every opening of an application, whichever the way in (catalogue, SSO, gateway): who, when, and the answer.
  await db.schema
    .createTable('application_access_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('agent_id', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('catalogue', 'oidc', 'gateway', 'forward_auth')`))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('allowed', 'step_up', 'denied', 'upstream_error')`))
    .addColumn('network_zone', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('application_access_events_app_idx').on('application_access_events').columns(['application_id', 'at']).execute();
}
