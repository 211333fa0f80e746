// HR's side of leave, on the agents of their perimeter (404 outside it): the agent's balances and ledger,
// the absences HR records without approval (sick leave, from the medical certificate), and corrections of a
// balance, as an allocation line with its reason, written to the audit trail with it.
import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { type Actor, authorizeOnAgent } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { notifyAgent } from '../notifications/index.ts';
import { ensureYearAllocation } from './allocation.service.ts';
import { availableHalfDays } from './available.ts';
import { balancesOf } from './balances.service.ts';
import { refuseOverlap } from './leave-check.service.ts';
import { leaveRulesOf } from './leave-config.ts';
import { absencesOf, insertAbsence } from './leave-requests.repo.ts';
import { daysText, LEAVE_TYPE_NAMES, periodText } from './leave-words.ts';
import { addEntry, lockAgent } from './ledger.repo.ts';
import { ledgerLinesOf } from './my-leave.service.ts';
import type { BalanceAdjustmentBody, HrAgentLeave, NewAbsenceBody } from './hr-leave.schema.ts';
import { leavePeriodError, workingHalfDaysIn } from './rules/index.ts';
import { workingTimeOf } from './working-time.ts';

const ABSENCE_LIMIT = 50;

async function agentOfPerimeter(ctx: AppContext, actor: Actor, badgeNumber: string) {
  const target = await authorizeOnAgent(ctx, actor, 'absence.record', { badgeNumber });
  const agent = await ctx.db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .select(['a.id', 'a.badge_number', 'a.first_name', 'a.last_name', 'a.department_id', 'd.code'])
    .where('a.id', '=', target.agentId)
    .executeTakeFirstOrThrow();
  return { ...agent, label: `${agent.first_name} ${agent.last_name} (${agent.badge_number})` };
}

function notOwnRecord(actor: Actor, agentId: string): void {
  if (actor.agentId === agentId) throw new AppError('forbidden', 'Votre propre dossier de congés est tenu par un autre gestionnaire RH.');
}

export async function agentLeave(ctx: AppContext, actor: Actor, badgeNumber: string, askedYear?: number): Promise<HrAgentLeave> {
  const agent = await agentOfPerimeter(ctx, actor, badgeNumber);
  const now = ctx.clock.now();
  const year = askedYear ?? Number(parisDate(now).slice(0, 4));
  return inTransaction(ctx.db, async (trx) => ({
    agent: { id: agent.id, badgeNumber: agent.badge_number, firstName: agent.first_name, lastName: agent.last_name, department: agent.code },
    year,
    balances: await balancesOf(trx, ctx, agent.id, year, now),
    lines: await ledgerLinesOf(trx, agent.id, year),
    absences: (await absencesOf(trx, agent.id, ABSENCE_LIMIT)).map((a) => ({
      id: a.id,
      kind: a.kind as 'sick_leave' | 'other_absence',
      startDate: a.start_date,
      startsIn: a.starts_in as 'morning' | 'afternoon',
      endDate: a.end_date,
      endsAt: a.ends_at as 'noon' | 'evening',
      halfDays: a.half_days,
      comment: a.comment,
      recordedAt: a.recorded_at.toISOString(),
    })),
  }));
}

export async function recordAbsence(ctx: AppContext, actor: Actor, auditActor: AuditActor, badgeNumber: string, body: NewAbsenceBody): Promise<{ id: string; halfDays: number }> {
  const agent = await agentOfPerimeter(ctx, actor, badgeNumber);
  notOwnRecord(actor, agent.id);
  const period = { startDate: body.startDate, startsIn: body.startsIn, endDate: body.endDate, endsAt: body.endsAt };
  const shape = leavePeriodError(period);
  if (shape) {
    const message = shape === 'end_before_start' ? 'La date de fin précède la date de début.' : 'Cette période est invalide.';
    throw new AppError('unprocessable', message, { errors: [{ field: shape === 'end_before_start' ? 'endDate' : 'startDate', rule: shape, message }] });
  }
  // Sick leave runs in calendar days; the working half-days it covers are kept for the statistics.
  const halfDays = workingHalfDaysIn(period, (await workingTimeOf(ctx.db, agent.id)).cycle, leaveRulesOf(ctx));
  const at = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    await lockAgent(trx, agent.id);
    await refuseOverlap(trx, agent.id, period, 'hr');
    const id = await insertAbsence(trx, { agentId: agent.id, kind: body.kind, period, halfDays, comment: body.comment || null, recordedBy: actor.agentId, at });
    await recordAudit(trx, {
      actor: auditActor,
      action: 'absence.record',
      target: { type: 'agent', id: agent.id, label: agent.label },
      departmentId: agent.department_id,
      changes: { kind: body.kind, startDate: period.startDate, endDate: period.endDate, halfDays },
      at,
    });
    await notifyAgent(
      trx,
      { agentId: agent.id, kind: 'leave.absence_recorded', title: 'Absence enregistrée', body: `Le service RH a enregistré : ${LEAVE_TYPE_NAMES[body.kind].toLowerCase()} ${periodText(period)}.`, link: '/conges' },
      at,
      ctx.config.publicUrl,
    );
    return { id, halfDays };
  });
}

export async function adjustBalance(ctx: AppContext, actor: Actor, auditActor: AuditActor, badgeNumber: string, body: BalanceAdjustmentBody): Promise<HrAgentLeave> {
  const agent = await agentOfPerimeter(ctx, actor, badgeNumber);
  notOwnRecord(actor, agent.id);
  const at = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await lockAgent(trx, agent.id);
    await ensureYearAllocation(trx, ctx, agent.id, body.year, at);
    if (body.halfDays < 0 && (await availableHalfDays(trx, agent.id, body.type, body.year)) + body.halfDays < 0) {
      const message = 'Ce retrait rendrait le solde négatif, en comptant les demandes en attente.';
      throw new AppError('unprocessable', message, { errors: [{ field: 'halfDays', rule: 'negative_balance', message }] });
    }
    await addEntry(trx, { agentId: agent.id, leaveType: body.type, leaveYear: body.year, entry: 'allocation', source: 'adjustment', halfDays: body.halfDays, reason: `Ajustement RH (${body.halfDays > 0 ? '+' : ''}${daysText(body.halfDays)}) : ${body.reason}`, recordedBy: actor.agentId, at });
    await recordAudit(trx, {
      actor: auditActor,
      action: 'leave.balance_adjust',
      target: { type: 'agent', id: agent.id, label: agent.label },
      departmentId: agent.department_id,
      changes: { type: body.type, year: body.year, halfDays: body.halfDays },
      reason: body.reason,
      at,
    });
  });
  return agentLeave(ctx, actor, badgeNumber, body.year);
}
