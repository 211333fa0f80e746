import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { enqueueSms } from './outbox.repo.ts';
import { deliverOutbox } from './outbox-delivery.ts';

reportSkippedPostgres();

const TOKEN = 'gateway-token-kept-secret';

type GatewayRequest = { method: string; path: string; authorization: string | undefined; contentType: string | undefined; body: unknown };

// Stands for the operator's SMS gateway: a real HTTP server on 127.0.0.1 that checks the bearer token.
async function startGateway() {
  const requests: GatewayRequest[] = [];
  const gateway = { requests, outOfService: false, server: undefined as Server | undefined, url: '' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      });
      const status = request.headers.authorization !== `Bearer ${TOKEN}` ? 401 : gateway.outOfService ? 503 : 202;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.server = server;
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sms`;
  return gateway;
}

for (const kind of testDatabaseKinds()) {
  describe(`SMS through the HTTP gateway (${kind})`, () => {
    let gateway: Awaited<ReturnType<typeof startGateway>>;
    let t: TestApp;
    before(async () => {
      gateway = await startGateway();
      t = await createTestApp(kind, { env: { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: TOKEN } });
    });
    after(async () => {
      await t.close();
      await new Promise((resolve) => gateway.server?.close(resolve));
    });
    beforeEach(async () => {
      await t.database.db.deleteFrom('outbox_messages').execute();
      gateway.requests.length = 0;
      gateway.outOfService = false;
    });

    const row = () => t.database.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();

    test('posts the number and the text as JSON with the bearer token, and marks the SMS sent', async () => {
      const text = 'Ville de Paris : votre code de vérification est 482913. Il expire dans 5 minutes.';
      await enqueueSms(t.database.db, { to: '+33612345678', text }, t.clock.now());

      assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now()), { sent: 1, retried: 0, failed: 0 });

      assert.deepEqual(gateway.requests, [
        {
          method: 'POST',
          path: '/v1/sms',
          authorization: `Bearer ${TOKEN}`,
          contentType: 'application/json',
          body: { to: '+33612345678', text },
        },
      ]);
      assert.notEqual((await row()).sent_at, null);
    });

    test('keeps the SMS for a later attempt when the gateway answers an error, and sends it once the gateway is back', async () => {
      gateway.outOfService = true;
      await enqueueSms(t.database.db, { to: '+33698765432', text: 'code 111222' }, t.clock.now());

      assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now()), { sent: 0, retried: 1, failed: 0 });
      assert.match((await row()).last_error ?? '', /503/);

      gateway.outOfService = false;
      t.clock.advance(60_000);
      assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now()), { sent: 1, retried: 0, failed: 0 });
      assert.equal(gateway.requests.length, 2);
    });

    test('a gateway that refuses our token is a failure, recorded without the token', async () => {
      const misconfigured = await createTestApp(kind, {
        database: t.database,
        env: { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'wrong-token-also-secret' },
      });
      try {
        await enqueueSms(t.database.db, { to: '+33611223344', text: 'code 333444' }, misconfigured.clock.now());
        assert.deepEqual(await deliverOutbox(misconfigured.app.ctx, misconfigured.clock.now()), { sent: 0, retried: 1, failed: 0 });
        const failed = await row();
        assert.match(failed.last_error ?? '', /401/);
        assert.ok(!failed.last_error?.includes('wrong-token-also-secret'));
        assert.equal(failed.sent_at, null);
      } finally {
        await misconfigured.close();
      }
    });
  });
}
