// Compte épargne-temps (décret 2004-878 of 26 August 2004, territorial public service): opened by an agent
// with at least one year of service; fed with untaken annual leave and RTT, provided the agent took at least
// 20 days of annual leave in the year; 60 days at most on the account; beyond the option threshold the agent
// chooses by 31 January of the following year what becomes of the extra days.
import type { IsoDate } from './calendar-days.ts';
import { addMonths, isIsoDate, isoDate } from './calendar-days.ts';
import { ceilDivide } from './half-days.ts';
import type { LeaveRulesConfig } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { WorkingCycle } from './working-cycle.ts';
import { halfDaysPerWeek } from './working-cycle.ts';

export type CetDepositRefusal =
  | 'invalid_date'
  | 'nothing_to_deposit'
  | 'under_one_year_of_service'
  | 'too_little_annual_leave_taken'
  | 'account_full'
  | 'over_account_cap';

export type CetDepositCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: CetDepositRefusal; readonly limitHalfDays?: number };

export type CetDeposit = {
  readonly serviceStartedOn: IsoDate;
  readonly depositOn: IsoDate;
  readonly cycle: WorkingCycle;
  /** Annual leave taken in the year the deposit is for. */
  readonly annualLeaveTakenHalfDays: number;
  readonly balanceHalfDays: number;
  readonly depositHalfDays: number;
};

type CetRules = Pick<LeaveRulesConfig, 'cetMinimumServiceMonths' | 'cetMinimumAnnualLeaveTakenDays' | 'cetCapDays'>;

/** The first day the agent may open a CET: one year after the first day of service. */
export function cetOpeningDate(serviceStartedOn: IsoDate, rules: CetRules = DEFAULT_LEAVE_RULES): IsoDate {
  return addMonths(serviceStartedOn, rules.cetMinimumServiceMonths);
}

/** 20 days for a five-day week, prorated to the agent's cycle (16 days over four days), half-day up. */
export function cetMinimumAnnualLeaveTaken(cycle: WorkingCycle, rules: CetRules = DEFAULT_LEAVE_RULES): number {
  return ceilDivide(rules.cetMinimumAnnualLeaveTakenDays * 2 * halfDaysPerWeek(cycle), 10);
}

export function cetDepositAllowed(deposit: CetDeposit, rules: CetRules = DEFAULT_LEAVE_RULES): CetDepositCheck {
  if (!isIsoDate(deposit.serviceStartedOn) || !isIsoDate(deposit.depositOn)) return { allowed: false, reason: 'invalid_date' };
  if (!Number.isInteger(deposit.depositHalfDays) || deposit.depositHalfDays <= 0) return { allowed: false, reason: 'nothing_to_deposit' };
  if (deposit.depositOn < cetOpeningDate(deposit.serviceStartedOn, rules)) return { allowed: false, reason: 'under_one_year_of_service' };
  const minimumTaken = cetMinimumAnnualLeaveTaken(deposit.cycle, rules);
  if (deposit.annualLeaveTakenHalfDays < minimumTaken) {
    return { allowed: false, reason: 'too_little_annual_leave_taken', limitHalfDays: minimumTaken };
  }
  const room = rules.cetCapDays * 2 - deposit.balanceHalfDays;
  if (room <= 0) return { allowed: false, reason: 'account_full', limitHalfDays: 0 };
  if (deposit.depositHalfDays > room) return { allowed: false, reason: 'over_account_cap', limitHalfDays: room };
  return { allowed: true };
}

/** The agent's choice for the days beyond the threshold is due by 31 January of the following year. */
export function cetOptionDeadline(year: number): IsoDate {
  return isoDate(year + 1, 1, 31);
}

/** Half-days on the account, at the end of the year, the agent must choose what to do with. */
export function cetHalfDaysNeedingAChoice(balanceHalfDays: number, rules: Pick<LeaveRulesConfig, 'cetOptionThresholdDays'> = DEFAULT_LEAVE_RULES): number {
  return Math.max(0, balanceHalfDays - rules.cetOptionThresholdDays * 2);
}
