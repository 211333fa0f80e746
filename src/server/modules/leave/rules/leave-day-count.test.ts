import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, dateOfDayNumber, dayNumber, WEEKDAYS, weekdayOf } from './calendar-days.ts';
import type { LeavePeriod } from './leave-day-count.ts';
import { countLeaveHalfDays } from './leave-day-count.ts';
import { isPublicHoliday } from './public-holidays.ts';
import type { DayPattern } from './working-cycle.ts';
import { eightyPercentWithoutWednesday, fourAndAHalfDays } from './test-cycles.ts';
import { FIVE_DAY_WEEK, halfDaysOwedOn, workingCycle } from './working-cycle.ts';
import { checkConsecutiveAbsence } from './consecutive-absence.ts';

const days = (startDate: string, endDate: string): LeavePeriod => ({ startDate, startsIn: 'morning', endDate, endsAt: 'evening' });
const halfDays = (period: LeavePeriod, cycle = FIVE_DAY_WEEK) => {
  const count = countLeaveHalfDays(period, cycle);
  return count.ok ? count.halfDays : count.error;
};

describe('counting the half-days a leave request takes', () => {
  test('a week without holiday takes five days; the week of Ascension four', () => {
    assert.equal(halfDays(days('2026-03-02', '2026-03-06')), 10);
    assert.equal(halfDays(days('2026-05-11', '2026-05-15')), 8);
    assert.equal(halfDays(days('2026-05-11', '2026-05-17')), 8, 'the weekend is not counted');
  });

  test('a part-time agent is charged only the days they work', () => {
    assert.equal(halfDays(days('2026-03-02', '2026-03-06'), eightyPercentWithoutWednesday), 8);
    assert.equal(halfDays(days('2026-05-11', '2026-05-15'), eightyPercentWithoutWednesday), 6);
    assert.equal(halfDays(days('2026-03-02', '2026-03-06'), fourAndAHalfDays), 9);
  });

  test('starts in the afternoon and ends at noon when asked', () => {
    assert.equal(halfDays({ startDate: '2026-03-02', startsIn: 'afternoon', endDate: '2026-03-03', endsAt: 'noon' }), 2);
    assert.equal(halfDays({ startDate: '2026-03-04', startsIn: 'afternoon', endDate: '2026-03-04', endsAt: 'evening' }), 1);
    assert.equal(halfDays({ startDate: '2026-03-04', startsIn: 'afternoon', endDate: '2026-03-04', endsAt: 'evening' }, fourAndAHalfDays), 'no_working_half_day');
  });

  test('refuses a request that ends before it starts, or counts nothing, with a code', () => {
    assert.equal(halfDays(days('2026-03-06', '2026-03-02')), 'end_before_start');
    assert.equal(halfDays({ startDate: '2026-03-02', startsIn: 'afternoon', endDate: '2026-03-02', endsAt: 'noon' }), 'afternoon_to_noon_same_day');
    assert.equal(halfDays(days('2026-05-14', '2026-05-14')), 'no_working_half_day');
    assert.equal(halfDays(days('2026-03-07', '2026-03-08')), 'no_working_half_day');
    assert.equal(halfDays(days('2026-02-30', '2026-03-02')), 'invalid_date');
    assert.equal(halfDays(days('2026-01-01', '2036-01-01')), 'period_too_long');
  });
});

const pattern = fc.constantFrom<DayPattern>('full', 'morning', 'afternoon', 'off');
const anyCycle = fc.tuple(pattern, pattern, pattern, pattern, pattern, pattern, pattern).map((patterns) =>
  workingCycle(Object.fromEntries(WEEKDAYS.map((weekday, index) => [weekday, patterns[index]]))),
);
const anyDay = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2028-12-31') }).map(dateOfDayNumber);
const counted = (period: LeavePeriod, cycle = FIVE_DAY_WEEK) => {
  const count = countLeaveHalfDays(period, cycle);
  if (count.ok) return count.halfDays;
  assert.equal(count.error, 'no_working_half_day');
  return 0;
};

