import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../test-support/fixtures.ts';
import { type TestClient, testClient } from '../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../test-support/test-database.ts';

reportSkippedPostgres();

type Operation = { method: string; path: string; operationId: string; bodyProperties: Record<string, { type?: string }>; streams: boolean };

// Operations that end the session or the account's access on purpose are exercised last, each once.
const sessionEnding = new Set(['signOut', 'reportNotMe']);

const hostileStrings = ['x'.repeat(100_000), 'abc\u0000def', '\u202e\u0007', "' OR 1=1 --", '../../../../etc/passwd', 'ｅｘａｍｐｌｅ＠ｐａｒｉｓ．ｅｘａｍｐｌｅ', '😀'.repeat(300)];
const hostileParams = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '%00', 'x'.repeat(300)];

function bodiesFor(op: Operation): unknown[] {
  const names = Object.keys(op.bodyProperties);
  const bodies: unknown[] = [[], 'text', 42, null, { unexpected: true }, { ['__proto__']: { admin: true } }];
  for (const name of names) {
    for (const value of [...hostileStrings, 12345, true, { nested: { deeper: [1, 2, 3] } }, ['a', 'b'], null]) {
      const body: Record<string, unknown> = {};
      for (const other of names) body[other] = op.bodyProperties[other]?.type === 'string' ? 'Valeur-Ordinaire-2026!' : 'x';
      body[name] = value;
      bodies.push(body);
    }
  }
  return bodies;
}

for (const kind of testDatabaseKinds()) {
  describe(`bad input on every route (${kind})`, () => {
    let t: TestApp;
    let operations: Operation[];
    let client: TestClient;
    let badgeNumber: string;

    const signIn = async () => {
      client = testClient(t.app, { ip: '10.0.0.1' });
      const res = await client.post('/api/auth/login', { identifier: badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(res.statusCode, 200, res.body);
      await client.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD });
    };

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '100000', LOCKOUT_THRESHOLD: '100000' } });
      badgeNumber = (await createAgent(t.database.db)).badgeNumber;
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      operations = [];
      for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
        for (const [method, op] of Object.entries(methods)) {
          const schema = op.requestBody?.content?.['application/json']?.schema ?? {};
          const streams = Object.keys(op.responses?.['200']?.content ?? {}).includes('text/event-stream');
          operations.push({ method: method.toUpperCase(), path, operationId: op.operationId, bodyProperties: schema.properties ?? {}, streams });
        }
      }
      await signIn();
    });
    after(async () => t.close());

    test('answers hostile bodies and parameters with 4xx problems, never a 500', async () => {
      const writes = operations.filter((op) => op.method !== 'GET' && !sessionEnding.has(op.operationId));
      assert.ok(writes.length >= 20, `only ${writes.length} operations found`);
      for (const op of writes) {
        const paths = op.path.includes('{') ? hostileParams.map((p) => op.path.replace(/\{[^}]+\}/g, encodeURIComponent(p))) : [op.path];
        for (const path of paths) {
          for (const body of bodiesFor(op)) {
            if ((await client.get('/api/me')).statusCode !== 200) await signIn();
            const res = await client.request(op.method, path, body);
            const where = `${op.operationId} ${op.method} ${path.slice(0, 60)} ${JSON.stringify(body).slice(0, 80)}`;
            assert.ok(res.statusCode < 500, `${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode >= 400) {
              assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, `${where} → ${res.statusCode} ${res.headers["content-type"]} ${res.body.slice(0, 100)}`);
              assert.doesNotMatch(res.body, /at .*\.ts:\d+|node_modules/, where);
            }
          }
        }
      }
    });

    test('answers hostile query strings on reads with 4xx problems, never a 500', async () => {
      // A live stream never ends on its own: it has its own test (live-notifications.test.ts).
      const reads = operations.filter((op) => op.method === 'GET' && !op.path.includes('{') && !op.streams);
      for (const op of reads) {
        for (const query of ['?days=-1', '?days=abc', '?limit=100000', '?cursor=%00%ff', '?kind=DROP%20TABLE', '?a[b]=c&a[b]=d', `?x=${'y'.repeat(5000)}`]) {
          const res = await client.get(`${op.path}${query}`);
          assert.ok(res.statusCode < 500, `${op.operationId}${query} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    });

    test('normalises Unicode (NFKC) before hashing: the same password typed with other code points signs in', async () => {
      const agent = await createAgent(t.database.db);
      const fullWidth = [...KNOWN_PASSWORD].map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
      assert.notEqual(fullWidth, KNOWN_PASSWORD);
      const res = await testClient(t.app, { ip: '10.0.0.2' }).post('/api/auth/login', { identifier: agent.badgeNumber, password: fullWidth });
      assert.equal(res.statusCode, 200, res.body);
    });
  });
}
