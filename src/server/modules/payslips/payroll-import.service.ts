import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type Actor, covers, type TargetAgent } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { monthsUntil, parisMonth } from './pay-months.ts';
import { computePayslip, type PayElements } from './pay-rules.ts';
import * as repo from './payslips.repo.ts';
import { readJsonLines } from './payroll-lines.ts';
import { readPayrollCsv } from './payroll.csv.ts';
import type { ImportPayrollBody, ImportPayrollReport, PayrollLine, PayrollMonths } from './payslips.schema.ts';

const MONTHS_SHOWN = 24;

export type PayrollActor = { ctx: AppContext; actor: Actor; who: AuditActor };

// Who may import or publish a line: an administrator anywhere, an HR officer only for the agents of their
// perimeter (department, service or unit of their assignment). Outside it the agent is "unknown".
export function inPayrollPerimeter(actor: Actor, target: TargetAgent): boolean {
  return actor.roles.some((a) => (a.role === 'hr_officer' || a.role === 'administrator') && covers(a, target, actor.agentId));
}

/** The same perimeter, for SQL: null for the whole city. */
export function payrollScope(actor: Actor): repo.AgentScope | null {
  const assignments = actor.roles.filter((a) => a.role === 'hr_officer' || a.role === 'administrator');
  if (assignments.some((a) => !a.departmentId && !a.serviceId && !a.unitId)) return null;
  return {
    unitIds: assignments.flatMap((a) => (a.unitId ? [a.unitId] : [])),
    serviceIds: assignments.flatMap((a) => (!a.unitId && a.serviceId ? [a.serviceId] : [])),
    departmentIds: assignments.flatMap((a) => (!a.unitId && !a.serviceId && a.departmentId ? [a.departmentId] : [])),
  };
}

export function elementsOf(line: PayrollLine): PayElements {
  const { badgeNumber: _badge, ...elements } = line;
  return elements;
}

export function elementsHash(e: PayElements): string {
  const canonical = JSON.stringify([e.indexMajore, e.nbiPoints, e.children, e.workTimePercent, e.residenceZone, e.ifseMonthlyCents, e.taxRateBasisPoints]);
  return createHash('sha256').update(canonical).digest('hex');
}

type Planned = { agentId: string; elements: PayElements; hash: string; line: number };

/**
 * Imports one month from the payroll system, all or nothing. A line identical to what is stored changes
 * nothing (importing the same month twice is harmless); a different line replaces a payslip not yet
 * published; a published payslip is changed only by an explicit rectification, which adds a new version.
 */
