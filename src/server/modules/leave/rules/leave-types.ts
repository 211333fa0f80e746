// The kinds of absence an agent's calendar holds, and what each implies: who records it, which balance it
// draws on, whether a supporting document is required. Sick leave is recorded by HR from the medical
// certificate, never requested by the agent; special absences (ASA) need proof of the family event.
import type { LeaveRulesConfig, SpecialAbsenceReason } from './leave-rules-config.ts';
import { DEFAULT_LEAVE_RULES } from './leave-rules-config.ts';
import type { WorkingCycle } from './working-cycle.ts';
import { halfDaysPerWeek } from './working-cycle.ts';

export const LEAVE_TYPES = ['annual_leave', 'rtt', 'cet', 'special_absence', 'sick_leave'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

export type LeaveTypeRule = {
  readonly recordedBy: 'agent' | 'hr';
  readonly balance: 'annual_leave' | 'rtt' | 'cet' | undefined;
  readonly needsSupportingDocument: boolean;
  /** Only annual leave counts toward fractionnement days and the 31-day limit of décret 85-1250. */
  readonly isAnnualLeave: boolean;
};

export const LEAVE_TYPE_RULES: Readonly<Record<LeaveType, LeaveTypeRule>> = Object.freeze({
  annual_leave: { recordedBy: 'agent', balance: 'annual_leave', needsSupportingDocument: false, isAnnualLeave: true },
  rtt: { recordedBy: 'agent', balance: 'rtt', needsSupportingDocument: false, isAnnualLeave: false },
  cet: { recordedBy: 'agent', balance: 'cet', needsSupportingDocument: false, isAnnualLeave: false },
  special_absence: { recordedBy: 'agent', balance: undefined, needsSupportingDocument: true, isAnnualLeave: false },
  sick_leave: { recordedBy: 'hr', balance: undefined, needsSupportingDocument: true, isAnnualLeave: false },
});

export type SpecialAbsenceLimit = { readonly halfDays: number; readonly perYear: boolean };

/** Most half-days one family event (or, for a sick child, one year) allows; the child-care allowance is
 * "a week of service plus one day", so it follows the agent's cycle (6 days over five days, 5 over four). */
export function specialAbsenceAllowance(
  reason: SpecialAbsenceReason,
  cycle: WorkingCycle,
  rules: Pick<LeaveRulesConfig, 'specialAbsenceAllowances'> = DEFAULT_LEAVE_RULES,
): SpecialAbsenceLimit {
  const { days, perYear } = rules.specialAbsenceAllowances[reason];
  if (reason === 'sick_child_care') return { halfDays: Math.max(0, (days - 5) * 2 + halfDaysPerWeek(cycle)), perYear };
  return { halfDays: days * 2, perYear };
}
