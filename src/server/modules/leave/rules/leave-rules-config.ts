// The national rules of the territorial public service, as one object a city may override value by value
// (a city's deliberation may make Whit Monday its worked "journée de solidarité", or keep a 20-day CET
// threshold). Values are written in days, as the texts write them; the rules convert to half-days.

export type RttRow = { readonly weeklyMinutes: number; readonly days: number };

export const SPECIAL_ABSENCE_REASONS = [
  'agent_wedding_or_civil_partnership',
  'death_of_close_relative',
  'serious_illness_of_close_relative',
  'sick_child_care',
  'other_with_document',
] as const;
export type SpecialAbsenceReason = (typeof SPECIAL_ABSENCE_REASONS)[number];

/** `perYear` allowances are a yearly total; the others are granted per family event. */
export type SpecialAbsenceAllowance = { readonly days: number; readonly perYear: boolean };

export type LeaveRulesConfig = {
  /** Annual leave = this × the days the agent works in a week (décret 85-1250, art. 1). */
  readonly annualLeaveWeeks: number;
  /** Fractionnement: days of annual leave taken outside this period (MM-DD, both included) earn a bonus. */
  readonly mainLeavePeriodStart: string;
  readonly mainLeavePeriodEnd: string;
  readonly fractionnementOneDayFrom: number;
  readonly fractionnementTwoDaysFrom: number;
  /** Longest absence from the service, in calendar days (décret 85-1250, art. 4). */
  readonly maxConsecutiveAbsenceDays: number;
  /** RTT days a full-time agent earns per weekly working time, sorted by weeklyMinutes. */
  readonly rttDaysByWeeklyHours: readonly RttRow[];
  readonly whitMondayIsPublicHoliday: boolean;
  /** Good Friday and 26 December, public holidays in Bas-Rhin, Haut-Rhin and Moselle only. */
  readonly alsaceMoselleHolidays: boolean;
  readonly cetMinimumServiceMonths: number;
  /** For a five-day week; prorated to the agent's cycle as the circulars do for part-time agents. */
  readonly cetMinimumAnnualLeaveTakenDays: number;
  readonly cetCapDays: number;
  /** Days on the CET beyond this need the agent's choice (keep, pay, pension) by 31 January. */
  readonly cetOptionThresholdDays: number;
  readonly specialAbsenceAllowances: Readonly<Record<SpecialAbsenceReason, SpecialAbsenceAllowance>>;
};

const hours = (h: number, m = 0) => h * 60 + m;

export const DEFAULT_LEAVE_RULES: LeaveRulesConfig = Object.freeze({
  annualLeaveWeeks: 5,
  mainLeavePeriodStart: '05-01',
  mainLeavePeriodEnd: '10-31',
  fractionnementOneDayFrom: 5,
  fractionnementTwoDaysFrom: 8,
  maxConsecutiveAbsenceDays: 31,
  rttDaysByWeeklyHours: Object.freeze([
    { weeklyMinutes: hours(35), days: 0 },
    { weeklyMinutes: hours(35, 30), days: 3 },
    { weeklyMinutes: hours(36), days: 6 },
    { weeklyMinutes: hours(36, 30), days: 9 },
    { weeklyMinutes: hours(37), days: 12 },
    { weeklyMinutes: hours(37, 30), days: 15 },
    { weeklyMinutes: hours(38), days: 18 },
    { weeklyMinutes: hours(38, 30), days: 20 },
    { weeklyMinutes: hours(39), days: 23 },
  ]),
  whitMondayIsPublicHoliday: true,
  alsaceMoselleHolidays: false,
  cetMinimumServiceMonths: 12,
  cetMinimumAnnualLeaveTakenDays: 20,
  cetCapDays: 60,
  // 15 since décret 2018-1305 (1 January 2019); it was 20 before, and some cities kept 20 by deliberation.
  cetOptionThresholdDays: 15,
  // Instruction 7 of 23 March 1950 and circular of 20 July 1982, as most cities' deliberations follow them.
  specialAbsenceAllowances: Object.freeze({
    agent_wedding_or_civil_partnership: { days: 5, perYear: false },
    death_of_close_relative: { days: 3, perYear: false },
    serious_illness_of_close_relative: { days: 3, perYear: false },
    // "Obligations hebdomadaires + 1 jour": 6 days for a five-day week, adjusted to the cycle by the rule.
    sick_child_care: { days: 6, perYear: true },
    other_with_document: { days: 1, perYear: false },
  }),
});

export function leaveRules(overrides: Partial<LeaveRulesConfig> = {}): LeaveRulesConfig {
  return Object.freeze({ ...DEFAULT_LEAVE_RULES, ...overrides });
}
