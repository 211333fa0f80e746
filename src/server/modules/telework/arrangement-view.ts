import { addDays, halfDaysOwedOn, type IsoDate, isPublicHoliday, type Weekday, weekdayOf, type WorkingCycle } from '../leave/rules/index.ts';
import type { ArrangementView } from './telework.schema.ts';
import { adaptationEndsOn, endDateWithNotice, type FloatingQuota, floatingDaysLeft, reviewDates } from './telework-rules.ts';

// Four weeks ahead: far enough to plan, near enough that the list stays short on a phone.
export const BOOKING_HORIZON_DAYS = 28;

export type ArrangementFields = {
  request_id: string;
  agent_id: string;
  fixed_days: string[];
  floating_days: number;
  floating_per: string | null;
  starts_on: IsoDate;
  adaptation_months: number;
  notice_given_on: IsoDate | null;
  notice_given_by: string | null;
  ends_on: IsoDate | null;
  ending_reason: string | null;
};

export function quotaOf(row: Pick<ArrangementFields, 'floating_days' | 'floating_per'>): FloatingQuota | null {
  return row.floating_days > 0 && row.floating_per ? { days: row.floating_days, per: row.floating_per as FloatingQuota['per'] } : null;
}

export const fixedDaysOf = (row: Pick<ArrangementFields, 'fixed_days'>) => row.fixed_days as Weekday[];

/** The first quarterly review on or after `today`, unless the arrangement ends before it. */
export function nextReviewOn(row: ArrangementFields, today: IsoDate): IsoDate | null {
  const from = row.starts_on > today ? row.starts_on : today;
  const next = reviewDates(row.starts_on, addDays(from, 100)).find((date) => date >= from) ?? null;
  return next && (!row.ends_on || next <= row.ends_on) ? next : null;
}

function endedBy(row: ArrangementFields): ArrangementView['endedBy'] {
  if (!row.ends_on) return null;
  if (!row.notice_given_by) return 'replaced';
  return row.notice_given_by === row.agent_id ? 'agent' : 'manager';
}

/** What the agent and their manager read of an arrangement, on `today`. */
export function describeArrangement(row: ArrangementFields, today: IsoDate): Omit<ArrangementView, 'floatingLeft' | 'upcomingDays'> {
  return {
    requestId: row.request_id,
    fixedDays: fixedDaysOf(row),
    floating: quotaOf(row),
    startsOn: row.starts_on,
    adaptationMonths: row.adaptation_months,
    adaptationEndsOn: adaptationEndsOn(row.starts_on, row.adaptation_months) ?? null,
    nextReviewOn: nextReviewOn(row, today),
    endsOn: row.ends_on,
    noticeGivenOn: row.notice_given_on,
    endedBy: endedBy(row),
    endingReason: row.ending_reason,
    endsOnIfNoticeToday: endDateWithNotice({ noticeGivenOn: today, startedOn: row.starts_on, adaptationMonths: row.adaptation_months }),
  };
}

export type BookingCalendar = { cycle: WorkingCycle; booked: readonly IsoDate[]; onLeave: ReadonlySet<IsoDate> };

/** Why a floating day cannot be booked on `date`, or null when it can (the quota aside). */
export function unbookableReason(row: ArrangementFields, date: IsoDate, today: IsoDate, calendar: Omit<BookingCalendar, 'booked'>): string | null {
  const weekday = weekdayOf(date);
  if (date <= today) return 'Choisissez un jour à venir.';
  if (date < row.starts_on || (row.ends_on && date > row.ends_on)) return 'Votre télétravail ne couvre pas ce jour.';
  if (halfDaysOwedOn(calendar.cycle, weekday) === 0) return 'Vous ne travaillez pas ce jour-là.';
  if (isPublicHoliday(date)) return 'Ce jour est férié.';
  if (row.fixed_days.includes(weekday)) return 'Ce jour est déjà l’un de vos jours fixes de télétravail.';
  if (calendar.onLeave.has(date)) return 'Vous êtes en congé ou absent ce jour-là.';
  return null;
}

/** The coming days a floating day could be booked on, with those already booked. */
export function upcomingDays(row: ArrangementFields, today: IsoDate, calendar: BookingCalendar): ArrangementView['upcomingDays'] {
  if (!quotaOf(row)) return [];
  const days: ArrangementView['upcomingDays'] = [];
  for (let offset = 1; offset <= BOOKING_HORIZON_DAYS; offset++) {
    const date = addDays(today, offset);
    if (unbookableReason(row, date, today, calendar) === null) days.push({ date, booked: calendar.booked.includes(date) });
  }
  return days;
}

export function floatingLeftOn(row: ArrangementFields, booked: readonly IsoDate[], today: IsoDate): number | null {
  const quota = quotaOf(row);
  return quota ? floatingDaysLeft(quota, booked, row.starts_on > today ? row.starts_on : today) : null;
}
