import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

const INSIDE = '10.9.8.7';
const NEW_PASSWORD = 'Girafe-Tonnerre-Velours-81';

for (const kind of testDatabaseKinds()) {
  describe(`passwords (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
    });
    after(async () => t.close());

    async function signedIn(options: Parameters<typeof createAgent>[1] = {}) {
      const agent = await createAgent(t.database.db, options);
      const client = testClient(t.app, { ip: INSIDE });
      const res = await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(res.statusCode, 200, res.body);
      return { agent, client, next: res.json().next as string };
    }

    const lastMailTo = async (email: string) =>
      t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', email).orderBy('created_at', 'desc').orderBy('id').execute();

    test('lists every broken rule of a refused new password, with a French explanation', async () => {
      const { client, agent } = await signedIn({ lastName: 'Dubreuil' });
      const res = await client.post('/api/me/password', { currentPassword: KNOWN_PASSWORD, newPassword: 'dubreuil' });
      assert.equal(res.statusCode, 422);
      assert.match(String(res.headers['content-type']), /problem\+json/);
      const rules = res.json().errors.map((e: { rule: string }) => e.rule);
      for (const rule of ['composition', 'strength', 'personal_information', 'common_password']) assert.ok(rules.includes(rule), rule);
      const stored = await t.database.db.selectFrom('accounts').select('password_changed_at').where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.ok(stored.password_changed_at, 'nothing changed');
    });

    test('explains the rules live while the agent types', async () => {
      const { client } = await signedIn();
      const weak = (await client.post('/api/me/password/check', { newPassword: 'abc' })).json();
      assert.equal(weak.acceptable, false);
      assert.ok(weak.rules.find((r: { rule: string; ok: boolean }) => r.rule === 'composition' && !r.ok));
      const strong = (await client.post('/api/me/password/check', { newPassword: NEW_PASSWORD })).json();
      assert.equal(strong.acceptable, true);
    });

    test('changes the password, ends the other sessions and tells the agent by e-mail', async () => {
      const { agent, client } = await signedIn();
      const other = testClient(t.app, { ip: INSIDE });
      await other.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      const wrong = await client.post('/api/me/password', { currentPassword: 'Not-The-Password-1', newPassword: NEW_PASSWORD });
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().errors[0].rule, 'current_password');

      const res = await client.post('/api/me/password', { currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await client.get('/api/me')).statusCode, 200, 'this session goes on');
      assert.equal((await other.get('/api/me')).statusCode, 401, 'the other session is over');
      const mails = await lastMailTo(agent.email);
      assert.ok(mails.some((m) => /mot de passe a été modifié/.test(m.subject)));
      const again = testClient(t.app, { ip: INSIDE });
      assert.equal((await again.post('/api/auth/login', { identifier: agent.badgeNumber, password: NEW_PASSWORD })).statusCode, 200);
    });

    test('refuses any of the last 12 passwords', async () => {
      const { client } = await signedIn();
      const passwords = Array.from({ length: 3 }, (_, i) => `Hirondelle-Cobalt-Piano-${50 + i}`);
      let current = KNOWN_PASSWORD;
      for (const next of passwords) {
        assert.equal((await client.post('/api/me/password', { currentPassword: current, newPassword: next })).statusCode, 204);
        current = next;
      }
      const reuse = await client.post('/api/me/password', { currentPassword: current, newPassword: KNOWN_PASSWORD });
      assert.equal(reuse.statusCode, 422);
      assert.deepEqual(reuse.json().errors.map((e: { rule: string }) => e.rule), ['reused']);
      const same = await client.post('/api/me/password', { currentPassword: current, newPassword: current });
      assert.deepEqual(same.json().errors.map((e: { rule: string }) => e.rule), ['reused']);
    });

    test('a temporary password leads to a session that can only choose a new password', async () => {
      const { client, next } = await signedIn({ temporaryPassword: true });
      assert.equal(next, 'change_password');
      assert.equal((await client.get('/api/me/sessions')).statusCode, 403);
      assert.equal((await client.post('/api/me/password', { currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD })).statusCode, 204);
      const me = (await client.get('/api/me')).json();
      assert.equal(me.session.stage, 'done');
      assert.equal((await client.get('/api/me/sessions')).statusCode, 200);
    });

    test('answers a forgotten-password request the same whether or not the account exists', async () => {
      const agent = await createAgent(t.database.db);
      const client = testClient(t.app, { ip: '203.0.113.50' });
      const known = await client.post('/api/auth/password/forgot', { identifier: agent.email });
      const unknown = await client.post('/api/auth/password/forgot', { identifier: 'personne@paris.example' });
      assert.equal(known.statusCode, 202);
      assert.equal(unknown.statusCode, 202);
      assert.equal(known.body, unknown.body);
      assert.equal((await lastMailTo('personne@paris.example')).length, 0);
      assert.equal((await lastMailTo(agent.email)).length, 1);
    });

    test('resets the password with a single-use link valid 30 minutes; a second request voids the first', async () => {
      const agent = await createAgent(t.database.db);
      const session = (await signedIn()).client;
      const sessionOfAgent = testClient(t.app, { ip: INSIDE });
      await sessionOfAgent.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      for (let i = 0; i < 4; i++) await sessionOfAgent.post('/api/auth/login', { identifier: agent.badgeNumber, password: 'Wrong-Password-12!' });

      const client = testClient(t.app, { ip: '203.0.113.51' });
      const tokenOf = async () => {
        const [mail] = await lastMailTo(agent.email);
        return /#jeton=([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1] ?? '';
      };
      await client.post('/api/auth/password/forgot', { identifier: agent.badgeNumber });
      const first = await tokenOf();
      t.clock.advance(1_000);
      await client.post('/api/auth/password/forgot', { identifier: agent.badgeNumber });
      const second = await tokenOf();
      assert.notEqual(first, second);

      const voided = await client.post('/api/auth/password/reset', { token: first, newPassword: NEW_PASSWORD });
      assert.equal(voided.statusCode, 400);
      assert.equal(voided.json().code, 'invalid_reset_link');

      assert.deepEqual((await client.post('/api/auth/password/reset/describe', { token: second })).json(), { secondFactorMethods: [] });
      const ok = await client.post('/api/auth/password/reset', { token: second, newPassword: NEW_PASSWORD });
      assert.equal(ok.statusCode, 204, ok.body);
      const reused = await client.post('/api/auth/password/reset', { token: second, newPassword: 'Autre-Chose-Valable-77' });
      assert.equal(reused.statusCode, 400, 'the link works once');

      assert.equal((await sessionOfAgent.get('/api/me')).statusCode, 401, 'all sessions of the account ended');
      assert.equal((await session.get('/api/me')).statusCode, 200, 'other agents are untouched');
      const account = await t.database.db.selectFrom('accounts').select('failed_attempts').where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.equal(account.failed_attempts, 0, 'the lockout counter is cleared');
      assert.ok((await lastMailTo(agent.email)).some((m) => /réinitialisé/.test(m.subject)));

      t.clock.advance(1_000);
      await client.post('/api/auth/password/forgot', { identifier: agent.badgeNumber });
      const late = await tokenOf();
      t.clock.advance(31 * 60_000);
      assert.equal((await client.post('/api/auth/password/reset', { token: late, newPassword: 'Autre-Chose-Valable-77' })).statusCode, 400);
    });
  });
}
