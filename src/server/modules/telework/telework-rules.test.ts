import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Weekday } from '../leave/rules/index.ts';
import { FIVE_DAY_WEEK, WEEKDAYS } from '../leave/rules/index.ts';
import { eightyPercentWithoutWednesday, fourAndAHalfDays } from '../leave/rules/test-cycles.ts';
import type { TeleworkArrangement } from './telework-rules.ts';
import { answerDeadline, checkTeleworkArrangement, endDateWithNotice, floatingDaysLeft, reviewDates } from './telework-rules.ts';

const codes = (arrangement: Partial<TeleworkArrangement>) =>
  checkTeleworkArrangement({ cycle: FIVE_DAY_WEEK, fixedDays: [], ...arrangement }).map((violation) => violation.code);

describe('telework arrangements (décret 2016-151)', () => {
  test('grants up to three days a week, fixed or floating', () => {
    assert.deepEqual(codes({ fixedDays: ['monday', 'wednesday', 'friday'] }), []);
    assert.deepEqual(codes({ fixedDays: ['monday'], floating: { days: 2, per: 'week' } }), []);
    assert.deepEqual(codes({ fixedDays: ['monday', 'tuesday', 'wednesday', 'thursday'] }), [
      'over_weekly_telework_limit',
      'under_weekly_on_site_minimum',
    ]);
  });

  test('keeps two days on site whatever the cycle', () => {
    assert.deepEqual(codes({ cycle: eightyPercentWithoutWednesday, fixedDays: ['monday', 'thursday'] }), []);
    assert.deepEqual(codes({ cycle: eightyPercentWithoutWednesday, fixedDays: ['monday', 'tuesday', 'thursday'] }), ['under_weekly_on_site_minimum']);
    assert.deepEqual(codes({ cycle: fourAndAHalfDays, fixedDays: ['monday', 'tuesday', 'wednesday'] }), [], 'Wednesday morning is half a day');
    assert.deepEqual(codes({ cycle: fourAndAHalfDays, fixedDays: ['monday', 'tuesday', 'thursday'] }), ['under_weekly_on_site_minimum']);
  });

  test('a monthly quota may reach twelve days, a yearly one 144, fixed days included', () => {
    assert.deepEqual(codes({ floating: { days: 12, per: 'month' } }), []);
    assert.deepEqual(codes({ floating: { days: 13, per: 'month' } }), ['over_monthly_telework_limit']);
    assert.deepEqual(codes({ fixedDays: ['monday', 'tuesday'], floating: { days: 4, per: 'month' } }), []);
    assert.deepEqual(codes({ fixedDays: ['monday', 'tuesday'], floating: { days: 5, per: 'month' } }), ['over_monthly_telework_limit']);
    assert.deepEqual(codes({ floating: { days: 144, per: 'year' } }), []);
    assert.deepEqual(codes({ fixedDays: ['friday'], floating: { days: 97, per: 'year' } }), ['over_yearly_telework_limit']);
  });

  test('says which fixed days are wrong, and refuses an empty request or a long adaptation', () => {
    assert.deepEqual(checkTeleworkArrangement({ cycle: eightyPercentWithoutWednesday, fixedDays: ['wednesday', 'monday', 'monday'] }), [
      { code: 'fixed_day_not_worked', weekday: 'wednesday' },
      { code: 'fixed_day_repeated', weekday: 'monday' },
    ]);
    assert.deepEqual(codes({}), ['no_telework_requested']);
    assert.deepEqual(codes({ floating: { days: 1.5, per: 'week' } }), ['invalid_floating_quota', 'no_telework_requested']);
    assert.deepEqual(codes({ fixedDays: ['monday'], adaptationMonths: 3 }), []);
    assert.deepEqual(codes({ fixedDays: ['monday'], adaptationMonths: 4 }), ['adaptation_period_too_long']);
  });
});

describe('telework dates', () => {
  test('the manager answers within one month', () => {
    assert.equal(answerDeadline('2026-03-10'), '2026-04-10');
    assert.equal(answerDeadline('2026-01-31'), '2026-02-28');
  });

  test('ending takes two months’ notice, one during the adaptation period', () => {
    const started = { startedOn: '2026-01-05', adaptationMonths: 3 };
    assert.equal(endDateWithNotice({ ...started, noticeGivenOn: '2026-03-10' }), '2026-04-10');
    assert.equal(endDateWithNotice({ ...started, noticeGivenOn: '2026-04-04' }), '2026-05-04');
    assert.equal(endDateWithNotice({ ...started, noticeGivenOn: '2026-04-05' }), '2026-06-05');
    assert.equal(endDateWithNotice({ startedOn: '2026-01-05', noticeGivenOn: '2026-01-20' }), '2026-03-20');
  });

  test('reviews the arrangement every quarter, keeping the day of the month', () => {
    assert.deepEqual(reviewDates('2026-01-31', '2026-12-31'), ['2026-04-30', '2026-07-31', '2026-10-31']);
    assert.deepEqual(reviewDates('2026-01-31', '2026-04-29'), []);
  });

  test('counts the floating days left in the week, month or year of a date', () => {
    const used = ['2026-03-03', '2026-03-09', '2026-03-10', '2026-03-10', '2026-04-01'];
    assert.equal(floatingDaysLeft({ days: 2, per: 'week' }, used, '2026-03-12'), 0, 'Monday 9 and Tuesday 10');
    assert.equal(floatingDaysLeft({ days: 2, per: 'week' }, used, '2026-03-16'), 2);
    assert.equal(floatingDaysLeft({ days: 2, per: 'week' }, used, '2026-03-08'), 1, 'Sunday ends the week of Tuesday 3');
    assert.equal(floatingDaysLeft({ days: 8, per: 'month' }, used, '2026-03-31'), 5);
    assert.equal(floatingDaysLeft({ days: 20, per: 'year' }, used, '2026-12-01'), 16);
  });
});

const fiveWeekdays = WEEKDAYS.slice(0, 5) as Weekday[];

describe('telework limits, for any choice of days on a five-day week', () => {
  test('accepts every arrangement of three days or fewer a week and refuses every one of four or more', () => {
    fc.assert(
      fc.property(fc.subarray(fiveWeekdays), fc.integer({ min: 0, max: 5 }), (fixedDays, floatingPerWeek) => {
        const violations = codes({ fixedDays, floating: { days: floatingPerWeek, per: 'week' } });
        const total = fixedDays.length + floatingPerWeek;
        if (total === 0) assert.deepEqual(violations, ['no_telework_requested']);
        else if (total <= 3) assert.deepEqual(violations, []);
        else assert.ok(violations.includes('over_weekly_telework_limit'));
      }),
      { numRuns: 100 },
    );
  });

  test('a monthly quota is accepted exactly when four weeks of it stay within three days a week', () => {
    fc.assert(
      fc.property(fc.subarray(fiveWeekdays, { maxLength: 3 }), fc.integer({ min: 1, max: 20 }), (fixedDays, perMonth) => {
        const accepted = codes({ fixedDays, floating: { days: perMonth, per: 'month' } }).length === 0;
        assert.equal(accepted, fixedDays.length * 4 + perMonth <= 12);
      }),
      { numRuns: 100 },
    );
  });
});
