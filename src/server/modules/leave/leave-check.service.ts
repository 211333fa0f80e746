// Every rule a leave request must meet, in one place: the submission runs it under the agent's lock, and the
// form's live preview runs the very same checks (no second copy of the rules in the browser). A refusal is a
// 422 naming the field and the reason, in words the agent can act on.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { frenchDate } from '../accounts/paris-calendar.ts';
import { ensureYearAllocation } from './allocation.service.ts';
import { availableHalfDays, pendingOn } from './available.ts';
import { hasBalance, leaveRulesOf, MAX_DAYS_IN_PAST, type RequestableType, type RulesSource } from './leave-config.ts';
import { type AgentPeriod, periodsOf, specialAbsenceUsed } from './leave-requests.repo.ts';
import { daysText, LEAVE_TYPE_NAMES, periodText } from './leave-words.ts';
import { periodsOverlap } from './rules/period-halves.ts';
import {
  addDays,
  checkConsecutiveAbsence,
  countLeaveHalfDays,
  type LeavePeriod,
  type LeavePeriodError,
  type SpecialAbsenceReason,
  specialAbsenceAllowance,
  type WorkingCycle,
} from './rules/index.ts';

export type LeaveAsk = { type: RequestableType; specialReason: SpecialAbsenceReason | null; period: LeavePeriod };
export type CheckedLeave = { halfDays: number; leaveYear: number; availableHalfDays: number | null };

function refuse(field: string, rule: string, message: string): never {
  throw new AppError('unprocessable', message, { errors: [{ field, rule, message } satisfies FieldError] });
}

const periodErrors: Record<LeavePeriodError, { field: string; message: string }> = {
  invalid_date: { field: 'startDate', message: 'Date invalide : utilisez le format AAAA-MM-JJ.' },
  end_before_start: { field: 'endDate', message: 'La date de fin précède la date de début.' },
  afternoon_to_noon_same_day: { field: 'endsAt', message: 'Sur une même journée, une absence ne peut pas commencer l’après-midi et finir à midi.' },
  period_too_long: { field: 'endDate', message: 'Cette période est trop longue.' },
  no_working_half_day: { field: 'startDate', message: 'Cette période ne compte aucune demi-journée travaillée (week-end, jour férié ou jour non travaillé).' },
};

/** The working half-days of the period for this agent, or a 422 saying what is wrong with its shape. */
export function countPeriod(period: LeavePeriod, cycle: WorkingCycle, ctx: RulesSource): number {
  const count = countLeaveHalfDays(period, cycle, leaveRulesOf(ctx));
  if (!count.ok) refuse(periodErrors[count.error].field, count.error, periodErrors[count.error].message);
  return count.halfDays;
}

const statusWords: Record<AgentPeriod['status'], string> = { pending: 'en attente de réponse', approved: 'acceptée', recorded: 'enregistrée par le service RH' };

/** « votre demande de congés annuels du 2 au 6 mars 2026 (acceptée) », « une absence enregistrée par le service RH du … » */
export function periodName(other: AgentPeriod): string {
  if (other.status === 'recorded') return `une absence enregistrée par le service RH ${periodText(other)}`;
  return `votre demande « ${LEAVE_TYPE_NAMES[other.type]} » ${periodText(other)} (${statusWords[other.status]})`;
}

/** Refuses a period that shares a half-day with another of the agent's requests or absences, naming it. */
export async function refuseOverlap(db: Db, agentId: string, period: LeavePeriod, who: 'agent' | 'hr'): Promise<void> {
  const clash = (await periodsOf(db, [agentId], period.startDate, period.endDate, true)).find((other) => periodsOverlap(other, period));
  if (!clash) return;
  const named = who === 'agent' ? periodName(clash) : periodName(clash).replace('votre demande', 'la demande de l’agent');
  refuse('startDate', 'overlap', `Cette période chevauche ${named}.`);
}

export async function checkLeave(db: Db, ctx: RulesSource, agentId: string, cycle: WorkingCycle, ask: LeaveAsk, today: string, at: Date): Promise<CheckedLeave> {
  const { type, period } = ask;
  const rules = leaveRulesOf(ctx);
  const halfDays = countPeriod(period, cycle, ctx);
  const leaveYear = Number(period.startDate.slice(0, 4));
  const earliest = addDays(today, -MAX_DAYS_IN_PAST[type]);
  if (period.startDate < earliest) {
    refuse('startDate', 'start_in_past', type === 'special_absence'
      ? `Une autorisation d’absence se demande au plus tard ${MAX_DAYS_IN_PAST[type]} jours après l’événement.`
      : 'Un congé ne peut pas commencer avant aujourd’hui.');
  }
  if (leaveYear > Number(today.slice(0, 4)) + 1) refuse('startDate', 'too_far_ahead', 'Les congés se demandent au plus tard pour l’année prochaine.');
  await refuseOverlap(db, agentId, period, 'agent');

  // The 31-day limit is the annual leave's (décret 85-1250, art. 4); RTT taken next to it lengthens the same absence.
  if (type === 'annual_leave' || type === 'rtt') {
    const around = await periodsOf(db, [agentId], addDays(period.startDate, -rules.maxConsecutiveAbsenceDays * 2), addDays(period.endDate, rules.maxConsecutiveAbsenceDays * 2), true);
    const joined = checkConsecutiveAbsence(period, around.filter((p) => p.type === 'annual_leave' || p.type === 'rtt'), cycle, rules);
    if (!joined.ok && joined.error === 'absence_too_long') {
      const { absence } = joined;
      refuse('endDate', 'absence_too_long', `Une absence du service ne peut dépasser ${rules.maxConsecutiveAbsenceDays} jours consécutifs : avec vos autres congés, celle-ci irait du ${frenchDate(absence.from)} au ${frenchDate(absence.to)} (${absence.calendarDays} jours).`);
    }
  }

  if (type === 'special_absence') {
    if (!ask.specialReason) refuse('specialReason', 'special_reason_required', 'Choisissez le motif de l’autorisation d’absence.');
    const limit = specialAbsenceAllowance(ask.specialReason, cycle, rules);
    const used = limit.perYear ? await specialAbsenceUsed(db, agentId, ask.specialReason, leaveYear) : 0;
    if (used + halfDays > limit.halfDays) {
      refuse('endDate', 'special_allowance_exceeded', limit.perYear
        ? `Cette autorisation d’absence est limitée à ${daysText(limit.halfDays)} par an : il en reste ${daysText(Math.max(0, limit.halfDays - used))} pour ${leaveYear}.`
        : `Cette autorisation d’absence est limitée à ${daysText(limit.halfDays)} par événement.`);
    }
    return { halfDays, leaveYear, availableHalfDays: null };
  }

  if (!hasBalance(type)) return { halfDays, leaveYear, availableHalfDays: null };
  await ensureYearAllocation(db, ctx, agentId, leaveYear, at);
  const available = await availableHalfDays(db, agentId, type, leaveYear);
  if (halfDays > available) {
    const pending = await pendingOn(db, agentId, type, leaveYear);
    const balanceName = type === 'cet' ? 'sur votre compte épargne-temps' : `${type === 'rtt' ? 'de RTT' : 'de congés annuels'} ${leaveYear}`;
    refuse('endDate', 'insufficient_balance', `Solde insuffisant : il vous reste ${daysText(Math.max(0, available))} ${balanceName}${pending > 0 ? ` (${daysText(pending)} déjà demandés, en attente)` : ''}, et cette demande en compte ${daysText(halfDays)}.`);
  }
  return { halfDays, leaveYear, availableHalfDays: available };
}
