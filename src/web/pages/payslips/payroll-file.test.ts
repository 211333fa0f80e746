import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payrollFileBody } from './payroll-file.ts';

test('a CSV file is sent as it is, for the server to read line by line', () => {
  const csv = 'matricule;indice_majore\n1000001;420\n';
  assert.deepEqual(payrollFileBody('paie-novembre.csv', csv, '2026-11'), { body: { csv } });
});

test('a JSON file is the array of lines or the whole body, whose month must be the one chosen', () => {
  const lines = [{ badgeNumber: '1000001', indexMajore: 420 }];
  assert.deepEqual(payrollFileBody('paie.json', JSON.stringify(lines), '2026-11'), { body: { lines } });
  assert.deepEqual(payrollFileBody('export', `\uFEFF${JSON.stringify({ month: '2026-11', lines })}`, '2026-11'), { body: { lines } });
  assert.deepEqual(payrollFileBody('paie.json', JSON.stringify({ month: '2026-10', lines }), '2026-11'), { problem: { otherMonth: '2026-10' } });
  assert.deepEqual(payrollFileBody('paie.json', '{"lines": ', '2026-11'), { problem: { unreadableJson: true } });
  assert.deepEqual(payrollFileBody('paie.json', '{"rows": []}', '2026-11'), { problem: { unreadableJson: true } });
});
