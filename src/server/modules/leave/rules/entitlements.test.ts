import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { dateOfDayNumber, dayNumber, WEEKDAYS } from './calendar-days.ts';
import { annualLeaveEntitlement, annualLeaveOutsideMainPeriod, fractionnementBonus } from './annual-leave.ts';
import type { DayPattern } from './working-cycle.ts';
import { eightyPercentWithoutWednesday, fourAndAHalfDays } from './test-cycles.ts';
import { FIVE_DAY_WEEK, workingCycle } from './working-cycle.ts';
import { prorateHalfDays } from './prorate.ts';
import { fullTimeRttDays, rttEntitlement } from './rtt.ts';
import type { CetDeposit } from './cet.ts';
import { cetDepositAllowed, cetHalfDaysNeedingAChoice, cetOpeningDate, cetOptionDeadline } from './cet.ts';
import { leaveRules } from './leave-rules-config.ts';
import { LEAVE_TYPE_RULES, specialAbsenceAllowance } from './leave-types.ts';

const wholeYear = { year: 2026 };
const days = (startDate: string, endDate: string) => ({ startDate, startsIn: 'morning' as const, endDate, endsAt: 'evening' as const });

describe('annual leave entitlement (décret 85-1250)', () => {
  test('is five weeks of the agent’s own cycle', () => {
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, wholeYear), 50);
    assert.equal(annualLeaveEntitlement(fourAndAHalfDays, wholeYear), 45);
    assert.equal(annualLeaveEntitlement(eightyPercentWithoutWednesday, wholeYear), 40);
  });

  test('an agent arriving on 1 July gets half of 25 days, 12.5', () => {
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, { year: 2026, servedFrom: '2026-07-01' }), 25);
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, { year: 2026, servedUntil: '2026-06-30' }), 25);
  });

  test('a month begun midway counts its days, and the total is rounded up to the half-day', () => {
    // 5 months + 17/31 of July = 23.1 half-days, rounded up to 24 (12 days).
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, { year: 2026, servedFrom: '2026-07-15' }), 24);
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, { year: 2026, servedFrom: '2025-09-01', servedUntil: '2027-01-31' }), 50);
    assert.equal(annualLeaveEntitlement(FIVE_DAY_WEEK, { year: 2026, servedFrom: '2027-01-01' }), 0);
  });
});

describe('fractionnement days', () => {
  test('one day for 5 to 7 days taken outside May–October, two from 8 days', () => {
    assert.equal(fractionnementBonus(8), 0, '4 days');
    assert.equal(fractionnementBonus(9), 0, '4.5 days');
    assert.equal(fractionnementBonus(10), 2, '5 days');
    assert.equal(fractionnementBonus(14), 2, '7 days');
    assert.equal(fractionnementBonus(15), 2, '7.5 days');
    assert.equal(fractionnementBonus(16), 4, '8 days');
    assert.equal(fractionnementBonus(40), 4, '20 days');
  });

  test('counts only the working days of annual leave that fall outside 1 May–31 October', () => {
    assert.equal(annualLeaveOutsideMainPeriod([days('2026-02-02', '2026-02-06')], FIVE_DAY_WEEK), 10);
    assert.equal(annualLeaveOutsideMainPeriod([days('2026-10-26', '2026-11-06')], FIVE_DAY_WEEK), 10);
    assert.equal(annualLeaveOutsideMainPeriod([days('2026-07-06', '2026-07-31')], FIVE_DAY_WEEK), 0);
    const winterAndSpring = [days('2026-02-02', '2026-02-05'), days('2026-04-27', '2026-05-05')];
    // 4 days in February, then 27–30 April (4 days) before May: 8 days, two bonus days.
    assert.equal(fractionnementBonus(annualLeaveOutsideMainPeriod(winterAndSpring, FIVE_DAY_WEEK)), 4);
  });
});

const pattern = fc.constantFrom<DayPattern>('full', 'morning', 'afternoon', 'off');
const weekdayCycle = fc.tuple(pattern, pattern, pattern, pattern, pattern).map((patterns) =>
  workingCycle(Object.fromEntries(WEEKDAYS.slice(0, 5).map((weekday, index) => [weekday, patterns[index]]))),
);
const dayIn2026 = fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2026-12-31') }).map(dateOfDayNumber);

