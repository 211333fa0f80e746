import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysUntil } from './deadline.ts';

test('counts whole days to a deadline, zero on the day, negative once it has passed, across a month and a clock change', () => {
  assert.equal(daysUntil('2026-12-23', '2026-11-23'), 30);
  assert.equal(daysUntil('2026-11-23', '2026-11-23'), 0);
  assert.equal(daysUntil('2026-11-20', '2026-11-23'), -3);
  assert.equal(daysUntil('2027-04-01', '2027-03-27'), 5, 'the night the clocks go forward is still one day');
});
