import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`roles and access decisions (${kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      const a = await createAgent(t.database.db, { department: 'DSIN', role: 'administrator' });
      await t.database.db.updateTable('role_assignments').set({ department_id: null }).where('agent_id', '=', a.agentId).execute();
      admin = testClient(t.app, { ip: '10.0.0.1' });
      await admin.post('/api/auth/login', { identifier: a.badgeNumber, password: KNOWN_PASSWORD });
    });
    after(async () => t.close());

    test('an administrator grants a role on a department, the decision explains it, and it is audited', async () => {
      const future = await createAgent(t.database.db, { department: 'DASCO' });
      const dasco = await createAgent(t.database.db, { department: 'DASCO' });
      const casvp = await createAgent(t.database.db, { department: 'CASVP' });
      const explain = (target: string) =>
        admin.get(`/api/admin/access/explain?actor=${future.badgeNumber}&action=account.update&target=${target}`).then((r) => r.json());

      assert.equal((await explain(dasco.badgeNumber)).allowed, false);
      const grant = await admin.post(`/api/admin/agents/${future.badgeNumber}/roles`, { role: 'hr_officer', departmentCode: 'DASCO', reason: 'Prise de poste au bureau RH' });
      assert.equal(grant.statusCode, 204, grant.body);
      assert.deepEqual(await explain(dasco.badgeNumber), {
        allowed: true,
        reason: 'autorisé car : gestionnaire RH de la DASCO',
        actor: `Camille ${future.lastName} (${future.badgeNumber})`,
        target: `Camille ${dasco.lastName} (${dasco.badgeNumber})`,
      });
      assert.equal((await explain(casvp.badgeNumber)).allowed, false);
      assert.equal((await admin.post(`/api/admin/agents/${future.badgeNumber}/roles`, { role: 'hr_officer', departmentCode: 'DASCO', reason: 'Deuxième fois' })).statusCode, 409);

      const [trail] = (await admin.get('/api/audit?action=role.grant')).json().items;
      assert.equal(trail.reason, 'Prise de poste au bureau RH');
      assert.match(trail.target, new RegExp(future.badgeNumber));

      const [role] = (await admin.get(`/api/admin/agents/${future.badgeNumber}/roles`)).json().items;
      assert.equal(role.perimeter, 'direction DASCO');
      const revoke = await admin.request('DELETE', `/api/admin/agents/${future.badgeNumber}/roles/${role.id}`, { reason: 'Fin de mission' });
      assert.equal(revoke.statusCode, 204, revoke.body);
      assert.equal((await explain(dasco.badgeNumber)).allowed, false);
    });

    test('refuses role management to anyone but administrators', async () => {
      const hr = await createAgent(t.database.db, { role: 'hr_officer' });
      const client = testClient(t.app, { ip: '10.0.0.2' });
      await client.post('/api/auth/login', { identifier: hr.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal((await client.post(`/api/admin/agents/${hr.badgeNumber}/roles`, { role: 'administrator', reason: 'Je me promeus' })).statusCode, 403);
      assert.equal((await client.get(`/api/admin/access/explain?actor=${hr.badgeNumber}&action=role.grant`)).statusCode, 403);
    });
  });
}
