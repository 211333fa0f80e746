import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Action, type Actor, decide, rules, type TargetAgent } from './access.policy.ts';

const DASCO = 'dep-dasco';
const CASVP = 'dep-casvp';
const target = (departmentId: string, extra: Partial<TargetAgent> = {}): TargetAgent => ({
  agentId: `agent-in-${departmentId}`,
  departmentId,
  serviceId: `${departmentId}-svc`,
  unitId: `${departmentId}-unit`,
  managerId: null,
  ...extra,
});
const actor = (roles: Actor['roles'], departmentId = DASCO): Actor => ({ agentId: 'me', departmentId, roles });
const inDasco = (role: Actor['roles'][number]['role']) => ({ role, departmentId: DASCO, departmentCode: 'DASCO', serviceId: null, unitId: null });
const everywhere = (role: Actor['roles'][number]['role']) => ({ role, departmentId: null, departmentCode: null, serviceId: null, unitId: null });

describe('access policy', () => {
  test('lets an HR officer of DASCO manage DASCO accounts and says why, but not CASVP ones', () => {
    const hr = actor([inDasco('hr_officer')]);
    const yes = decide(hr, 'account.update', target(DASCO));
    assert.deepEqual(yes, { allowed: true, reason: 'autorisé car : gestionnaire RH de la DASCO' });
    assert.equal(decide(hr, 'account.update', target(CASVP)).allowed, false);
    assert.equal(decide(hr, 'personal_file.view', target(CASVP)).allowed, false);
  });

  test('gives a plain agent their own file and the directory, nothing else', () => {
    const agent = actor([]);
    assert.equal(decide(agent, 'personal_file.view', { ...target(DASCO), agentId: 'me' }).allowed, true);
    assert.equal(decide(agent, 'personal_file.view', target(DASCO)).allowed, false);
    assert.equal(decide(agent, 'directory.search').allowed, true);
    assert.equal(decide(agent, 'agent.view_professional', target(CASVP)).allowed, true);
    for (const action of Object.keys(rules) as Action[]) {
      if (['directory.search', 'agent.view_professional'].includes(action)) continue;
      assert.equal(decide(agent, action, target(DASCO)).allowed, false, action);
    }
  });

  test('limits a manager to their unit and their direct reports', () => {
    const manager = actor([{ role: 'manager', departmentId: null, departmentCode: null, serviceId: null, unitId: `${DASCO}-unit` }]);
    assert.equal(decide(manager, 'team.view', target(DASCO)).allowed, true);
    assert.equal(decide(manager, 'team.view', target(DASCO, { unitId: 'other-unit' })).allowed, false);
    assert.equal(decide(manager, 'team.view', target(CASVP, { unitId: 'x', managerId: 'me' })).allowed, true);
    assert.equal(decide(manager, 'account.update', target(DASCO)).allowed, false, 'managing people is not administering accounts');
  });

  test('lets organisation-wide roles act everywhere, within their actions only', () => {
    const security = actor([everywhere('security_officer')]);
    assert.equal(decide(security, 'audit.search').allowed, true);
    assert.equal(decide(security, 'account.end_sessions', target(CASVP)).allowed, true);
    assert.equal(decide(security, 'account.create', target(CASVP)).allowed, false);
    const admin = actor([everywhere('administrator')]);
    assert.equal(decide(admin, 'role.grant').allowed, true);
    assert.match(decide(admin, 'account.unlock', target(CASVP)).reason, /administrateur de toute la collectivité/);
  });

  test('refuses by default what no rule names', () => {
    const admin = actor([everywhere('administrator')]);
    assert.equal(decide(admin, 'payroll.delete' as Action).allowed, false);
  });
});
