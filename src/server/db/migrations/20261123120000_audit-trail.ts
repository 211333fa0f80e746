import { type Kysely, sql } from 'kysely';

// Append-only and chained: each entry carries the hash of the previous one, so editing or deleting an
// entry breaks the chain and `audit verify` says where.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_agent_id', 'uuid', (c) => c.references('agents.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_label', 'text')
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('reason', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_events_time_idx').on('audit_events').column('occurred_at').execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_agent_id').execute();
  await db.schema.createIndex('audit_events_target_idx').on('audit_events').columns(['target_type', 'target_id']).execute();
  await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_events is append-only'; end $$`.execute(db);
  await sql`create trigger audit_events_no_update before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
}