describe('annual leave, for any Monday-to-Friday cycle and any arrival or departure', () => {
  test('never exceeds the full-time entitlement of 25 days', () => {
    fc.assert(
      fc.property(weekdayCycle, dayIn2026, dayIn2026, (cycle, a, b) => {
        const service = { year: 2026, servedFrom: a < b ? a : b, servedUntil: a < b ? b : a };
        assert.ok(annualLeaveEntitlement(cycle, service) <= annualLeaveEntitlement(FIVE_DAY_WEEK, wholeYear));
      }),
      { numRuns: 200 },
    );
  });

  test('arriving later never gives more', () => {
    fc.assert(
      fc.property(weekdayCycle, dayIn2026, dayIn2026, (cycle, a, b) => {
        const [earlier, later] = a < b ? [a, b] : [b, a];
        assert.ok(annualLeaveEntitlement(cycle, { year: 2026, servedFrom: later }) <= annualLeaveEntitlement(cycle, { year: 2026, servedFrom: earlier }));
      }),
      { numRuns: 200 },
    );
  });
});

const hours = (h: number, m = 0) => h * 60 + m;

describe('RTT days (ARTT, décret 2000-815)', () => {
  test('follow the weekly working time of a full-time agent', () => {
    const table = [[35, 0, 0], [35, 30, 3], [36, 0, 6], [36, 30, 9], [37, 0, 12], [37, 30, 15], [38, 0, 18], [38, 30, 20], [39, 0, 23]] as const;
    for (const [h, m, days] of table) assert.equal(fullTimeRttDays(hours(h, m)), days, `${h}h${m}`);
    assert.equal(fullTimeRttDays(hours(34)), 0);
    assert.equal(fullTimeRttDays(hours(37, 45)), 15, 'between two rows, the lower one');
    assert.equal(fullTimeRttDays(hours(40)), 23);
  });

  test('37h30 gives 15 days at full time and 12 at 80 %', () => {
    assert.equal(rttEntitlement(hours(37, 30), 100), 30);
    assert.equal(rttEntitlement(hours(37, 30), 80), 24);
    assert.equal(rttEntitlement(hours(37, 30), 90), 27);
    assert.equal(rttEntitlement(hours(37, 30), 50), 15);
  });

  test('are prorated to the months served and rounded up to the half-day', () => {
    assert.equal(rttEntitlement(hours(37, 30), 100, { year: 2026, servedFrom: '2026-07-01' }), 15);
    assert.equal(rttEntitlement(hours(37, 30), 80, { year: 2026, servedFrom: '2026-07-01' }), 12);
    assert.equal(rttEntitlement(hours(39), 100, { year: 2026, servedFrom: '2026-10-01' }), 12, '11.5 half-days, rounded up');
  });
});