describe('day counting, for any cycle and any dates', () => {
  test('splitting a request at any day or at noon leaves the total unchanged', () => {
    fc.assert(
      fc.property(anyCycle, anyDay, fc.integer({ min: 0, max: 60 }), fc.nat(), (cycle, start, length, cut) => {
        const end = addDays(start, length);
        const split = addDays(start, cut % (length + 1));
        const whole = counted(days(start, end), cycle);
        if (split < end) assert.equal(counted(days(start, split), cycle) + counted(days(addDays(split, 1), end), cycle), whole);
        const beforeNoon = counted({ startDate: start, startsIn: 'morning', endDate: split, endsAt: 'noon' }, cycle);
        const afterNoon = counted({ startDate: split, startsIn: 'afternoon', endDate: end, endsAt: 'evening' }, cycle);
        assert.equal(beforeNoon + afterNoon, whole);
      }),
      { numRuns: 150 },
    );
  });

  test('a day counts only when the cycle works it and it is not a public holiday', () => {
    fc.assert(
      fc.property(anyCycle, anyDay, (cycle, day) => {
        const owed = isPublicHoliday(day) ? 0 : halfDaysOwedOn(cycle, weekdayOf(day));
        assert.equal(counted(days(day, day), cycle), owed);
      }),
      { numRuns: 300 },
    );
  });

  test('never more than two half-days per calendar day', () => {
    fc.assert(
      fc.property(anyCycle, anyDay, fc.integer({ min: 0, max: 400 }), (cycle, start, length) => {
        assert.ok(counted(days(start, addDays(start, length)), cycle) <= 2 * (length + 1));
      }),
      { numRuns: 100 },
    );
  });
});

const outcome = (requested: LeavePeriod, others: LeavePeriod[] = []) => {
  const check = checkConsecutiveAbsence(requested, others, FIVE_DAY_WEEK);
  return check.ok ? check.absence.calendarDays : 'absence' in check ? `too long: ${check.absence.from} → ${check.absence.to}` : check.error;
};

describe('no absence from the service over 31 consecutive days (décret 85-1250, art. 4)', () => {
  test('counts calendar days, weekends and holidays inside included', () => {
    assert.equal(outcome(days('2026-07-01', '2026-07-31')), 31);
    assert.equal(outcome(days('2026-07-06', '2026-08-07')), 'too long: 2026-07-06 → 2026-08-07');
  });

  test('joins absences separated only by a weekend or a public holiday', () => {
    assert.equal(outcome(days('2026-07-27', '2026-08-07'), [days('2026-07-06', '2026-07-24')]), 'too long: 2026-07-06 → 2026-08-07');
    // 14 July 2026 is a Tuesday: leave until Monday 13 and from Wednesday 15 is one absence.
    assert.equal(outcome(days('2026-07-15', '2026-07-20'), [days('2026-06-15', '2026-07-13')]), 'too long: 2026-06-15 → 2026-07-20');
    assert.equal(outcome(days('2026-06-01', '2026-06-12'), [days('2026-06-15', '2026-06-19'), days('2026-06-22', '2026-06-26')]), 26);
  });

  test('a worked day or half-day between two absences keeps them apart', () => {
    assert.equal(outcome(days('2026-07-28', '2026-08-07'), [days('2026-07-06', '2026-07-24')]), 11);
    const untilFridayNoon: LeavePeriod = { startDate: '2026-07-06', startsIn: 'morning', endDate: '2026-07-24', endsAt: 'noon' };
    assert.equal(outcome(days('2026-07-27', '2026-08-07'), [untilFridayNoon]), 12);
  });

  test('answers a malformed request with its code', () => {
    assert.equal(outcome(days('2026-07-31', '2026-07-01')), 'end_before_start');
  });
});
