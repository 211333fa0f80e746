import { type Kysely, sql } from 'kysely';

// Colleague search on 50,000 agents: accent- and case-insensitive substring matching served by a trigram
// index. unaccent() is only STABLE, so an IMMUTABLE wrapper with an explicit dictionary makes it indexable.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function f_unaccent(text) returns text language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
  await sql`create function agent_search_text(first_name text, last_name text, job_title text) returns text
    language sql immutable parallel safe
    as $$ select lower(public.f_unaccent(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(job_title, ''))) $$`.execute(db);
  await sql`create index agents_search_trgm_idx on agents using gin (agent_search_text(first_name, last_name, job_title) gin_trgm_ops)`.execute(db);
  await sql`create index agents_last_name_idx on agents (lower(public.f_unaccent(last_name)), lower(public.f_unaccent(first_name)))`.execute(db);
  await db.schema.createIndex('agents_service_idx').on('agents').column('service_id').execute();
  await db.schema.createIndex('agents_unit_idx').on('agents').column('unit_id').execute();
}