const fullHalfDays = fc.integer({ min: 0, max: 60 });
const percentage = fc.integer({ min: 0, max: 100 });
const month = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}-01`);

describe('prorating, for any entitlement, work percentage and arrival', () => {
  test('a higher work percentage never gives less', () => {
    fc.assert(
      fc.property(fullHalfDays, percentage, percentage, month, (full, p, q, arrival) => {
        const service = { year: 2026, servedFrom: arrival };
        assert.ok(prorateHalfDays(full, Math.min(p, q), service) <= prorateHalfDays(full, Math.max(p, q), service));
      }),
      { numRuns: 200 },
    );
  });

  test('part time never gives more RTT than full time', () => {
    fc.assert(
      fc.property(fc.integer({ min: hours(30), max: hours(42) }), percentage, (minutes, p) => {
        assert.ok(rttEntitlement(minutes, p) <= rttEntitlement(minutes, 100));
      }),
      { numRuns: 200 },
    );
  });
});

const deposit: CetDeposit = {
  serviceStartedOn: '2020-09-01',
  depositOn: '2026-12-15',
  cycle: FIVE_DAY_WEEK,
  annualLeaveTakenHalfDays: 40,
  balanceHalfDays: 20,
  depositHalfDays: 10,
};

describe('compte épargne-temps (décret 2004-878)', () => {
  test('accepts a deposit by an agent who took 20 days of annual leave, within 60 days on the account', () => {
    assert.deepEqual(cetDepositAllowed(deposit), { allowed: true });
    assert.deepEqual(cetDepositAllowed({ ...deposit, balanceHalfDays: 110 }), { allowed: true });
  });

  test('opens only after one year of service', () => {
    assert.equal(cetOpeningDate('2026-03-15'), '2027-03-15');
    assert.deepEqual(cetDepositAllowed({ ...deposit, serviceStartedOn: '2026-03-15' }), { allowed: false, reason: 'under_one_year_of_service' });
    assert.deepEqual(cetDepositAllowed({ ...deposit, serviceStartedOn: '2025-12-15' }), { allowed: true });
  });

  test('refuses an agent who took fewer than 20 days of annual leave, prorated for part time', () => {
    assert.deepEqual(cetDepositAllowed({ ...deposit, annualLeaveTakenHalfDays: 39 }), {
      allowed: false,
      reason: 'too_little_annual_leave_taken',
      limitHalfDays: 40,
    });
    assert.deepEqual(cetDepositAllowed({ ...deposit, cycle: eightyPercentWithoutWednesday, annualLeaveTakenHalfDays: 32 }), { allowed: true });
  });

  test('never lets the account go beyond 60 days, and says how much still fits', () => {
    assert.deepEqual(cetDepositAllowed({ ...deposit, balanceHalfDays: 116 }), { allowed: false, reason: 'over_account_cap', limitHalfDays: 4 });
    assert.deepEqual(cetDepositAllowed({ ...deposit, balanceHalfDays: 120 }), { allowed: false, reason: 'account_full', limitHalfDays: 0 });
    assert.deepEqual(cetDepositAllowed({ ...deposit, depositHalfDays: 0 }), { allowed: false, reason: 'nothing_to_deposit' });
    assert.deepEqual(cetDepositAllowed({ ...deposit, depositOn: '2026-13-01' }), { allowed: false, reason: 'invalid_date' });
  });

  test('the choice for the days beyond the threshold is due by 31 January of the following year', () => {
    assert.equal(cetOptionDeadline(2026), '2027-01-31');
    assert.equal(cetHalfDaysNeedingAChoice(40), 10);
    assert.equal(cetHalfDaysNeedingAChoice(24), 0);
    assert.equal(cetHalfDaysNeedingAChoice(50, leaveRules({ cetOptionThresholdDays: 20 })), 10);
  });
});

describe('kinds of absence', () => {
  test('sick leave is recorded by HR; special absences need a supporting document; neither uses a balance', () => {
    assert.equal(LEAVE_TYPE_RULES.sick_leave.recordedBy, 'hr');
    assert.equal(LEAVE_TYPE_RULES.special_absence.needsSupportingDocument, true);
    assert.equal(LEAVE_TYPE_RULES.special_absence.balance, undefined);
    assert.equal(LEAVE_TYPE_RULES.annual_leave.needsSupportingDocument, false);
  });

  test('caring for a sick child allows a week of service plus one day a year', () => {
    assert.deepEqual(specialAbsenceAllowance('sick_child_care', FIVE_DAY_WEEK), { halfDays: 12, perYear: true });
    assert.deepEqual(specialAbsenceAllowance('sick_child_care', eightyPercentWithoutWednesday), { halfDays: 10, perYear: true });
  });

  test('a wedding allows five days per event, unless the city decides otherwise', () => {
    assert.deepEqual(specialAbsenceAllowance('agent_wedding_or_civil_partnership', FIVE_DAY_WEEK), { halfDays: 10, perYear: false });
    const city = leaveRules({
      specialAbsenceAllowances: { ...leaveRules().specialAbsenceAllowances, agent_wedding_or_civil_partnership: { days: 6, perYear: false } },
    });
    assert.equal(specialAbsenceAllowance('agent_wedding_or_civil_partnership', FIVE_DAY_WEEK, city).halfDays, 12);
  });
});
