import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openDatabase } from '../db/connection.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../test-support/test-database.ts';

reportSkippedPostgres();

// Routes that exist only in this test, to exercise the platform's handling of bodies and errors.
async function testRoutes(app: FastifyInstance) {
  app.post(
    '/test/echo',
    { schema: { operationId: 'testEcho', body: z.object({ name: z.string().max(100) }) } },
    async (request) => ({ hello: (request.body as { name: string }).name }),
  );
  app.get('/test/boom', { schema: { operationId: 'testBoom' } }, async () => {
    throw new Error('secret detail: connection string postgres://admin:pw@db');
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`HTTP platform (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { routes: testRoutes });
    });
    after(async () => t.close());

    test('answers /healthz and /readyz when the database is reachable', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', database: 'ok' });
    });

    test('reports not ready (503) while shutting down', async () => {
      t.app.ctx.lifecycle.shuttingDown = true;
      try {
        const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(ready.statusCode, 503);
        assert.equal(ready.json().status, 'unavailable');
      } finally {
        t.app.ctx.lifecycle.shuttingDown = false;
      }
    });

    test('sets strict security headers and no-store on API answers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/departments' });
      assert.equal(res.statusCode, 200);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    test('lists departments from the database', async () => {
      await t.database.db.insertInto('departments').values({ code: 'DASCO', name: 'Affaires scolaires' }).execute();
      const res = await t.app.inject({ method: 'GET', url: '/api/departments' });
      assert.deepEqual(res.json().items, [{ code: 'DASCO', name: 'Affaires scolaires', serviceCount: 0 }]);
    });

    test('answers unknown routes with a problem+json 404', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const body = res.json();
      assert.equal(body.status, 404);
      assert.equal(body.code, 'not_found');
      assert.equal(body.instance, '/api/nothing-here');
    });

    test('answers a wrong method on a known route with 405 and Allow', async () => {
      const res = await t.app.inject({ method: 'DELETE', url: '/api/departments' });
      assert.equal(res.statusCode, 405);
      assert.match(String(res.headers.allow), /GET/);
      assert.equal(res.json().code, 'method_not_allowed');
    });

    test('rejects malformed JSON, wrong content types, oversized bodies and invalid fields with 4xx problems', async () => {
      const post = (payload: string, contentType = 'application/json') =>
        t.app.inject({ method: 'POST', url: '/test/echo', headers: { 'content-type': contentType }, payload });
      const cases = [
        { res: await post('{"name": '), status: 400, code: 'malformed_json' },
        { res: await post('name=x', 'application/x-www-form-urlencoded'), status: 415, code: 'unsupported_media_type' },
        { res: await post('hello', 'text/plain'), status: 415, code: 'unsupported_media_type' },
        { res: await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })), status: 413, code: 'payload_too_large' },
        { res: await post(JSON.stringify({ name: 42 })), status: 400, code: 'validation_failed' },
      ];
      for (const { res, status, code } of cases) {
        assert.equal(res.statusCode, status, `${code}: ${res.body.slice(0, 200)}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.json().code, code);
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
      }
      assert.deepEqual(cases.at(-1)?.res.json().errors.map((e: { field: string }) => e.field), ['body.name']);
      const ok = await post(JSON.stringify({ name: 'Camille' }));
      assert.deepEqual(ok.json(), { hello: 'Camille' });
    });

    test('hides the details of an unexpected error behind a 500 problem with the request id', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/test/boom' });
      assert.equal(res.statusCode, 500);
      const body = res.json();
      assert.equal(body.code, 'internal');
      assert.equal(body.requestId, res.headers['x-request-id']);
      assert.doesNotMatch(res.body, /secret detail/);
    });

    test('serves an OpenAPI 3.1 document where every operation has an operationId', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, '3.1.0');
      const operations = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
        ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
      );
      assert.ok(operations.length >= 4);
      for (const { path, method, op } of operations) assert.ok(op.operationId, `${method} ${path} has no operationId`);
      assert.ok(doc.paths['/api/departments'].get);
    });

    test('exposes Prometheus metrics to the loopback and hides them from outside', async () => {
      await t.app.inject({ method: 'GET', url: '/healthz' });
      const local = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
      assert.equal(local.statusCode, 200);
      assert.match(local.body, /nomades_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\}/);
      const outside = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
      assert.equal(outside.statusCode, 404);
    });

  });
}

describe('HTTP platform with its database down', () => {
  test('answers 503 problem+json from the API and /readyz, without internals', async () => {
    const database = await openDatabase({ kind: 'postgres', url: 'postgres://nomades@127.0.0.1:1/none' }, { poolSize: 1 });
    const t = await createTestApp('pglite', { database });
    try {
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json(), { status: 'unavailable', database: 'unreachable' });
      const api = await t.app.inject({ method: 'GET', url: '/api/departments' });
      assert.equal(api.statusCode, 503);
      assert.equal(api.json().code, 'service_unavailable');
      assert.doesNotMatch(api.body, /127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await t.close();
      await database.close();
    }
  });
});

describe('portal information for the web app', () => {
  test('says whether the demo mailbox exists: yes without an SMTP server, no with one', async () => {
    const demo = await createTestApp('pglite');
    const real = await createTestApp('pglite', { env: { SMTP_URL: 'smtp://mail.ville.example:25' } });
    try {
      const withoutSmtp = (await demo.app.inject({ method: 'GET', url: '/api/portal' })).json();
      assert.equal(withoutSmtp.demoMailbox, true);
      assert.equal(withoutSmtp.name, 'Ville de Paris');
      assert.equal((await real.app.inject({ method: 'GET', url: '/api/portal' })).json().demoMailbox, false);
      assert.equal((await real.app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode, 404);
    } finally {
      await demo.close();
      await real.close();
    }
  });
});
