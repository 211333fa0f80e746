import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The IT support console marks "ce n'était pas moi" alerts handled: by whom and with what note, so the
  // next person on duty sees what was done without searching the audit trail.
  await db.schema
    .alterTable('security_alerts')
    .addColumn('handled_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('handling_note', 'text')
    .execute();
  await db.schema.createIndex('security_alerts_agent_idx').on('security_alerts').column('agent_id').execute();
  // The console lists open alerts first, newest first.
  await sql`create index security_alerts_open_idx on security_alerts (created_at desc) where handled_at is null`.execute(db);

  // Finding an account by the start of any word of the name, accents and case ignored, among 50,000 agents:
  // a trigram index needs an immutable expression, and unaccent() is only stable (its dictionary could
  // change), so the dictionary is named explicitly, in the schema the extension was installed in.
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
  const schema = sql.id(rows[0]?.schema ?? 'public');
  await sql`create function agent_name_words(first_name text, last_name text) returns text
    language sql immutable strict parallel safe
    as $$ select ' ' || regexp_replace(lower(${schema}.unaccent(${sql.lit(`${rows[0]?.schema ?? 'public'}.unaccent`)}::regdictionary, first_name || ' ' || last_name)), '[-''’.]', ' ', 'g') $$`.execute(db);
  await sql`create index agents_name_words_trgm_idx on agents using gin (agent_name_words(first_name, last_name) gin_trgm_ops)`.execute(db);
}
