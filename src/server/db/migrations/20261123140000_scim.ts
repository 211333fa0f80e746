import { type Kysely, sql } from 'kysely';

// SCIM provisioning: the bearer tokens HR systems and directory syncs use (only a hash of each token is
// stored), and the externalId each of them gives the accounts it provisions. Groups are the departments
// themselves (docs/decisions/0005-scim.md): no table of their own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('agents.id'))
    .execute();
  // The name is how the audit trail names the client: two live tokens must not share it.
  await sql`create unique index scim_tokens_live_name_idx on scim_tokens (lower(name)) where revoked_at is null`.execute(db);

  // One externalId namespace for all clients: rotating a connector's token must not lose the links.
  await db.schema
    .createTable('scim_external_ids')
    .addColumn('agent_id', 'uuid', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull().unique().check(sql`length(external_id) between 1 and 200`))
    .execute();
}
