import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LeavePeriod } from './leave-day-count.ts';
import { halvesOn, periodsOverlap } from './period-halves.ts';

const period = (startDate: string, startsIn: 'morning' | 'afternoon', endDate: string, endsAt: 'noon' | 'evening'): LeavePeriod => ({ startDate, startsIn, endDate, endsAt });

describe('where leave periods meet', () => {
  test('a morning off and the afternoon of the same day do not overlap; a shared half-day does', () => {
    const morning = period('2027-03-10', 'morning', '2027-03-10', 'noon');
    assert.equal(periodsOverlap(morning, period('2027-03-10', 'afternoon', '2027-03-12', 'evening')), false);
    assert.equal(periodsOverlap(period('2027-03-08', 'morning', '2027-03-10', 'noon'), morning), true);
    assert.equal(periodsOverlap(period('2027-03-01', 'morning', '2027-03-05', 'evening'), period('2027-03-06', 'morning', '2027-03-07', 'evening')), false);
  });

  test('says which half of a day a period covers', () => {
    const p = period('2027-03-08', 'afternoon', '2027-03-10', 'noon');
    assert.deepEqual(['2027-03-07', '2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11'].map((d) => halvesOn(p, d)), [undefined, 'afternoon', 'full', 'morning', undefined]);
  });
});