export async function importPayroll(p: PayrollActor, body: ImportPayrollBody): Promise<ImportPayrollReport> {
  const { ctx, actor, who } = p;
  const now = ctx.clock.now();
  const input = body.csv !== undefined ? readPayrollCsv(body.csv) : readJsonLines(body.lines ?? []);
  return ctx.db.transaction().execute(async (trx) => {
    const { errors, problem, lines: parsed } = input;
    const agents = new Map((await repo.findAgentsByBadge(trx, [...new Set(parsed.map((l) => l.value.badgeNumber))])).map((a) => [a.badge_number, a]));
    const seen = new Set<string>();
    const planned: Planned[] = [];
    for (const { line, value } of parsed) {
      const agent = agents.get(value.badgeNumber);
      const target = agent && { agentId: agent.id, departmentId: agent.department_id, serviceId: agent.service_id, unitId: agent.unit_id, managerId: agent.manager_id };
      if (!agent || !target || !inPayrollPerimeter(actor, target)) {
        errors.push(problem(line, 'badgeNumber', 'unknown_agent', `aucun agent de votre périmètre n’a le matricule ${value.badgeNumber}`));
      } else if (seen.has(agent.id)) {
        errors.push(problem(line, 'badgeNumber', 'duplicate', `le matricule ${value.badgeNumber} figure déjà plus haut dans le fichier`));
      } else {
        seen.add(agent.id);
        const elements = elementsOf(value);
        planned.push({ agentId: agent.id, elements, hash: elementsHash(elements), line });
      }
    }

    const versions = await repo.versionsOf(trx, body.month, planned.map((l) => l.agentId));
    const draftOf = new Map(versions.filter((v) => !v.published_at).map((v) => [v.agent_id, v]));
    const publishedOf = new Map(versions.filter((v) => v.published_at).map((v) => [v.agent_id, v]));
    const report: ImportPayrollReport = { month: body.month, lines: input.count, created: 0, replaced: 0, rectified: 0, unchanged: 0 };
    const inserts: repo.NewPayslip[] = [];
    const replacements: { id: string; payslip: repo.NewPayslip }[] = [];
    for (const l of planned) {
      const draft = draftOf.get(l.agentId);
      const current = publishedOf.get(l.agentId);
      const payslip = (version: number, reason: string | null): repo.NewPayslip => ({
        agentId: l.agentId,
        month: body.month,
        version,
        elements: l.elements,
        elementsSha256: l.hash,
        figures: computePayslip(body.month, l.elements),
        importedAt: now,
        publishedAt: null,
        rectificationReason: reason,
      });
      if (draft) {
        if (draft.elements_sha256 === l.hash) report.unchanged += 1;
        else {
          replacements.push({ id: draft.id, payslip: payslip(draft.version, draft.rectification_reason) });
          report.replaced += 1;
        }
      } else if (current) {
        if (current.elements_sha256 === l.hash) report.unchanged += 1;
        else if (!body.rectification) {
          errors.push(problem(l.line, null, 'published', `le bulletin de ${body.month} est déjà publié ; le modifier demande une rectification explicite (motif)`));
        } else {
          inserts.push(payslip(current.version + 1, body.rectification.reason));
          report.rectified += 1;
        }
      } else {
        inserts.push(payslip(1, null));
        report.created += 1;
      }
    }

    if (errors.length > 0) {
      const lineOf = (e: FieldError) => Number(e.field?.split('.')[1]);
      const lines = new Set(errors.map(lineOf)).size;
      throw new AppError('unprocessable', `Import refusé, rien n’a été enregistré : ${lines} ligne${lines > 1 ? 's' : ''} en erreur.`, {
        errors: errors.toSorted((a, b) => lineOf(a) - lineOf(b)),
      });
    }
    await repo.insertPayslips(trx, inserts);
    for (const r of replacements) await repo.replaceDraft(trx, r.id, r.payslip);
    if (inserts.length + replacements.length > 0) await auditImport(trx, who, body, report, now);
    return report;
  });
}

async function auditImport(trx: Db, who: AuditActor, body: ImportPayrollBody, report: ImportPayrollReport, at: Date): Promise<void> {
  await recordAudit(trx, {
    actor: who,
    action: body.rectification ? 'payroll.rectify' : 'payroll.import',
    target: { type: 'payroll_month', id: body.month, label: `Paie de ${body.month} (${report.lines} lignes)` },
    changes: { created: { from: null, to: report.created }, replaced: { from: null, to: report.replaced }, rectified: { from: null, to: report.rectified } },
    reason: body.rectification?.reason ?? null,
    at,
  });
}

/** Publishes the month's payslips waiting in the actor's perimeter: agents see them from now on. */
export async function publishMonth(p: PayrollActor, month: string): Promise<{ month: string; published: number }> {
  const { ctx, actor, who } = p;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const drafts = (await repo.draftsOfMonth(trx, month)).filter((d) =>
      inPayrollPerimeter(actor, { agentId: d.agent_id, departmentId: d.department_id, serviceId: d.service_id, unitId: d.unit_id, managerId: d.manager_id }),
    );
    if (drafts.length === 0) throw new AppError('not_found', `Aucun bulletin de ${month} en attente de publication dans votre périmètre.`);
    await repo.publish(trx, drafts.map((d) => d.id), drafts.map((d) => d.agent_id), month, now);
    await recordAudit(trx, {
      actor: who,
      action: 'payroll.publish',
      target: { type: 'payroll_month', id: month, label: `Paie de ${month}` },
      changes: { published: { from: null, to: drafts.length } },
      reason: null,
      at: now,
    });
    return { month, published: drafts.length };
  });
}

/** The months of the perimeter's payroll, from two years back: how many payslips, waiting or published. */
export async function payrollMonths(p: PayrollActor): Promise<PayrollMonths> {
  const since = monthsUntil(parisMonth(p.ctx.clock.now()), MONTHS_SHOWN)[0]!;
  const rows = await repo.monthsOverview(p.ctx.db, payrollScope(p.actor), since);
  return {
    months: rows.map((r) => ({
      month: r.month,
      agents: Number(r.agents),
      pending: Number(r.pending),
      pendingRectifications: Number(r.pendingRectifications),
      published: Number(r.published),
      lastImportedAt: new Date(r.lastImportedAt).toISOString(),
      lastPublishedAt: r.lastPublishedAt ? new Date(r.lastPublishedAt).toISOString() : null,
    })),
  };
}
