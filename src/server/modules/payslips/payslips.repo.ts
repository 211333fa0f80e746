import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { PayslipFigures } from './pay-rules.ts';
import type { PayElements } from './pay-rules.ts';

export type PayslipRow = {
  id: string;
  agent_id: string;
  month: string;
  version: number;
  elements: PayElements;
  elements_sha256: string;
  lines: PayslipFigures['lines'];
  published_at: Date | null;
  superseded_at: Date | null;
  rectification_reason: string | null;
  gross_cents: number;
  deductions_cents: number;
  net_before_tax_cents: number;
  net_taxable_cents: number;
  tax_cents: number;
  net_paid_cents: number;
  employer_cents: number;
};

const columns = [
  'id',
  'agent_id',
  'month',
  'version',
  'elements',
  'elements_sha256',
  'lines',
  'published_at',
  'superseded_at',
  'rectification_reason',
  'gross_cents',
  'deductions_cents',
  'net_before_tax_cents',
  'net_taxable_cents',
  'tax_cents',
  'net_paid_cents',
  'employer_cents',
] as const;

export type NewPayslip = {
  agentId: string;
  month: string;
  version: number;
  elements: PayElements;
  elementsSha256: string;
  figures: PayslipFigures;
  importedAt: Date;
  publishedAt: Date | null;
  rectificationReason: string | null;
};

function valuesOf(p: NewPayslip) {
  const f = p.figures;
  return {
    agent_id: p.agentId,
    month: p.month,
    version: p.version,
    elements: JSON.stringify(p.elements),
    elements_sha256: p.elementsSha256,
    lines: JSON.stringify(f.lines),
    gross_cents: f.grossCents,
    deductions_cents: f.deductionsCents,
    net_before_tax_cents: f.netBeforeTaxCents,
    net_taxable_cents: f.netTaxableCents,
    tax_cents: f.taxCents,
    net_paid_cents: f.netPaidCents,
    employer_cents: f.employerCents,
    imported_at: p.importedAt,
    published_at: p.publishedAt,
    rectification_reason: p.rectificationReason,
  };
}

export async function insertPayslips(db: Db, payslips: NewPayslip[], options: { skipExisting?: boolean } = {}): Promise<void> {
  // Chunks keep each statement under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < payslips.length; i += 2_000) {
    const insert = db.insertInto('payslips').values(payslips.slice(i, i + 2_000).map(valuesOf));
    await (options.skipExisting ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
  }
}

export function agentsPaidBetween(db: Db, firstMonth: string, lastMonth: string) {
  return db
    .selectFrom('agents')
    .leftJoin('grades', 'grades.id', 'agents.grade_id')
    .select(['agents.id', 'agents.badge_number', 'agents.start_date', 'agents.departure_date', 'grades.category'])
    .where('agents.start_date', '<=', `${lastMonth}-28`)
    .where((eb) => eb.or([eb('agents.departure_date', 'is', null), eb('agents.departure_date', '>=', `${firstMonth}-01`)]))
    .orderBy('agents.badge_number')
    .execute();
}

export async function replaceDraft(db: Db, id: string, p: NewPayslip): Promise<void> {
  const { agent_id: _a, month: _m, version: _v, published_at: _p, ...values } = valuesOf(p);
  await db.updateTable('payslips').set(values).where('id', '=', id).where('published_at', 'is', null).execute();
}

