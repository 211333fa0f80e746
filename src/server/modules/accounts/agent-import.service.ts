import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { accountConflictOf, insertAgentsWithAccounts } from '../identity/index.ts';
import * as repo from './accounts.repo.ts';
import { parseAgentsCsv } from './agent-import.csv.ts';
import { type PlannedLine, planImport } from './agent-import.plan.ts';
import type { ImportAgentsBody, ImportReportResponse } from './agent-import.schema.ts';
import { changesBetween, creationChanges, snapshotOf } from './agent-view.ts';
import { agentLabel, auditAgent, type HrContext } from './hr-context.ts';
import { closeAccount } from './lifecycle.service.ts';
import { recordMove } from './mobility.service.ts';
import { parisDate } from './paris-calendar.ts';

class RefusedLines extends Error {
  readonly report: PlannedLine[];
  constructor(report: PlannedLine[]) {
    super('refused lines');
    this.report = report;
  }
}

/**
 * Imports the HR information system's export. A dry run (the default) writes nothing and says, line by line,
 * what would happen. Applying plans again inside one transaction and writes everything or nothing: a single
 * refused line refuses the file (422, one error per problem, named by line). Accounts created by import
 * have no password yet: their welcome letter (POST …/welcome-letter) draws it.
 */
export async function importAgents(h: HrContext, body: ImportAgentsBody): Promise<ImportReportResponse> {
  const { ctx, actor } = h;
  const parsed = parseAgentsCsv(body.csv);
  const now = ctx.clock.now();
  const today = parisDate(now);

  if (body.dryRun) return reportOf(await planImport(ctx.db, actor, parsed.rows, today), true, false);

  try {
    const lines = await ctx.db.transaction().execute(async (trx) => {
      const planned = await planImport(trx, actor, parsed.rows, today);
      if (planned.some((l) => l.action === 'refused')) throw new RefusedLines(planned);
      await applyPlan(trx, h, planned, body, now);
      return planned;
    });
    return reportOf(lines, false, true);
  } catch (error) {
    if (error instanceof RefusedLines) {
      const errors: FieldError[] = error.report.flatMap((l) =>
        l.errors.map((e) => ({ field: `lines.${l.line}${e.field ? `.${e.field}` : ''}`, rule: e.rule, message: `ligne ${l.line} : ${e.message}` })),
      );
      const refused = error.report.filter((l) => l.action === 'refused').length;
      throw new AppError('unprocessable', `Import refusé, rien n’a été enregistré : ${refused} ligne${refused > 1 ? 's' : ''} en erreur.`, { errors });
    }
    const conflict = accountConflictOf(error, '', '');
    if (conflict) throw new AppError('conflict', 'Un autre agent a reçu entre-temps un matricule ou une adresse du fichier : relancez la simulation.');
    throw error;
  }
}

async function applyPlan(trx: Db, h: HrContext, lines: PlannedLine[], body: ImportAgentsBody, now: Date): Promise<void> {
  const { who } = h;
  const summary = reportOf(lines, false, true).summary;
  await recordAudit(trx, {
    actor: who,
    action: 'account.import',
    target: { type: 'import', id: createHash('sha256').update(body.csv).digest('hex').slice(0, 16), label: `Import SIRH de ${summary.lines} lignes` },
    changes: { created: summary.create, updated: summary.update, unchanged: summary.unchanged },
    reason: body.reason || null,
    at: now,
  });

  const creates = lines.flatMap((l) => (l.create ? [{ ...l.create, manager_id: null }] : []));
  const idByBadge = await insertAgentsWithAccounts(trx, creates);
  const updates = lines.flatMap((l) => (l.update ? [l.update] : []));
  const before = new Map((await repo.findAgentDetails(trx, updates.map((u) => u.agentId))).map((row) => [row.id, snapshotOf(row)]));
  for (const line of lines) {
    if (!line.update) continue;
    const { agentId, values, fromDepartmentId } = line.update;
    await repo.updateAgent(trx, agentId, values, now);
    if (values.department_id && values.department_id !== fromDepartmentId) {
      await recordMove(trx, agentId, fromDepartmentId, {
        toDepartmentId: values.department_id,
        toServiceId: values.service_id ?? null,
        toUnitId: null,
        toManagerId: null,
        effectiveDate: parisDate(now),
        reason: reasonOf(line, body),
        requestedBy: h.actor.agentId,
      }, now);
    }
  }

  // Managers last: one may be a newcomer of the same file.
  const idOf = (line: PlannedLine) => (line.create ? idByBadge.get(line.create.badge_number) : line.update?.agentId);
  const managerBadges = [...new Set(lines.flatMap((l) => (l.managerBadge && !idByBadge.has(l.managerBadge) ? [l.managerBadge] : [])))];
  for (const manager of await repo.findAgentsByBadgesOrEmails(trx, managerBadges, [])) idByBadge.set(manager.badge_number, manager.id);
  const managerByAgent = new Map<string, string>();
  for (const line of lines) {
    const agentId = idOf(line);
    const managerId = line.managerBadge ? idByBadge.get(line.managerBadge) : undefined;
    if (agentId && managerId) managerByAgent.set(agentId, managerId);
  }
  await repo.setManagers(trx, managerByAgent, now);

  const written = lines.flatMap((line) => {
    const agentId = idOf(line);
    return agentId ? [{ line, agentId }] : [];
  });
  const after = new Map((await repo.findAgentDetails(trx, written.map((w) => w.agentId))).map((row) => [row.id, row]));
  for (const { line, agentId } of written) {
    const row = after.get(agentId);
    if (!row) continue;
    const previous = before.get(agentId);
    await auditAgent(trx, {
      who,
      action: line.create ? 'account.create' : 'account.update',
      agent: { id: agentId, label: agentLabel(row), departmentId: row.department_id },
      changes: previous ? changesBetween(previous, snapshotOf(row)) : creationChanges(snapshotOf(row)),
      reason: reasonOf(line, body),
      at: now,
    });
    if (line.update?.departNow) {
      const agent = await repo.lockAgent(trx, agentId);
      if (agent && agent.status !== 'departed') await closeAccount(trx, who, agent, line.update.departNow, reasonOf(line, body), now);
    }
  }
}

const reasonOf = (line: PlannedLine, body: ImportAgentsBody) => `Import SIRH, ligne ${line.line}${body.reason ? ` : ${body.reason}` : ''}`;

function reportOf(lines: PlannedLine[], dryRun: boolean, applied: boolean): ImportReportResponse {
  const count = (action: PlannedLine['action']) => lines.filter((l) => l.action === action).length;
  return {
    dryRun,
    applied,
    summary: { lines: lines.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), refused: count('refused') },
    lines: lines.map(({ line, badgeNumber, name, action, changes, errors, notes }) => ({ line, badgeNumber, name, action, changes, errors, notes })),
  };
}
