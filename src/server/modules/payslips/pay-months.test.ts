import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monthsUntil, parisMonth } from './pay-months.ts';

test('the pay month is the one of Paris, even on the last evening of a month in UTC', () => {
  assert.equal(parisMonth(new Date('2026-11-30T23:30:00Z')), '2026-12');
  assert.equal(parisMonth(new Date('2026-11-23T09:00:00Z')), '2026-11');
});

test('months back from a month cross the new year', () => {
  assert.deepEqual(monthsUntil('2026-02', 4), ['2025-11', '2025-12', '2026-01', '2026-02']);
});
