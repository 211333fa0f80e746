import { type Kysely, sql } from 'kysely';

// Payslips as the payroll system sends them, month by month. A month's payslip of an agent may have several
// versions (a rectification after publication adds one); the published PDF of a version is stored with its
// SHA-256 so that what the agent downloaded once is what they download forever.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payslips')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('elements', 'jsonb', (c) => c.notNull())
    .addColumn('elements_sha256', 'text', (c) => c.notNull())
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addColumn('gross_cents', 'bigint', (c) => c.notNull())
    .addColumn('deductions_cents', 'bigint', (c) => c.notNull())
    .addColumn('net_before_tax_cents', 'bigint', (c) => c.notNull())
    .addColumn('net_taxable_cents', 'bigint', (c) => c.notNull())
    .addColumn('tax_cents', 'bigint', (c) => c.notNull())
    .addColumn('net_paid_cents', 'bigint', (c) => c.notNull())
    .addColumn('employer_cents', 'bigint', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('rectification_reason', 'text')
    .addColumn('pdf', 'bytea')
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_generated_at', 'timestamptz')
    .addCheckConstraint('payslips_month_format', sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
    .addCheckConstraint('payslips_net_is_gross_minus_deductions', sql`net_paid_cents = gross_cents - deductions_cents`)
    .execute();
  await db.schema.createIndex('payslips_agent_month_version_idx').on('payslips').columns(['agent_id', 'month', 'version']).unique().execute();
  // At most one version of a month waiting for publication, and one current published version.
  await sql`create unique index payslips_one_draft_idx on payslips (agent_id, month) where published_at is null`.execute(db);
  await sql`create unique index payslips_one_current_idx on payslips (agent_id, month) where published_at is not null and superseded_at is null`.execute(db);
  await db.schema.createIndex('payslips_month_idx').on('payslips').column('month').execute();
}
