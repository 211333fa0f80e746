import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/cookies.ts';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createTestDatabase, reportSkippedPostgres, type TestDatabaseKind, testDatabaseKinds } from '../../test-support/test-database.ts';

// Two portal processes behind a load balancer: every request may land on either. Sessions, lockouts and
// CSRF must hold across them because they live in PostgreSQL (and in SECRET_KEY), never in memory.

reportSkippedPostgres();

const WRONG_PASSWORD = 'Wrong-Password-123!';

// On PostgreSQL each instance gets its own pool on the same database, as two processes would; PGlite is
// in-process only, so there the two apps share one handle.
async function openSharedDatabase(kind: TestDatabaseKind): Promise<{ a: DatabaseHandle; b: DatabaseHandle; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await createTestDatabase('pglite');
    return { a: handle, b: handle, close: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `nomades_t_multi_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = await openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 3 });
  const b = await openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 3 });
  await migrateToLatest(a.db);
  return {
    a,
    b,
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// One browser whose requests the load balancer sends to whichever instance it likes: one cookie jar, and
// the CSRF token is whatever the page last received, from any instance.
function roamingBrowser(ip: string) {
  const jar = new Map<string, string>();
  let csrfToken = '';
  const browser = {
    async send(app: FastifyInstance, method: 'GET' | 'POST', url: string, body?: unknown) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await app.inject({
        method,
        url,
        remoteAddress: ip,
        headers: {
          'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
          ...(cookie ? { cookie } : {}),
          ...(method === 'POST' ? { 'x-csrf-token': csrfToken, 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { payload: JSON.stringify(body ?? {}) } : {}),
      });
      for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
        const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
        if (expired) jar.delete(c.name);
        else jar.set(c.name, c.value);
      }
      return res;
    },
    async fetchCsrfToken(app: FastifyInstance) {
      const res = await browser.send(app, 'GET', '/api/auth/csrf');
      assert.equal(res.statusCode, 200);
      csrfToken = res.json().token;
      return csrfToken;
    },
    signIn: (app: FastifyInstance, identifier: string, password: string) =>
      browser.send(app, 'POST', '/api/auth/login', { identifier, password }),
    cookie: (name: string) => jar.get(name),
    setCookie: (name: string, value: string) => void jar.set(name, value),
  };
  return browser;
}

for (const kind of testDatabaseKinds()) {
  describe(`two portal instances on one database (${kind})`, () => {
    let shared: Awaited<ReturnType<typeof openSharedDatabase>>;
    let a: TestApp;
    let b: TestApp;
    before(async () => {
      shared = await openSharedDatabase(kind);
      // Same SECRET_KEY (testConfig's), separate memory: two buildApp results, two clocks at the same time.
      a = await createTestApp(kind, { database: shared.a, env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      b = await createTestApp(kind, { database: shared.b, env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await shared?.close();
    });

    test('a session opened on instance A works on instance B, and signing out on B ends it on A', async () => {
      const agent = await createAgent(shared.a.db);
      const browser = roamingBrowser('10.0.0.21');
      await browser.fetchCsrfToken(a.app);
      const login = await browser.signIn(a.app, agent.badgeNumber, KNOWN_PASSWORD);
      assert.equal(login.statusCode, 200, login.body);
      assert.deepEqual(login.json(), { next: 'done' });
      const sessionCookie = browser.cookie(SESSION_COOKIE) ?? '';
      assert.ok(sessionCookie);

      const onB = await browser.send(b.app, 'GET', '/api/me');
      assert.equal(onB.statusCode, 200, onB.body);
      assert.equal(onB.json().badgeNumber, agent.badgeNumber);
      assert.equal((await browser.send(a.app, 'GET', '/api/me')).statusCode, 200);

      const logout = await browser.send(b.app, 'POST', '/api/auth/logout');
      assert.equal(logout.statusCode, 204, logout.body);
      // Replaying the old cookie proves the session ended on the server, not only in this browser.
      browser.setCookie(SESSION_COOKIE, sessionCookie);
      const onA = await browser.send(a.app, 'GET', '/api/me');
      assert.equal(onA.statusCode, 401);
      assert.equal(onA.json().code, 'unauthenticated');
      browser.setCookie(SESSION_COOKIE, sessionCookie);
      assert.equal((await browser.send(b.app, 'GET', '/api/me')).statusCode, 401);
      const sessions = await shared.b.db.selectFrom('sessions').select('id_hash').where('agent_id', '=', agent.agentId).execute();
      assert.deepEqual(sessions, []);
    });

    test('accepts on instance B the CSRF token issued by instance A, and refuses a forged one on both', async () => {
      const agent = await createAgent(shared.a.db);
      const browser = roamingBrowser('10.0.0.22');
      const token = await browser.fetchCsrfToken(a.app);
      const csrfCookie = browser.cookie(CSRF_COOKIE);
      const login = await browser.signIn(b.app, agent.badgeNumber, KNOWN_PASSWORD);
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(browser.cookie(CSRF_COOKIE), csrfCookie, 'B keeps the cookie A set');
      assert.equal(await browser.fetchCsrfToken(b.app), token, 'both instances derive the same token from the cookie');

      const forger = roamingBrowser('10.0.0.23');
      await forger.fetchCsrfToken(a.app);
      forger.setCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'));
      for (const app of [a.app, b.app]) {
        const refused = await forger.signIn(app, agent.badgeNumber, KNOWN_PASSWORD);
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().code, 'csrf_failed');
      }
    });

    test('locks the account on both instances after 5 failed attempts spread over A and B', async () => {
      const agent = await createAgent(shared.a.db);
      const browser = roamingBrowser('203.0.113.24');
      await browser.fetchCsrfToken(b.app);
      const order = [a, b, a, b, a];
      for (const [i, instance] of order.entries()) {
        const res = await browser.signIn(instance.app, agent.badgeNumber, WRONG_PASSWORD);
        assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
        assert.equal(res.json().code, 'invalid_credentials');
      }
      for (const instance of [b, a]) {
        const other = roamingBrowser('10.0.0.24');
        await other.fetchCsrfToken(instance.app);
        const res = await other.signIn(instance.app, agent.badgeNumber, KNOWN_PASSWORD);
        assert.equal(res.statusCode, 401, 'the right password is refused while the account is locked');
      }
      const account = await shared.b.db
        .selectFrom('accounts')
        .select(['failed_attempts', 'locked_until'])
        .where('agent_id', '=', agent.agentId)
        .executeTakeFirstOrThrow();
      assert.equal(account.failed_attempts, 5);
      assert.equal(account.locked_until?.toISOString(), new Date(a.clock.now().getTime() + a.config.auth.lockoutMs).toISOString());
      const lockouts = await shared.a.db
        .selectFrom('connection_events')
        .select('kind')
        .where('agent_id', '=', agent.agentId)
        .where('kind', '=', 'lockout')
        .execute();
      assert.equal(lockouts.length, 1, 'one lockout, recorded by the instance that saw the fifth failure');

      // Thirty minutes later, on both clocks, either instance lets the agent in again.
      a.clock.advance(31 * 60_000);
      b.clock.advance(31 * 60_000);
      const later = roamingBrowser('10.0.0.24');
      await later.fetchCsrfToken(a.app);
      assert.equal((await later.signIn(b.app, agent.badgeNumber, KNOWN_PASSWORD)).statusCode, 200);
    });

    test('counts failures arriving at the same moment on A and B exactly once each, and locks once', async () => {
      const agent = await createAgent(shared.a.db);
      const browser = roamingBrowser('203.0.113.25');
      await browser.fetchCsrfToken(a.app);
      const answers = await Promise.all(
        [a, b, a, b, a, b].map((instance) => browser.signIn(instance.app, agent.badgeNumber, WRONG_PASSWORD)),
      );
      assert.deepEqual(answers.map((r) => r.statusCode), [401, 401, 401, 401, 401, 401]);
      const account = await shared.a.db
        .selectFrom('accounts')
        .select(['failed_attempts', 'locked_until'])
        .where('agent_id', '=', agent.agentId)
        .executeTakeFirstOrThrow();
      assert.equal(account.failed_attempts, 6, 'no failure lost to a race between the instances');
      assert.ok(account.locked_until);
      const events = await shared.b.db
        .selectFrom('connection_events')
        .select(['kind', 'detail'])
        .where('agent_id', '=', agent.agentId)
        .execute();
      assert.equal(events.filter((e) => e.kind === 'lockout').length, 1);
      assert.equal(events.filter((e) => e.kind === 'sign_in').length, 6);
    });
  });
}
