import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

const INSIDE = '10.1.2.3';
const OUTSIDE = '203.0.113.10';

for (const kind of testDatabaseKinds()) {
  describe(`sign-in (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '1000' } });
    });
    after(async () => t.close());

    const login = (ip: string, identifier: string, password = KNOWN_PASSWORD) => {
      const client = testClient(t.app, { ip });
      return client.post('/api/auth/login', { identifier, password }).then((res) => ({ res, client }));
    };

    test('signs in with the badge number or the professional e-mail, case and spaces ignored', async () => {
      const agent = await createAgent(t.database.db);
      const byBadge = await login(INSIDE, ` ${agent.badgeNumber.slice(0, 3)} ${agent.badgeNumber.slice(3)} `);
      assert.equal(byBadge.res.statusCode, 200, byBadge.res.body);
      assert.deepEqual(byBadge.res.json(), { next: 'done' });
      const byEmail = await login(INSIDE, `  ${agent.email.toUpperCase()} `);
      assert.deepEqual(byEmail.res.json(), { next: 'done' });

      const me = await byEmail.client.get('/api/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().badgeNumber, agent.badgeNumber);
      assert.equal(me.json().department.code, 'DASCO');
      assert.equal(me.json().session.networkZone, 'internal');
    });

    test('sets an opaque __Host- session cookie that is HttpOnly, Secure and SameSite=Lax', async () => {
      const agent = await createAgent(t.database.db);
      const { res } = await login(INSIDE, agent.badgeNumber);
      const cookie = String(res.headers['set-cookie']).split(/,(?=\s*__Host)/).find((c) => c.includes(SESSION_COOKIE)) ?? '';
      assert.match(cookie, /^__Host-nomades-session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      const stored = await t.database.db.selectFrom('sessions').select('id_hash').where('agent_id', '=', agent.agentId).execute();
      const token = /=([^;]+);/.exec(cookie)?.[1] ?? '';
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]?.id_hash, token, 'only a hash of the id is stored');
    });

    test('answers a wrong password, an unknown identifier and a locked account exactly alike', async () => {
      const agent = await createAgent(t.database.db);
      const locked = await createAgent(t.database.db);
      await t.database.db.updateTable('accounts').set({ locked_until: new Date('2099-01-01') }).where('agent_id', '=', locked.agentId).execute();

      const strip = (body: string) => {
        const { requestId: _r, ...rest } = JSON.parse(body);
        return rest;
      };
      const answers = [
        await login(OUTSIDE, agent.badgeNumber, 'Wrong-Password-123!'),
        await login(OUTSIDE, '9999999', 'Wrong-Password-123!'),
        await login(OUTSIDE, 'nobody@paris.example', 'Wrong-Password-123!'),
        await login(OUTSIDE, locked.badgeNumber, KNOWN_PASSWORD),
      ];
      for (const { res } of answers) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().code, 'invalid_credentials');
        assert.deepEqual(strip(res.body), strip(answers[0]!.res.body));
        assert.equal(res.headers['set-cookie'] === undefined || !String(res.headers['set-cookie']).includes(SESSION_COOKIE), true);
      }
    });

    test('takes the same time (within 50 ms) for a wrong password, an unknown identifier and a locked account', async () => {
      const agent = await createAgent(t.database.db);
      const locked = await createAgent(t.database.db);
      await t.database.db.updateTable('accounts').set({ locked_until: new Date('2099-01-01') }).where('agent_id', '=', locked.agentId).execute();
      const cases = {
        wrongPassword: () => login(OUTSIDE, agent.badgeNumber, 'Wrong-Password-123!'),
        unknown: () => login(OUTSIDE, '8888888', 'Wrong-Password-123!'),
        locked: () => login(OUTSIDE, locked.badgeNumber, KNOWN_PASSWORD),
      };
      const medians: Record<string, number> = {};
      for (const [name, attempt] of Object.entries(cases)) {
        const durations: number[] = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          await attempt();
          durations.push(performance.now() - start);
        }
        durations.sort((a, b) => a - b);
        medians[name] = durations[2]!;
      }
      const values = Object.values(medians);
      assert.ok(Math.max(...values) - Math.min(...values) < 50, JSON.stringify(medians));
    });

    test('locks the account after 5 failed attempts and unlocks it after 30 minutes', async () => {
      const agent = await createAgent(t.database.db);
      for (let i = 0; i < 5; i++) await login(OUTSIDE, agent.badgeNumber, 'Wrong-Password-123!');
      const whileLocked = await login(INSIDE, agent.badgeNumber);
      assert.equal(whileLocked.res.statusCode, 401, 'the right password is refused while locked');

      const events = await t.database.db.selectFrom('connection_events').select(['kind', 'result', 'detail']).where('agent_id', '=', agent.agentId).execute();
      assert.equal(events.filter((e) => e.kind === 'lockout').length, 1);
      assert.equal(events.filter((e) => e.kind === 'sign_in' && e.result === 'failure').length, 6);
      const mail = await t.database.db.selectFrom('outbox_messages').select(['recipient', 'subject']).where('recipient', '=', agent.email).execute();
      assert.ok(mail.some((m) => /bloqué/.test(m.subject)), 'the agent is told by e-mail');

      t.clock.advance(29 * 60_000);
      assert.equal((await login(INSIDE, agent.badgeNumber)).res.statusCode, 401);
      t.clock.advance(2 * 60_000);
      const after = await login(INSIDE, agent.badgeNumber);
      assert.equal(after.res.statusCode, 200);
      const account = await t.database.db.selectFrom('accounts').select(['failed_attempts', 'locked_until']).where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.equal(account.failed_attempts, 0);
      assert.equal(account.locked_until, null);
    });

    test('asks an agent outside the city network to enrol a second factor, and lets them do nothing else', async () => {
      const agent = await createAgent(t.database.db);
      const { res, client } = await login(OUTSIDE, agent.badgeNumber);
      assert.deepEqual(res.json(), { next: 'enrol_second_factor' });
      const me = await client.get('/api/me');
      assert.equal(me.json().session.stage, 'enrol_second_factor');
      const directory = await client.get('/api/directory?q=martin');
      assert.equal(directory.statusCode, 403);
      assert.equal(directory.json().code, 'sign_in_incomplete');
      assert.equal((await client.post('/api/auth/session/keep-alive')).statusCode, 204, 'staying signed in while enrolling is allowed');
    });

    test('sends a temporary password to the password change before anything else', async () => {
      const agent = await createAgent(t.database.db, { temporaryPassword: true });
      const { res, client } = await login(INSIDE, agent.badgeNumber);
      assert.deepEqual(res.json(), { next: 'change_password' });
      assert.equal((await client.get('/api/me/sessions')).statusCode, 403);
    });

    test('requires a new password once the current one is older than 180 days', async () => {
      const agent = await createAgent(t.database.db, { passwordChangedAt: new Date(t.clock.now().getTime() - 181 * 86_400_000) });
      assert.deepEqual((await login(INSIDE, agent.badgeNumber)).res.json(), { next: 'change_password' });
      const fresh = await createAgent(t.database.db, { passwordChangedAt: new Date(t.clock.now().getTime() - 170 * 86_400_000) });
      const { client } = await login(INSIDE, fresh.badgeNumber);
      const me = (await client.get('/api/me')).json();
      assert.equal(me.password.expiresSoon, true, 'a banner warns from 14 days before');
    });

    test('refuses a sign-in without the CSRF token', async () => {
      const agent = await createAgent(t.database.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: INSIDE,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ identifier: agent.badgeNumber, password: KNOWN_PASSWORD }),
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'csrf_failed');
    });

    test('ends the session on the server at logout', async () => {
      const agent = await createAgent(t.database.db);
      const { client } = await login(INSIDE, agent.badgeNumber);
      const token = client.cookie(SESSION_COOKIE)!;
      assert.equal((await client.post('/api/auth/logout')).statusCode, 204);
      client.setCookie(SESSION_COOKIE, token);
      assert.equal((await client.get('/api/me')).statusCode, 401, 'the old cookie no longer works');
    });

    test('ends a session after 30 idle minutes and after 10 hours in any case', async () => {
      const agent = await createAgent(t.database.db);
      const idle = (await login(INSIDE, agent.badgeNumber)).client;
      t.clock.advance(29 * 60_000);
      assert.equal((await idle.get('/api/me')).statusCode, 200);
      t.clock.advance(29 * 60_000);
      assert.equal((await idle.get('/api/me')).statusCode, 200, 'activity pushed the idle limit back');
      t.clock.advance(31 * 60_000);
      assert.equal((await idle.get('/api/me')).statusCode, 401);

      const busy = (await login(INSIDE, agent.badgeNumber)).client;
      for (let hour = 0; hour < 20; hour++) {
        t.clock.advance(29 * 60_000);
        const res = await busy.get('/api/me');
        if (res.statusCode === 401) {
          assert.ok(hour >= 19, `ended too early, after ${hour} half-hours`);
          return;
        }
      }
      t.clock.advance(29 * 60_000);
      assert.equal((await busy.get('/api/me')).statusCode, 401);
    });

    test('refuses malformed sign-in input with 400 problems and records nothing', async () => {
      const client = testClient(t.app, { ip: OUTSIDE });
      const before = await t.database.db.selectFrom('connection_events').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const cases: unknown[] = [
        { identifier: 'x'.repeat(400), password: 'a' },
        { identifier: 'abc\u0000def', password: 'a' },
        { identifier: 1234567, password: 'a' },
        { identifier: '1234567', password: 'a'.repeat(257) },
        { identifier: '1234567' },
        { identifier: '1234567', password: 'x', admin: true },
      ];
      for (const body of cases) {
        const res = await client.post('/api/auth/login', body);
        assert.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(res.json().code, 'validation_failed');
      }
      const afterCount = await t.database.db.selectFrom('connection_events').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(afterCount.n, before.n);
    });
  });
}

describe('sign-in throttling per client address', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('pglite', { env: { IP_THROTTLE_FAILURES: '3' } });
  });
  after(async () => t.close());

  test('slows down an address that sprays badge numbers without locking the accounts it tries', async () => {
    const sprayer = testClient(t.app, { ip: '198.51.100.7' });
    const victims = [];
    for (let i = 0; i < 4; i++) victims.push(await createAgent(t.database.db));
    for (const victim of victims.slice(0, 3)) {
      const res = await sprayer.post('/api/auth/login', { identifier: victim.badgeNumber, password: 'Wrong-Password-1!' });
      assert.equal(res.statusCode, 401);
    }
    await sprayer.post('/api/auth/login', { identifier: victims[3]!.badgeNumber, password: 'Wrong-Password-1!' });
    const blocked = await sprayer.post('/api/auth/login', { identifier: victims[3]!.badgeNumber, password: KNOWN_PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().code, 'rate_limited');
    assert.ok(Number(blocked.headers['retry-after']) >= 1);

    const colleague = testClient(t.app, { ip: '198.51.100.8' });
    const ok = await colleague.post('/api/auth/login', { identifier: victims[3]!.badgeNumber, password: KNOWN_PASSWORD });
    assert.equal(ok.statusCode, 200, 'another address is not affected and the account is not locked');

    t.clock.advance(5_000);
    const later = await sprayer.post('/api/auth/login', { identifier: victims[0]!.badgeNumber, password: KNOWN_PASSWORD });
    assert.equal(later.statusCode, 200, 'the delay is short: a person who mistyped gets in after waiting');
  });
});
