import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

// Every route that reads or acts on one person, with a body that would succeed if access were granted.
type PersonRoute = { name: string; method: string; path: (a: AgentFixture) => string; body?: unknown; family: 'hr' | 'support' | 'roles'; alsoHr?: true; alsoSupport?: true };
const reason = 'Vérification du cloisonnement';
const personRoutes: PersonRoute[] = [
  { name: 'getHrAgent', family: 'hr', alsoSupport: true, method: 'GET', path: (a) => `/api/hr/agents/${a.agentId}` },
  { name: 'updateHrAgent', family: 'hr', method: 'PATCH', path: (a) => `/api/hr/agents/${a.agentId}`, body: { jobTitle: 'Agent de test', reason } },
  { name: 'suspendAgentAccount', family: 'hr', method: 'POST', path: (a) => `/api/hr/agents/${a.agentId}/suspension`, body: { reason } },
  { name: 'reactivateAgentAccount', family: 'hr', method: 'POST', path: (a) => `/api/hr/agents/${a.agentId}/reactivation`, body: { reason } },
  { name: 'recordAgentDeparture', family: 'hr', method: 'POST', path: (a) => `/api/hr/agents/${a.agentId}/departure`, body: { date: '2099-01-01', reason } },
  { name: 'changeAgentDepartment', family: 'hr', method: 'POST', path: (a) => `/api/hr/agents/${a.agentId}/mobility`, body: { departmentCode: 'DSIN', effectiveDate: '2099-01-01', reason } },
  { name: 'printWelcomeLetter', family: 'hr', method: 'POST', path: (a) => `/api/hr/agents/${a.agentId}/welcome-letter`, body: {} },
  { name: 'getSupportAccountCard', family: 'support', alsoHr: true, method: 'GET', path: (a) => `/api/support/accounts/${a.badgeNumber}` },
  { name: 'listSupportAccountConnections', family: 'support', method: 'GET', path: (a) => `/api/support/accounts/${a.badgeNumber}/connections` },
  { name: 'unlockAccount', family: 'support', method: 'POST', path: (a) => `/api/support/accounts/${a.badgeNumber}/unlock`, body: { reason } },
  { name: 'issueSupportTemporaryPassword', family: 'support', alsoHr: true, method: 'POST', path: (a) => `/api/support/accounts/${a.badgeNumber}/temporary-password`, body: { reason } },
  { name: 'issueSupportEnrolmentCode', family: 'support', method: 'POST', path: (a) => `/api/support/accounts/${a.badgeNumber}/enrolment-code`, body: { reason } },
  { name: 'endAccountSessions', family: 'support', method: 'POST', path: (a) => `/api/support/accounts/${a.badgeNumber}/sessions/end`, body: { reason } },
  {
    name: 'resetSecondFactors',
    family: 'support',
    method: 'POST',
    path: (a) => `/api/support/accounts/${a.badgeNumber}/second-factors/reset`,
    body: { reason, checklist: { calledBackOnKnownNumber: true, checkedBadgeNumber: true, checkedManagerOrHr: true } },
  },
  { name: 'listRolesOfAgent', family: 'roles', method: 'GET', path: (a) => `/api/admin/agents/${a.badgeNumber}/roles` },
];

// Which role opens which routes on its own department: HR the HR routes (and, to hand over a new temporary
// password, the account card), IT support the console (and the HR card, read only). Plain agents and
// managers administer nobody.
const roles = ['agent', 'manager', 'hr_officer', 'it_support'] as const;
function opens(role: (typeof roles)[number], route: PersonRoute): boolean {
  if (role === 'hr_officer') return route.family === 'hr' || route.alsoHr === true;
  if (role === 'it_support') return route.family === 'support' || route.alsoSupport === true;
  return false;
}

for (const kind of testDatabaseKinds()) {
  describe(`no cross-department leak (${kind})`, () => {
    let t: TestApp;
    const clients = new Map<string, TestClient>();
    let dascoTargets: AgentFixture[];
    let casvp: AgentFixture;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '100000' } });
      for (const role of roles) {
        const actor = await createAgent(t.database.db, { department: 'DASCO', role: role === 'agent' ? undefined : role });
        const client = testClient(t.app, { ip: '10.1.0.1' });
        assert.equal((await client.post('/api/auth/login', { identifier: actor.badgeNumber, password: KNOWN_PASSWORD })).statusCode, 200);
        await client.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD });
        clients.set(role, client);
      }
      casvp = await createAgent(t.database.db, { department: 'CASVP' });
      await createAgent(t.database.db, { department: 'DSIN' });
      dascoTargets = [];
      for (let i = 0; i < personRoutes.length; i++) dascoTargets.push(await createAgent(t.database.db, { department: 'DASCO' }));
    });
    after(async () => t.close());

    test('another department’s agent answers 404 to every role on every route that touches a person, exactly like an unknown one', async () => {
      const ghost: AgentFixture = { ...casvp, agentId: '00000000-0000-4000-8000-000000000000', badgeNumber: '0000001' };
      for (const role of roles) {
        const client = clients.get(role)!;
        for (const route of personRoutes) {
          const res = await client.request(route.method, route.path(casvp), route.body);
          const where = `${role} ${route.name} on CASVP`;
          if (opens(role, route)) {
            assert.equal(res.statusCode, 404, `${where} → ${res.statusCode} ${res.body.slice(0, 160)}`);
            const unknown = await client.request(route.method, route.path(ghost), route.body);
            assert.equal(unknown.statusCode, 404, `${where}: unknown person`);
            assert.equal(res.json().detail, unknown.json().detail, `${where}: same answer as for a person who does not exist`);
          } else {
            assert.ok([403, 404].includes(res.statusCode), `${where} → ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      }
      const untouched = await t.database.db.selectFrom('agents').select(['status', 'job_title', 'department_id']).where('id', '=', casvp.agentId).executeTakeFirstOrThrow();
      assert.equal(untouched.status, 'active');
      assert.equal(untouched.job_title, 'Agent administratif');
    });

    test('the same roles reach their own department’s agents, and only through the routes their role opens', async () => {
      for (const role of roles) {
        const client = clients.get(role)!;
        for (const [i, route] of personRoutes.entries()) {
          const res = await client.request(route.method, route.path(dascoTargets[i]!), route.body);
          const where = `${role} ${route.name} on DASCO → ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (opens(role, route)) assert.ok(res.statusCode < 400 || res.statusCode === 409 || res.statusCode === 422, where);
          else assert.ok([403, 404].includes(res.statusCode), where);
        }
      }
    });
  });
}
