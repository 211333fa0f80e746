import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../http/logger.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { devOutboxRoutes } from './dev-outbox.routes.ts';
import { enqueueEmail, enqueueSms } from './outbox.repo.ts';
import { deliverOutbox } from './outbox-delivery.ts';

reportSkippedPostgres();

// Registers the demo mailbox the way app.ts does, unless app.ts already has.
const withDevOutbox = async (scope: FastifyInstance) => {
  if (!scope.hasRoute({ method: 'GET', url: '/api/dev/outbox' })) await devOutboxRoutes(scope, scope.ctx);
};

function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

for (const kind of testDatabaseKinds()) {
  describe(`demo mailbox (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { routes: withDevOutbox });
    });
    after(async () => t.close());

    test('without SMTP_URL, messages are marked delivered, written to the log, and listed at /api/dev/outbox without signing in', async () => {
      const link = 'http://localhost:3000/reinitialiser#jeton-de-demonstration';
      const queuedAt = t.clock.now();
      await enqueueEmail(t.database.db, { to: 'camille.martin@paris.example', subject: 'Réinitialisation de votre mot de passe', text: `Ouvrez ${link}` }, queuedAt);
      t.clock.advance(1_000);
      await enqueueSms(t.database.db, { to: '+33612345678', text: 'Ville de Paris : votre code de vérification est 482913.' }, t.clock.now());
      t.clock.advance(1_000);
      const { log, lines } = capturedLog();

      assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now(), log), { sent: 2, retried: 0, failed: 0 });

      const email = lines.find((line) => line.recipient === 'camille.martin@paris.example');
      assert.equal(email?.subject, 'Réinitialisation de votre mot de passe');
      assert.equal(email?.body, `Ouvrez ${link}`, 'the reset link can be read in the log');
      const sms = lines.find((line) => line.recipient === '+33612345678');
      assert.match(String(sms?.body), /482913/, 'the SMS code can be read in the log');

      t.clock.advance(1_000);
      await enqueueEmail(t.database.db, { to: 'alex.durand@paris.example', subject: 'Pas encore parti', text: 'En attente' }, t.clock.now());

      const res = await testClient(t.app).get('/api/dev/outbox');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await t.app.inject({ method: 'HEAD', url: '/api/dev/outbox' })).statusCode, 200, 'the web app asks with HEAD whether to link it');
      const messages = res.json() as Array<Record<string, unknown>>;
      assert.deepEqual(
        messages.map((m) => [m.channel, m.recipient, m.status]),
        [
          ['email', 'alex.durand@paris.example', 'pending'],
          ['sms', '+33612345678', 'sent'],
          ['email', 'camille.martin@paris.example', 'sent'],
        ],
        'newest first',
      );
      assert.deepEqual(
        { ...messages[2], id: undefined },
        {
          id: undefined,
          channel: 'email',
          recipient: 'camille.martin@paris.example',
          subject: 'Réinitialisation de votre mot de passe',
          body: `Ouvrez ${link}`,
          createdAt: queuedAt.toISOString(),
          sentAt: new Date(queuedAt.getTime() + 2_000).toISOString(),
          status: 'sent',
        },
      );
      assert.equal(messages[0]?.sentAt, null);
    });

    test('lists only the latest 100 messages', async () => {
      for (let i = 0; i < 105; i += 1) {
        t.clock.advance(1_000);
        await enqueueSms(t.database.db, { to: `+3361000${String(i).padStart(4, '0')}`, text: `code ${i}` }, t.clock.now());
      }
      const messages = (await testClient(t.app).get('/api/dev/outbox')).json() as Array<{ body: string }>;
      assert.equal(messages.length, 100);
      assert.equal(messages[0]?.body, 'code 104');
    });
  });

  describe(`demo mailbox when mail really leaves (${kind})`, () => {
    test('answers 404, as an unknown address, when SMTP_URL is set', async () => {
      const t = await createTestApp(kind, { env: { SMTP_URL: 'smtp://127.0.0.1:2525' }, routes: withDevOutbox });
      try {
        const res = await testClient(t.app).get('/api/dev/outbox');
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().code, 'not_found');
        assert.equal((await t.app.inject({ method: 'HEAD', url: '/api/dev/outbox' })).statusCode, 404);
        const openApi = (await testClient(t.app).get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
        assert.equal(openApi.paths['/api/dev/outbox'], undefined);
      } finally {
        await t.close();
      }
    });

    test('in production without SMTP_URL: no mailbox, and e-mails are kept and retried rather than written to the log', async () => {
      const t = await createTestApp(kind, { env: { NODE_ENV: 'production' }, routes: withDevOutbox });
      try {
        assert.equal((await testClient(t.app).get('/api/dev/outbox')).statusCode, 404);

        const secret = 'https://nomades.paris.example/reinitialiser#jeton-reel';
        await enqueueEmail(t.database.db, { to: 'camille.martin@paris.example', subject: 'Réinitialisation', text: secret }, t.clock.now());
        const { log, lines } = capturedLog();
        assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now(), log), { sent: 0, retried: 1, failed: 0 });
        const row = await t.database.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
        assert.equal(row.sent_at, null);
        assert.match(row.last_error ?? '', /SMTP_URL/);
        assert.ok(!JSON.stringify(lines).includes(secret), 'the message body never reaches the log');
      } finally {
        await t.close();
      }
    });
  });
}
