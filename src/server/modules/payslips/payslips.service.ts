import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { parisMonth } from './pay-months.ts';
import { computePayslip } from './pay-rules.ts';
import { explainLine, lineLabels } from './payslip-explain.ts';
import { renderPayslip } from './payslip.pdf.ts';
import * as repo from './payslips.repo.ts';
import type { PayslipDetail, PayslipList } from './payslips.schema.ts';

export async function listPayslips(ctx: AppContext, agentId: string, year?: number): Promise<PayslipList> {
  const y = year ?? Number(parisMonth(ctx.clock.now()).slice(0, 4));
  const rows = await repo.listPublished(ctx.db, agentId, y);
  const years = await repo.publishedYears(ctx.db, agentId);
  return {
    year: y,
    years: years.map((r) => Number(r.year)),
    payslips: rows.map((r) => ({
      month: r.month,
      version: r.version,
      grossCents: Number(r.gross_cents),
      netPaidCents: Number(r.net_paid_cents),
      publishedAt: r.published_at!.toISOString(),
    })),
  };
}

async function publishedOrNotFound(ctx: AppContext, agentId: string, month: string) {
  const row = await repo.findPublished(ctx.db, agentId, month);
  if (!row) throw new AppError('not_found', `Aucun bulletin de paie publié pour ${month}.`);
  return row;
}

const totalsOf = (r: repo.PayslipRow) => ({
  grossCents: Number(r.gross_cents),
  deductionsCents: Number(r.deductions_cents),
  netBeforeTaxCents: Number(r.net_before_tax_cents),
  netTaxableCents: Number(r.net_taxable_cents),
  taxCents: Number(r.tax_cents),
  netPaidCents: Number(r.net_paid_cents),
  employerCents: Number(r.employer_cents),
});

async function yearToDate(ctx: AppContext, agentId: string, month: string) {
  const ytd = await repo.yearToDate(ctx.db, agentId, month);
  return { grossCents: Number(ytd.gross), netTaxableCents: Number(ytd.netTaxable), taxCents: Number(ytd.tax), netPaidCents: Number(ytd.netPaid) };
}

/** One payslip, each line explained and compared with the previous month's. */
export async function payslipDetail(ctx: AppContext, agentId: string, month: string): Promise<PayslipDetail> {
  const row = await publishedOrNotFound(ctx, agentId, month);
  const previous = await repo.findPrevious(ctx.db, agentId, month);
  const figures = computePayslip(month, row.elements); // explains with the scales of the month
  const before = new Map((previous?.lines ?? []).map((l) => [l.code, l.amountCents]));
  const agent = await repo.agentHeader(ctx.db, agentId);
  return {
    month,
    version: row.version,
    publishedAt: row.published_at!.toISOString(),
    rectificationReason: row.rectification_reason,
    agent: { badgeNumber: agent.badge_number, firstName: agent.first_name, lastName: agent.last_name, department: agent.department },
    lines: row.lines.map((l) => {
      const previousAmount = previous ? (before.get(l.code) ?? null) : null;
      return {
        code: l.code,
        kind: l.kind,
        label: lineLabels[l.code],
        explanation: explainLine(l, figures, row.elements),
        baseCents: l.baseCents,
        ratePercent: l.rate ? (l.rate.num * 100) / l.rate.den : null,
        amountCents: l.amountCents,
        previousAmountCents: previousAmount,
        differenceCents: l.amountCents - (previousAmount ?? 0),
      };
    }),
    totals: totalsOf(row),
    previousTotals: previous ? totalsOf(previous) : null,
    yearToDate: await yearToDate(ctx, agentId, month),
  };
}

/**
 * The PDF of a published payslip: drawn once, at its first download, then always the stored bytes, so what
 * the agent keeps never changes (the SHA-256 stored beside it proves it). A rectification is a new version
 * with its own PDF; the old one stays as it was.
 */
export async function payslipPdf(ctx: AppContext, agentId: string, month: string): Promise<{ pdf: Buffer; sha256: string; version: number }> {
  const row = await publishedOrNotFound(ctx, agentId, month);
  const stored = await repo.storedPdf(ctx.db, row.id);
  if (stored.pdf && stored.pdf_sha256) return { pdf: stored.pdf, sha256: stored.pdf_sha256, version: row.version };
  const agent = await repo.agentHeader(ctx.db, agentId);
  const pdf = await renderPayslip({
    employer: { name: ctx.config.org.name, department: agent.department },
    agent: { badgeNumber: agent.badge_number, firstName: agent.first_name, lastName: agent.last_name, grade: agent.grade, jobTitle: agent.job_title },
    month,
    version: row.version,
    rectificationReason: row.rectification_reason,
    indexMajore: row.elements.indexMajore,
    workTimePercent: row.elements.workTimePercent,
    lines: row.lines,
    totals: totalsOf(row),
    yearToDate: await yearToDate(ctx, agentId, month),
    publishedAt: row.published_at!,
  });
  await repo.storePdfOnce(ctx.db, row.id, pdf, sha256Of(pdf), ctx.clock.now());
  const kept = await repo.storedPdf(ctx.db, row.id);
  return { pdf: kept.pdf!, sha256: kept.pdf_sha256!, version: row.version };
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** HR reading the payslips of their perimeter: allowed, and written down on the audit trail. */
export async function recordPayslipConsultation(
  ctx: AppContext,
  who: AuditActor,
  target: { agentId: string; departmentId: string },
  read: { what: 'detail' | 'pdf'; month: string } | { what: 'list'; year: number },
): Promise<void> {
  const agent = await repo.agentHeader(ctx.db, target.agentId);
  const period = read.what === 'list' ? { year: { from: null, to: read.year } } : { month: { from: null, to: read.month } };
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: who,
      action: 'payslip.view',
      target: { type: 'agent', id: target.agentId, label: `${agent.first_name} ${agent.last_name} (${agent.badge_number})` },
      departmentId: target.departmentId,
      changes: { ...period, format: { from: null, to: read.what } },
      reason: null,
      at: ctx.clock.now(),
    }),
  );
}
