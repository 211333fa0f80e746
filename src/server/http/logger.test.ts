import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import { createTestDatabase } from '../test-support/test-database.ts';
import { testConfig } from '../test-support/test-app.ts';
import { createLogger } from './logger.ts';

test('writes JSON logs with request ids and without cookies, tokens, passwords or bank details', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const database = await createTestDatabase('pglite');
  const app = await buildApp({
    config: testConfig(),
    db: database.db,
    logger: createLogger('info', sink),
    extraRoutes: async (scope) => {
      scope.post('/test/log', { schema: { operationId: 'testLog' } }, async (request) => {
        request.log.info({ body: request.body }, 'received');
        return { ok: true };
      });
    },
  });
  try {
    const res = await app.inject({
      method: 'POST',
      url: '/test/log?token=reset-token-123&page=2',
      headers: { cookie: '__Host-session=session-secret', authorization: 'Bearer bearer-secret', 'content-type': 'application/json' },
      payload: { password: 'Hunter2-password!', iban: 'FR7630006000011234567890189', name: 'Camille' },
    });
    assert.equal(res.statusCode, 200);
    const all = lines.join('\n');
    for (const secret of ['reset-token-123', 'session-secret', 'bearer-secret', 'Hunter2-password!', 'FR7630006000011234567890189']) {
      assert.ok(!all.includes(secret), `the log contains ${secret}`);
    }
    const records = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string; req?: { url?: string } });
    const incoming = records.find((r) => r.msg === 'incoming request');
    assert.equal(incoming?.req?.url, '/test/log?token=[redacted]&page=2');
    assert.equal(incoming?.reqId, res.headers['x-request-id']);
    assert.ok(all.includes('Camille'), 'ordinary fields are still logged');
  } finally {
    await app.close();
    await database.close();
  }
});
