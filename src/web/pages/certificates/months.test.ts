import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMonth, shiftMonth } from './months.ts';

test('a month moves across years both ways, as the salary period chooser counts them', () => {
  assert.equal(shiftMonth('2026-01', -1), '2025-12');
  assert.equal(shiftMonth('2026-10', -11), '2025-11');
  assert.equal(shiftMonth('2026-12', 1), '2027-01');
  assert.equal(shiftMonth('2026-03', -60), '2021-03');
});

test('a month reads in the page language, whatever the device time zone', () => {
  assert.equal(formatMonth('2026-01', 'fr'), 'janvier 2026');
  assert.equal(formatMonth('2026-12', 'en'), 'December 2026');
});
