import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duration, sessionDates } from './training-words.ts';

test('session dates read as a French letter writes them, whatever months and years they span', () => {
  assert.equal(sessionDates('2027-01-12', '2027-01-12'), 'le 12 janvier 2027');
  assert.equal(sessionDates('2027-01-12', '2027-01-13'), 'du 12 au 13 janvier 2027');
  assert.equal(sessionDates('2026-12-01', '2026-12-03'), 'du 1er au 3 décembre 2026');
  assert.equal(sessionDates('2027-01-29', '2027-02-02'), 'du 29 janvier au 2 février 2027');
  assert.equal(sessionDates('2026-12-30', '2027-01-02'), 'du 30 décembre 2026 au 2 janvier 2027');
});

test('durations are said in hours and minutes', () => {
  assert.deepEqual([duration(420), duration(90), duration(45), duration(2100)], ['7 h', '1 h 30', '45 min', '35 h']);
});
