import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

for (const kind of testDatabaseKinds()) {
  describe(`sessions and connection history (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
    });
    after(async () => t.close());

    test('lists my sessions with device, address and network, and ends one or all the others', async () => {
      const agent = await createAgent(t.database.db);
      const desk = testClient(t.app, { ip: '10.0.0.5' });
      const phone = testClient(t.app, { ip: '10.0.0.6', userAgent: PHONE_UA });
      const laptop = testClient(t.app, { ip: '10.0.0.7' });
      for (const c of [desk, phone, laptop]) await c.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });

      const list = (await desk.get('/api/me/sessions')).json().items;
      assert.equal(list.length, 3);
      const current = list.find((s: { current: boolean }) => s.current);
      assert.equal(current.ip, '10.0.0.5');
      assert.equal(current.networkZone, 'internal');
      const phoneSession = list.find((s: { deviceLabel: string }) => /iOS/.test(s.deviceLabel));
      assert.match(phoneSession.deviceLabel, /Mobile Safari 17 — iOS 17/);

      assert.equal((await desk.delete(`/api/me/sessions/${phoneSession.id}`)).statusCode, 204);
      assert.equal((await phone.get('/api/me')).statusCode, 401);
      assert.equal((await desk.delete(`/api/me/sessions/${phoneSession.id}`)).statusCode, 404);

      assert.equal((await desk.delete('/api/me/sessions')).statusCode, 204);
      assert.equal((await laptop.get('/api/me')).statusCode, 401);
      assert.equal((await desk.get('/api/me')).statusCode, 200);
    });

    test('cannot end another agent’s session: it answers 404 as if it did not exist', async () => {
      const me = await createAgent(t.database.db);
      const colleague = await createAgent(t.database.db);
      const mine = testClient(t.app, { ip: '10.0.0.5' });
      const theirs = testClient(t.app, { ip: '10.0.0.9' });
      await mine.post('/api/auth/login', { identifier: me.badgeNumber, password: KNOWN_PASSWORD });
      await theirs.post('/api/auth/login', { identifier: colleague.badgeNumber, password: KNOWN_PASSWORD });
      const [their] = (await theirs.get('/api/me/sessions')).json().items;
      assert.equal((await mine.delete(`/api/me/sessions/${their.id}`)).statusCode, 404);
      assert.equal((await theirs.get('/api/me')).statusCode, 200);
    });

    test('shows my connection history, newest first, filterable and paginated, without secrets', async () => {
      const agent = await createAgent(t.database.db);
      const client = testClient(t.app, { ip: '10.0.0.5' });
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: 'Wrong-Password-12!' });
      t.clock.advance(1000);
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      for (let i = 0; i < 3; i++) {
        t.clock.advance(1000);
        await testClient(t.app, { ip: '10.0.0.6' }).post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      }
      const all = (await client.get('/api/me/connections?limit=2')).json();
      assert.equal(all.items.length, 2);
      assert.ok(all.nextCursor);
      assert.ok(all.items[0].at >= all.items[1].at);
      const rest = (await client.get(`/api/me/connections?limit=10&cursor=${all.nextCursor}`)).json();
      assert.equal(rest.items.length, 3);
      assert.equal(rest.nextCursor, null);
      const failures = (await client.get('/api/me/connections?result=failure')).json().items;
      assert.equal(failures.length, 1);
      assert.equal(failures[0].kind, 'sign_in');
      assert.equal(failures[0].networkZone, 'internal');
      assert.match(failures[0].browser, /Firefox/);
      assert.doesNotMatch(JSON.stringify([...all.items, ...rest.items]), /Wrong-Password|Quartz/);
      assert.equal((await client.get('/api/me/connections?cursor=garbage')).statusCode, 400);
    });

    test('“ce n’était pas moi” ends every session, forces a new password and alerts IT support', async () => {
      const agent = await createAgent(t.database.db);
      const mine = testClient(t.app, { ip: '10.0.0.5' });
      const intruder = testClient(t.app, { ip: '10.0.0.66' });
      await mine.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      await intruder.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      const [event] = (await mine.get('/api/me/connections?limit=1')).json().items;
      assert.equal((await mine.post('/api/me/connections/not-me', { eventId: event.id })).statusCode, 204);
      assert.equal((await intruder.get('/api/me')).statusCode, 401);
      assert.equal((await mine.get('/api/me')).statusCode, 401);
      const alerts = await t.database.db.selectFrom('security_alerts').selectAll().where('agent_id', '=', agent.agentId).execute();
      assert.equal(alerts.length, 1);
      const again = testClient(t.app, { ip: '10.0.0.5' });
      assert.deepEqual((await again.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json(), { next: 'change_password' });
    });
  });
}
