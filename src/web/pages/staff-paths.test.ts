import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changeLines } from './audit/audit-actions.ts';
import { areasOf, mayUseArea } from './staff-areas.ts';
import { parameterOf, staffPaths, staffRouteOf } from './staff-paths.ts';

const role = (name: string, departmentCode: string | null = 'DASCO') => ({ role: name, departmentCode });

describe('the staff pages’ addresses', () => {
  test('open the page of an agent, a department or an account from the last segment', () => {
    assert.equal(staffRouteOf('/annuaire/agents/0b0e6f3a-2a52-4d0b-9f1e-0d5c8f1e2a10'), 'directoryAgent');
    assert.equal(staffRouteOf('/annuaire/directions/DASCO'), 'directoryDepartment');
    assert.equal(staffRouteOf('/assistance/comptes/1000004'), 'supportAccount');
    assert.equal(parameterOf(staffPaths.directoryDepartment('DASCO')), 'DASCO');
    assert.equal(parameterOf('/annuaire/agents/a%20b'), 'a b');
  });

  test('a payslip opens from its month, a certificate check from its code', () => {
    assert.equal(staffRouteOf(staffPaths.myPayslip('2026-03')), 'myPayslip');
    assert.equal(staffRouteOf('/mes-bulletins'), 'myPayslips');
    assert.equal(staffRouteOf(staffPaths.verifyCertificate('ABCD-EFGH')), 'verifyCertificate');
    assert.equal(staffRouteOf('/verify'), 'verifyForm');
    assert.equal(parameterOf(staffPaths.myPayslip('2026-03')), '2026-03');
  });

  test('“new agent” is a page of its own, not an agent called “nouveau”', () => {
    assert.equal(staffRouteOf('/rh/agents/nouveau'), 'hrNewAgent');
    assert.equal(staffRouteOf('/rh/agents/5f0c'), 'hrAgent');
  });

  test('nothing else is a staff page: deeper addresses and empty parameters fall to “page not found”', () => {
    for (const pathname of ['/rh', '/rh/agents/x/y', '/annuaire/agents/', '/assistance', '/administration']) {
      assert.equal(staffRouteOf(pathname), undefined, pathname);
    }
  });
});

describe('the areas each role opens in the menu', () => {
  test('every agent has the directory, and only it', () => {
    assert.deepEqual(areasOf([]), ['directory']);
  });

  test('an HR officer has HR; IT support and security officers the console; audit for security and administrators', () => {
    assert.deepEqual(areasOf([role('hr_officer')]), ['directory', 'hr']);
    assert.deepEqual(areasOf([role('it_support')]), ['directory', 'support']);
    assert.deepEqual(areasOf([role('security_officer', null)]), ['directory', 'support', 'audit']);
    assert.deepEqual(areasOf([role('administrator', null)]), ['directory', 'hr', 'support', 'audit', 'administration']);
    assert.equal(mayUseArea('administration', [role('manager')]), false);
  });
});

describe('the changes of an audit entry, as lines', () => {
  test('a change reads from → to, anything else as its value, and absent values as a dash', () => {
    assert.deepEqual(changeLines({ jobTitle: { from: 'ASEM', to: 'ASEM référente' }, lockedUntil: { from: '2026-11-23T09:30:00.000Z', to: null }, created: 2 }), [
      { field: 'jobTitle', from: 'ASEM', to: 'ASEM référente' },
      { field: 'lockedUntil', from: '2026-11-23T09:30:00.000Z', to: '—' },
      { field: 'created', value: '2' },
    ]);
    assert.deepEqual(changeLines(null), []);
  });
});
