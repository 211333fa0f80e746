import { type Kysely, sql } from 'kysely';

// Employer certificates as issued: the PDF bytes and their SHA-256 are kept, because a certificate never
// changes after issue and the agent downloads the very same document again. Only the SHA-256 of the
// verification code is stored: the public page looks certificates up by it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence certificate_reference_seq`.execute(db);
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('employment', 'salary', 'departure')`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date')
    .addColumn('period_to', 'date')
    .addColumn('verification_code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('revocation_reason', 'text')
    .execute();
  await db.schema.createIndex('certificates_agent_idx').on('certificates').columns(['agent_id', 'issued_at']).execute();
}
