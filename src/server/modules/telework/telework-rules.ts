// Telework in the public service (décret 2016-151 of 11 February 2016, as amended by décret 2020-524 of
// 5 May 2020, and the accord-cadre of 13 July 2021): fixed days each week and/or a quota of floating days per
// week, month or year; at most 3 days of telework and at least 2 on site a week, thresholds that "may be
// assessed over a month". We read a month as four weeks (52/12 rounded down), so a monthly or yearly quota
// never exceeds what four full weeks a month would allow (12 days a month, 144 a year, for a five-day week).
// The on-site minimum is in days whatever the cycle, as the décret writes it: at 80 % over four days, two
// days of telework at most. Notice: two months from either side, one during the adaptation period (art. 5).
import type { IsoDate, Weekday, WorkingCycle } from '../leave/rules/index.ts';
import { addDays, addMonths, calendarDaysFromTo, halfDaysOwedOn, halfDaysPerWeek, isIsoDate, WEEKDAYS, weekdayOf } from '../leave/rules/index.ts';

export type TeleworkRulesConfig = {
  readonly maxTeleworkDaysPerWeek: number;
  readonly minOnSiteDaysPerWeek: number;
  readonly weeksPerMonth: number;
  readonly maxAdaptationMonths: number;
  readonly noticeMonths: number;
  readonly adaptationNoticeMonths: number;
  readonly answerWithinMonths: number;
  readonly reviewEveryMonths: number;
};

export const DEFAULT_TELEWORK_RULES: TeleworkRulesConfig = Object.freeze({
  maxTeleworkDaysPerWeek: 3,
  minOnSiteDaysPerWeek: 2,
  weeksPerMonth: 4,
  maxAdaptationMonths: 3,
  noticeMonths: 2,
  adaptationNoticeMonths: 1,
  answerWithinMonths: 1,
  reviewEveryMonths: 3,
});

export type FloatingQuota = { readonly days: number; readonly per: 'week' | 'month' | 'year' };

export type TeleworkArrangement = {
  readonly cycle: WorkingCycle;
  readonly fixedDays: readonly Weekday[];
  readonly floating?: FloatingQuota;
  readonly adaptationMonths?: number;
};

/** Quantities are half-days, as leave is: a fixed Wednesday on a morning-only cycle is one half-day. */
export type TeleworkViolation =
  | { readonly code: 'no_telework_requested' }
  | { readonly code: 'fixed_day_not_worked'; readonly weekday: Weekday }
  | { readonly code: 'fixed_day_repeated'; readonly weekday: Weekday }
  | { readonly code: 'invalid_floating_quota' }
  | { readonly code: 'over_weekly_telework_limit'; readonly limitHalfDays: number; readonly requestedHalfDays: number }
  | { readonly code: 'under_weekly_on_site_minimum'; readonly minimumHalfDays: number; readonly onSiteHalfDays: number }
  | { readonly code: 'over_monthly_telework_limit'; readonly limitHalfDays: number; readonly requestedHalfDays: number }
  | { readonly code: 'over_yearly_telework_limit'; readonly limitHalfDays: number; readonly requestedHalfDays: number }
  | { readonly code: 'adaptation_period_too_long'; readonly maxMonths: number };

/** Most telework half-days a week this cycle allows: 6 over five days, 4 over four days. */
export function maxTeleworkHalfDaysPerWeek(cycle: WorkingCycle, rules: TeleworkRulesConfig = DEFAULT_TELEWORK_RULES): number {
  return Math.max(0, Math.min(rules.maxTeleworkDaysPerWeek * 2, halfDaysPerWeek(cycle) - rules.minOnSiteDaysPerWeek * 2));
}

function fixedDayViolations(arrangement: TeleworkArrangement): TeleworkViolation[] {
  const violations: TeleworkViolation[] = [];
  const seen = new Set<Weekday>();
  for (const weekday of arrangement.fixedDays) {
    if (seen.has(weekday)) violations.push({ code: 'fixed_day_repeated', weekday });
    else if (halfDaysOwedOn(arrangement.cycle, weekday) === 0) violations.push({ code: 'fixed_day_not_worked', weekday });
    seen.add(weekday);
  }
  return violations;
}