export function findAgentsByBadge(db: Db, badgeNumbers: string[]) {
  if (badgeNumbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agents')
    .select(['id', 'badge_number', 'department_id', 'service_id', 'unit_id', 'manager_id'])
    .where('badge_number', 'in', badgeNumbers)
    .execute();
}

/** The draft and the current published version of each agent's payslip for the month. */
export async function versionsOf(db: Db, month: string, agentIds: string[]): Promise<PayslipRow[]> {
  if (agentIds.length === 0) return [];
  const rows = await db
    .selectFrom('payslips')
    .select(columns)
    .where('month', '=', month)
    .where('agent_id', 'in', agentIds)
    .where('superseded_at', 'is', null)
    .execute();
  return rows as unknown as PayslipRow[];
}

export function draftsOfMonth(db: Db, month: string) {
  return db
    .selectFrom('payslips')
    .innerJoin('agents', 'agents.id', 'payslips.agent_id')
    .select(['payslips.id', 'payslips.agent_id', 'agents.department_id', 'agents.service_id', 'agents.unit_id', 'agents.manager_id'])
    .where('payslips.month', '=', month)
    .where('payslips.published_at', 'is', null)
    .execute();
}

export async function publish(db: Db, draftIds: string[], agentIds: string[], month: string, at: Date): Promise<void> {
  if (draftIds.length === 0) return;
  // The previous published version steps aside first: one current version per agent and month.
  await db
    .updateTable('payslips')
    .set({ superseded_at: at })
    .where('month', '=', month)
    .where('agent_id', 'in', agentIds)
    .where('published_at', 'is not', null)
    .where('superseded_at', 'is', null)
    .execute();
  await db.updateTable('payslips').set({ published_at: at }).where('id', 'in', draftIds).execute();
}

function published(db: Db, agentId: string) {
  return db.selectFrom('payslips').where('agent_id', '=', agentId).where('published_at', 'is not', null).where('superseded_at', 'is', null);
}

export function listPublished(db: Db, agentId: string, year: number) {
  return published(db, agentId)
    .select(['month', 'version', 'gross_cents', 'net_paid_cents', 'published_at'])
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    .orderBy('month', 'desc')
    .execute();
}

export async function findPublished(db: Db, agentId: string, month: string): Promise<PayslipRow | undefined> {
  return (await published(db, agentId).select(columns).where('month', '=', month).executeTakeFirst()) as PayslipRow | undefined;
}

export async function findPrevious(db: Db, agentId: string, month: string): Promise<PayslipRow | undefined> {
  return (await published(db, agentId).select(columns).where('month', '<', month).orderBy('month', 'desc').limit(1).executeTakeFirst()) as
    | PayslipRow
    | undefined;
}

export function yearToDate(db: Db, agentId: string, month: string) {
  return published(db, agentId)
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('gross_cents'), eb.lit(0)).as('gross'),
      eb.fn.coalesce(eb.fn.sum<number>('net_taxable_cents'), eb.lit(0)).as('netTaxable'),
      eb.fn.coalesce(eb.fn.sum<number>('tax_cents'), eb.lit(0)).as('tax'),
      eb.fn.coalesce(eb.fn.sum<number>('net_paid_cents'), eb.lit(0)).as('netPaid'),
    ])
    .where('month', '>=', `${month.slice(0, 4)}-01`)
    .where('month', '<=', month)
    .executeTakeFirstOrThrow();
}

export function publishedYears(db: Db, agentId: string) {
  return published(db, agentId).select(sql<string>`left(month, 4)`.as('year')).distinct().orderBy('year', 'desc').execute();
}

/** Part of the city, by assignment: agents of these units, services or departments. */
export type AgentScope = { unitIds: string[]; serviceIds: string[]; departmentIds: string[] };

export function monthsOverview(db: Db, scope: AgentScope | null, since: string) {
  return db
    .selectFrom('payslips')
    .innerJoin('agents', 'agents.id', 'payslips.agent_id')
    .select([
      'payslips.month',
      sql<number>`count(distinct payslips.agent_id)::int`.as('agents'),
      sql<number>`(count(*) filter (where payslips.published_at is null))::int`.as('pending'),
      sql<number>`(count(*) filter (where payslips.published_at is null and payslips.version > 1))::int`.as('pendingRectifications'),
      sql<number>`(count(*) filter (where payslips.published_at is not null))::int`.as('published'),
      sql<Date>`max(payslips.imported_at)`.as('lastImportedAt'),
      sql<Date | null>`max(payslips.published_at)`.as('lastPublishedAt'),
    ])
    .where('payslips.superseded_at', 'is', null)
    .where('payslips.month', '>=', since)
    .where((eb) => {
      if (!scope) return eb.lit(true);
      const inList = (column: 'agents.unit_id' | 'agents.service_id' | 'agents.department_id', ids: string[]) => (ids.length > 0 ? [eb(column, 'in', ids)] : []);
      const any = [...inList('agents.unit_id', scope.unitIds), ...inList('agents.service_id', scope.serviceIds), ...inList('agents.department_id', scope.departmentIds)];
      return any.length > 0 ? eb.or(any) : eb.lit(false);
    })
    .groupBy('payslips.month')
    .orderBy('payslips.month', 'desc')
    .execute();
}

export function agentHeader(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .innerJoin('departments', 'departments.id', 'agents.department_id')
    .leftJoin('grades', 'grades.id', 'agents.grade_id')
    .select(['agents.badge_number', 'agents.first_name', 'agents.last_name', 'agents.job_title', 'departments.name as department', 'grades.name as grade'])
    .where('agents.id', '=', agentId)
    .executeTakeFirstOrThrow();
}

export function storedPdf(db: Db, id: string) {
  return db.selectFrom('payslips').select(['pdf', 'pdf_sha256']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Stores the PDF once: a concurrent first download loses the race and serves the winner's bytes. */
export async function storePdfOnce(db: Db, id: string, pdf: Buffer, sha256: string, at: Date): Promise<void> {
  await db.updateTable('payslips').set({ pdf, pdf_sha256: sha256, pdf_generated_at: at }).where('id', '=', id).where('pdf', 'is', null).execute();
}

export async function deleteMonthsBefore(db: Db, month: string): Promise<number> {
  const result = await db.deleteFrom('payslips').where('month', '<', month).executeTakeFirst();
  return Number(result.numDeletedRows);
}
