import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bicProblem, ibanProblem, nextPayRunStart, normaliseIban } from './bank-details.rules.ts';

test('accepts a real French IBAN written with spaces, and refuses one with a wrong digit, length or shape', () => {
  assert.equal(ibanProblem(normaliseIban('FR76 3000 6000 0112 3456 7890 189')), null);
  assert.equal(ibanProblem(normaliseIban('DE89 3704 0044 0532 0130 00')), null);
  assert.equal(ibanProblem(normaliseIban('FR76 3000 6000 0112 3456 7890 188'))?.rule, 'checksum');
  assert.equal(ibanProblem(normaliseIban('FR76 3000 6000 0112 3456 7890 18'))?.rule, 'length');
  assert.equal(ibanProblem('1234')?.rule, 'format');
  assert.match(ibanProblem(normaliseIban('FR76 3000 6000 0112 3456 7890 188'))!.message, /n’est pas valide/);
});

test('accepts 8- and 11-character BICs only', () => {
  assert.equal(bicProblem('SOGEFRPP'), null);
  assert.equal(bicProblem('SOGEFRPPXXX'), null);
  assert.equal(bicProblem('SOGEFR')?.rule, 'format');
  assert.equal(bicProblem('SOGE1RPPXXX')?.rule, 'format');
});

test('a bank change applies from the first day of the next month in Paris, across the new year too', () => {
  assert.equal(nextPayRunStart(new Date('2026-11-23T10:00:00Z')), '2026-12-01');
  assert.equal(nextPayRunStart(new Date('2026-12-31T23:30:00Z')), '2027-02-01'); // already 1 January in Paris
  assert.equal(nextPayRunStart(new Date('2026-12-15T10:00:00Z')), '2027-01-01');
});