/** Every rule the arrangement breaks; an empty list means the manager may grant it. */
export function checkTeleworkArrangement(arrangement: TeleworkArrangement, rules: TeleworkRulesConfig = DEFAULT_TELEWORK_RULES): TeleworkViolation[] {
  const { cycle, floating } = arrangement;
  const violations = fixedDayViolations(arrangement);
  const adaptation = arrangement.adaptationMonths ?? 0;
  if (!Number.isInteger(adaptation) || adaptation < 0 || adaptation > rules.maxAdaptationMonths) {
    violations.push({ code: 'adaptation_period_too_long', maxMonths: rules.maxAdaptationMonths });
  }
  if (floating && (!Number.isInteger(floating.days) || floating.days < 0)) violations.push({ code: 'invalid_floating_quota' });
  const floatingHalfDays = floating && Number.isInteger(floating.days) && floating.days > 0 ? floating.days * 2 : 0;
  const fixedHalfDays = WEEKDAYS.filter((weekday) => arrangement.fixedDays.includes(weekday)).reduce(
    (total, weekday) => total + halfDaysOwedOn(cycle, weekday),
    0,
  );
  if (fixedHalfDays + floatingHalfDays === 0) return [...violations, { code: 'no_telework_requested' }];

  const weekly = fixedHalfDays + (floating?.per === 'week' ? floatingHalfDays : 0);
  if (weekly > rules.maxTeleworkDaysPerWeek * 2) {
    violations.push({ code: 'over_weekly_telework_limit', limitHalfDays: rules.maxTeleworkDaysPerWeek * 2, requestedHalfDays: weekly });
  }
  const onSite = halfDaysPerWeek(cycle) - weekly;
  if (onSite < rules.minOnSiteDaysPerWeek * 2) {
    violations.push({ code: 'under_weekly_on_site_minimum', minimumHalfDays: rules.minOnSiteDaysPerWeek * 2, onSiteHalfDays: onSite });
  }
  const monthlyLimit = maxTeleworkHalfDaysPerWeek(cycle, rules) * rules.weeksPerMonth;
  if (floating?.per === 'month' && fixedHalfDays * rules.weeksPerMonth + floatingHalfDays > monthlyLimit) {
    const requestedHalfDays = fixedHalfDays * rules.weeksPerMonth + floatingHalfDays;
    violations.push({ code: 'over_monthly_telework_limit', limitHalfDays: monthlyLimit, requestedHalfDays });
  }
  if (floating?.per === 'year' && fixedHalfDays * rules.weeksPerMonth * 12 + floatingHalfDays > monthlyLimit * 12) {
    const requestedHalfDays = fixedHalfDays * rules.weeksPerMonth * 12 + floatingHalfDays;
    violations.push({ code: 'over_yearly_telework_limit', limitHalfDays: monthlyLimit * 12, requestedHalfDays });
  }
  return violations;
}

/** The manager answers in writing within one month of receiving the request (art. 5). */
export function answerDeadline(submittedOn: IsoDate, rules: TeleworkRulesConfig = DEFAULT_TELEWORK_RULES): IsoDate {
  return addMonths(submittedOn, rules.answerWithinMonths);
}

/** Last day of the adaptation period, or undefined when the arrangement has none. */
export function adaptationEndsOn(startedOn: IsoDate, adaptationMonths: number): IsoDate | undefined {
  return adaptationMonths > 0 ? addDays(addMonths(startedOn, adaptationMonths), -1) : undefined;
}

export type TeleworkEnding = { readonly noticeGivenOn: IsoDate; readonly startedOn: IsoDate; readonly adaptationMonths?: number };

/** The last day the arrangement still applies: a notice given on 10 March runs to 10 May inclusive (as a
 * délai in months expires on the same day of the month, Code de procédure civile art. 641). The
 * administration may shorten it for a motivated service need; that is a decision, not a computation. */
export function endDateWithNotice(ending: TeleworkEnding, rules: TeleworkRulesConfig = DEFAULT_TELEWORK_RULES): IsoDate {
  const adaptationEnd = adaptationEndsOn(ending.startedOn, ending.adaptationMonths ?? 0);
  const duringAdaptation = adaptationEnd !== undefined && ending.noticeGivenOn <= adaptationEnd;
  return addMonths(ending.noticeGivenOn, duringAdaptation ? rules.adaptationNoticeMonths : rules.noticeMonths);
}

// A review every quarter for 100 years is plenty; the bound keeps a typing error in `until` harmless.
const MAX_REVIEWS = 400;

/** Quarterly reviews from the start, each counted from the start itself so that 31 January stays the 31st. */
export function reviewDates(startedOn: IsoDate, until: IsoDate, rules: TeleworkRulesConfig = DEFAULT_TELEWORK_RULES): IsoDate[] {
  const dates: IsoDate[] = [];
  if (!isIsoDate(startedOn) || !isIsoDate(until)) return dates;
  for (let quarter = 1; quarter <= MAX_REVIEWS; quarter++) {
    const date = addMonths(startedOn, quarter * rules.reviewEveryMonths);
    if (date > until) break;
    dates.push(date);
  }
  return dates;
}

function sharesPeriod(quota: FloatingQuota, on: IsoDate): (date: IsoDate) => boolean {
  if (quota.per === 'year') return (date) => date.slice(0, 4) === on.slice(0, 4);
  if (quota.per === 'month') return (date) => date.slice(0, 7) === on.slice(0, 7);
  const monday = addDays(on, -WEEKDAYS.indexOf(weekdayOf(on)));
  return (date) => date >= monday && calendarDaysFromTo(monday, date) <= 7;
}

/** Floating days still available in the week, month or year containing `on` (each used date counted once). */
export function floatingDaysLeft(quota: FloatingQuota, usedOn: readonly IsoDate[], on: IsoDate): number {
  const inPeriod = sharesPeriod(quota, on);
  const used = new Set(usedOn.filter((date) => isIsoDate(date) && inPeriod(date))).size;
  return Math.max(0, quota.days - used);
}
