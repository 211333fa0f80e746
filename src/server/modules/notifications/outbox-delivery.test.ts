import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { freePort } from '../../test-support/portal-process.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, type TestDatabaseKind, testDatabaseKinds } from '../../test-support/test-database.ts';
import { enqueueEmail } from './outbox.repo.ts';
import { deliverOutbox, MAX_ATTEMPTS, retryDelayMs } from './outbox-delivery.ts';
import { startTestMailServer, TEST_SMTP_PASSWORD, TEST_SMTP_USER, type TestMailServer } from './test-mail-server.ts';

reportSkippedPostgres();

const MINUTE = 60_000;
const smtpUrl = (port: number) => `smtp://${TEST_SMTP_USER}:${TEST_SMTP_PASSWORD}@127.0.0.1:${port}`;
const MAIL_FROM = 'Ville de Paris <ne-pas-repondre@paris.example>';

// Another portal instance on the same database: its own connection pool on PostgreSQL; on PGlite, which
// is one process by design, the same handle.
async function secondConnection(kind: TestDatabaseKind, handle: DatabaseHandle): Promise<DatabaseHandle> {
  if (kind === 'pglite') return { ...handle, close: async () => {} };
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${rows[0]?.name}`;
  return openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 5 });
}

test('waits 1 minute after the first failure, then twice as long each time, never more than an hour', () => {
  assert.deepEqual(
    Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1) / MINUTE),
    [1, 2, 4, 8, 16, 32, 60, 60, 60, 60],
  );
});

for (const kind of testDatabaseKinds()) {
  describe(`outbox delivery by e-mail (${kind})`, () => {
    let mail: TestMailServer;
    let t: TestApp;
    before(async () => {
      mail = await startTestMailServer();
      t = await createTestApp(kind, { env: { SMTP_URL: smtpUrl(mail.port), MAIL_FROM } });
    });
    after(async () => {
      await t.close();
      await mail.close();
    });
    beforeEach(async () => {
      await t.database.db.deleteFrom('outbox_messages').execute();
      mail.received.length = 0;
    });

    const outbox = () => t.database.db.selectFrom('outbox_messages').selectAll().orderBy('recipient').execute();

    test('an e-mail queued in a committed transaction reaches the mail server with the right From, To, Subject and text', async () => {
      const now = t.clock.now();
      await t.database.db.transaction().execute(async (trx) => {
        await enqueueEmail(
          trx,
          {
            to: 'camille.martin@paris.example',
            subject: 'Réinitialisation de votre mot de passe',
            text: 'Bonjour Camille,\n\nOuvrez ce lien : https://nomades.paris.example/reinitialiser#jeton-é',
          },
          now,
        );
      });

      const report = await deliverOutbox(t.app.ctx, now);

      assert.deepEqual(report, { sent: 1, retried: 0, failed: 0 });
      assert.equal(mail.received.length, 1);
      const [received] = mail.received;
      assert.equal(received?.envelopeFrom, 'ne-pas-repondre@paris.example');
      assert.deepEqual(received?.envelopeTo, ['camille.martin@paris.example']);
      assert.equal(received?.headers.get('from'), 'Ville de Paris <ne-pas-repondre@paris.example>');
      assert.equal(received?.headers.get('to'), 'camille.martin@paris.example');
      assert.equal(received?.subject, 'Réinitialisation de votre mot de passe');
      assert.match(received?.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/i);
      assert.ok(
        received?.text.startsWith('Bonjour Camille,\n\nOuvrez ce lien : https://nomades.paris.example/reinitialiser#jeton-é\n\n-- \n'),
        received?.text,
      );
      assert.match(received?.text ?? '', /ne vous demandera jamais votre mot de passe/);

      const [row] = await outbox();
      assert.equal(row?.sent_at?.toISOString(), now.toISOString());
      assert.equal(row?.attempts, 1);
      assert.equal((await deliverOutbox(t.app.ctx, now)).sent, 0, 'a delivered message is not sent again');
      assert.equal(mail.received.length, 1);
    });

    test('an e-mail queued in a transaction that was rolled back is never sent', async () => {
      const now = t.clock.now();
      await assert.rejects(
        t.database.db.transaction().execute(async (trx) => {
          await enqueueEmail(trx, { to: 'dominique.petit@paris.example', subject: 'Votre compte est bloqué', text: 'Bonjour' }, now);
          throw new Error('the password change failed after the e-mail was queued');
        }),
      );
      t.clock.advance(MINUTE);
      assert.deepEqual(await deliverOutbox(t.app.ctx, t.clock.now()), { sent: 0, retried: 0, failed: 0 });
      assert.equal(mail.received.length, 0);
      assert.equal((await outbox()).length, 0);
    });

    test('while the mail server refuses connections, retries 1 then 2 minutes later and records why, then delivers once it is back', async () => {
      const port = await freePort();
      const instance = await createTestApp(kind, { database: t.database, env: { SMTP_URL: smtpUrl(port), MAIL_FROM } });
      let revived: TestMailServer | undefined;
      try {
        const clock = instance.clock;
        await enqueueEmail(t.database.db, { to: 'alex.durand@paris.example', subject: 'Nouvelle connexion', text: 'Bonjour Alex' }, clock.now());

        assert.deepEqual(await deliverOutbox(instance.app.ctx, clock.now()), { sent: 0, retried: 1, failed: 0 });
        let [row] = await outbox();
        assert.equal(row?.attempts, 1);
        assert.equal(row?.sent_at, null);
        assert.match(row?.last_error ?? '', /ECONNREFUSED/);
        assert.ok(!row?.last_error?.includes(TEST_SMTP_PASSWORD), 'no password in the stored error');
        assert.equal(row?.next_attempt_at.getTime(), clock.now().getTime() + MINUTE);

        clock.advance(MINUTE - 1_000);
        assert.equal((await deliverOutbox(instance.app.ctx, clock.now())).retried, 0, 'not before its time');
        clock.advance(1_000);
        assert.equal((await deliverOutbox(instance.app.ctx, clock.now())).retried, 1);
        [row] = await outbox();
        assert.equal(row?.attempts, 2);
        assert.equal(row?.next_attempt_at.getTime(), clock.now().getTime() + 2 * MINUTE);

        revived = await startTestMailServer(port);
        clock.advance(2 * MINUTE);
        assert.deepEqual(await deliverOutbox(instance.app.ctx, clock.now()), { sent: 1, retried: 0, failed: 0 });
        assert.deepEqual(revived.received.map((m) => m.envelopeTo), [['alex.durand@paris.example']]);
        [row] = await outbox();
        assert.equal(row?.attempts, 3);
        assert.equal(row?.last_error, null);
        assert.equal(row?.sent_at?.getTime(), clock.now().getTime());
      } finally {
        await instance.close();
        await revived?.close();
      }
    });

    test(`gives up after ${MAX_ATTEMPTS} failed attempts and marks the message failed, never to be tried again`, async () => {
      const port = await freePort();
      const instance = await createTestApp(kind, { database: t.database, env: { SMTP_URL: smtpUrl(port), MAIL_FROM } });
      try {
        const now = instance.clock.now();
        await enqueueEmail(t.database.db, { to: 'sam.bernard@paris.example', subject: 'Test', text: 'Bonjour' }, now);
        await t.database.db.updateTable('outbox_messages').set({ attempts: MAX_ATTEMPTS - 1 }).execute();

        assert.deepEqual(await deliverOutbox(instance.app.ctx, now), { sent: 0, retried: 0, failed: 1 });
        const [row] = await outbox();
        assert.equal(row?.attempts, MAX_ATTEMPTS);
        assert.equal(row?.failed_at?.getTime(), now.getTime());
        assert.match(row?.last_error ?? '', /ECONNREFUSED/);

        instance.clock.advance(24 * 60 * MINUTE);
        assert.deepEqual(await deliverOutbox(instance.app.ctx, instance.clock.now()), { sent: 0, retried: 0, failed: 0 });
      } finally {
        await instance.close();
      }
    });

    test('two instances delivering at the same moment send each message exactly once', async () => {
      const now = t.clock.now();
      const recipients = Array.from({ length: 45 }, (_, i) => `agent${String(i).padStart(2, '0')}@paris.example`);
      for (const to of recipients) await enqueueEmail(t.database.db, { to, subject: 'Rappel', text: `Bonjour ${to}` }, now);
      const other = await secondConnection(kind, t.database);
      const instance = await createTestApp(kind, { database: other, env: { SMTP_URL: smtpUrl(mail.port), MAIL_FROM } });
      try {
        const reports = await Promise.all([deliverOutbox(t.app.ctx, now), deliverOutbox(instance.app.ctx, now)]);

        assert.equal(reports[0].sent + reports[1].sent, recipients.length);
        const delivered = mail.received.flatMap((m) => m.envelopeTo).sort();
        assert.deepEqual(delivered, recipients, 'each recipient received exactly one message');
        const rows = await outbox();
        assert.ok(rows.every((row) => row.sent_at !== null && row.attempts === 1));
      } finally {
        await instance.close();
        await other.close();
      }
    });
  });
}
