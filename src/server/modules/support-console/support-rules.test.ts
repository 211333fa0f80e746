import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor, TargetAgent } from '../access/index.ts';
import type { Session } from '../identity/session.service.ts';
import type { ClientInfo } from '../../http/client.ts';
import { completeChecklist, missingIdentityChecks } from './identity-check.ts';
import { perimeterOf } from './perimeter.ts';
import { assertStronglyAuthenticated, supportDecision } from './support-caller.ts';
import { parseAccountQuery } from './support-console.service.ts';

const role = (r: Actor['roles'][number]['role'], scope: Partial<Actor['roles'][number]> = {}) => ({
  role: r,
  departmentId: null,
  departmentCode: null,
  serviceId: null,
  unitId: null,
  ...scope,
});
const actor = (roles: Actor['roles']): Actor => ({ agentId: 'me', departmentId: 'dep-dsin', roles });
const target: TargetAgent = { agentId: 'them', departmentId: 'dep-dasco', serviceId: 'svc-1', unitId: null, managerId: null };

describe('IT support console rules', () => {
  test('reads what was typed as a badge number, its first digits, an e-mail or words of a name', () => {
    assert.deepEqual(parseAccountQuery(' 100 0005 '), { badgeNumber: '1000005' });
    assert.deepEqual(parseAccountQuery('1000'), { badgePrefix: '1000' });
    assert.deepEqual(parseAccountQuery('Lea.Moreau@Paris.fr'), { emailPrefix: 'lea.moreau@paris.fr' });
    assert.deepEqual(parseAccountQuery('Émilie  Le-Gall'), { nameWords: ['Émilie', 'Le', 'Gall'] });
    assert.throws(() => parseAccountQuery('12'), /Certains champs|validation/);
    assert.throws(() => parseAccountQuery(' -- '));
  });

  test('filters lists on each role’s own scope: organisation-wide, a department, a service', () => {
    assert.deepEqual(perimeterOf(actor([role('it_support')]), 'account.unlock'), { all: true });
    assert.deepEqual(perimeterOf(actor([role('it_support', { departmentId: 'dep-dasco', departmentCode: 'DASCO' }), role('it_support', { serviceId: 'svc-9' })]), 'account.unlock'), {
      all: false,
      departmentIds: ['dep-dasco'],
      serviceIds: ['svc-9'],
      unitIds: [],
      agentIds: [],
    });
    const hr = actor([role('hr_officer', { departmentId: 'dep-dasco', departmentCode: 'DASCO' })]);
    assert.deepEqual(perimeterOf(hr, 'account.view'), { all: false, departmentIds: ['dep-dasco'], serviceIds: [], unitIds: [], agentIds: ['me'] });
    assert.deepEqual(perimeterOf(hr, 'security_alert.view'), { all: false, departmentIds: [], serviceIds: [], unitIds: [], agentIds: [] });
  });

  test('lists every mandatory identity check not ticked, and keeps every item for the audit trail', () => {
    assert.deepEqual(missingIdentityChecks({ checkedBadgeNumber: true }).map((e) => e.field), ['body.checklist.calledBackOnKnownNumber', 'body.checklist.checkedManagerOrHr']);
    assert.deepEqual(missingIdentityChecks({ calledBackOnKnownNumber: true, checkedBadgeNumber: true, checkedManagerOrHr: true }), []);
    assert.equal(Object.keys(completeChecklist({})).length, 5);
  });

  test('lets only an administrator hand over the account of an administrator or a security officer', () => {
    const caller = (roles: Actor['roles']) => ({ actor: actor(roles), session: {} as Session, client: {} as ClientInfo });
    const support = caller([role('it_support')]);
    assert.equal(supportDecision(support, 'account.reset_second_factors', target, ['security_officer'], true).allowed, false);
    assert.equal(supportDecision(support, 'account.unlock', target, ['security_officer'], false).allowed, true);
    assert.equal(supportDecision(caller([role('administrator')]), 'account.reset_second_factors', target, ['administrator'], true).allowed, true);
    assert.equal(supportDecision(support, 'account.unlock', { ...target, agentId: 'me' }, [], false).allowed, false);
  });

  test('takes the city network or a second factor as strong authentication, not a password alone from outside', () => {
    const check = (amr: string[], sessionZone: 'internal' | 'external', clientZone: 'internal' | 'external') => () =>
      assertStronglyAuthenticated({ actor: actor([]), session: { amr, zone: sessionZone } as Session, client: { zone: clientZone } as ClientInfo });
    assert.doesNotThrow(check(['pwd'], 'internal', 'internal'));
    assert.doesNotThrow(check(['pwd', 'otp'], 'external', 'external'));
    assert.throws(check(['pwd'], 'external', 'external'), /deuxième méthode/);
    assert.throws(check(['pwd'], 'internal', 'external'), /deuxième méthode/, 'a cookie carried outside is not inside');
  });
});
