import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createTestDatabase, reportSkippedPostgres, type TestDatabaseKind, testDatabaseKinds } from '../../test-support/test-database.ts';
import { signedIn } from '../accounts/test-support.ts';
import { sendNotificationDigests } from './notification-digest.job.ts';
import { notifyAgent } from './notify-agent.ts';

reportSkippedPostgres();

// Two portal instances behind a load balancer: the agent's browser holds its live stream on one, the event
// happens on the other. On PostgreSQL each has its own pool and its own LISTEN connection, as two processes
// would; PGlite lives in one process, so there both share one handle.
async function twoInstancesDatabase(kind: TestDatabaseKind): Promise<{ a: DatabaseHandle; b: DatabaseHandle; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const handle = await createTestDatabase('pglite');
    return { a: handle, b: handle, close: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `nomades_t_live_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
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
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

type Stream = { response: IncomingMessage; events: number[]; next(predicate: (unread: number) => boolean): Promise<number>; close(): void };

function openStream(baseUrl: string, sessionCookie: string | undefined): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = get(`${baseUrl}/api/me/notifications/stream`, { headers: { cookie: sessionCookie ? `${SESSION_COOKIE}=${sessionCookie}` : '' } }, (response) => {
      const events: number[] = [];
      const waiters: Array<{ predicate: (unread: number) => boolean; resolve: (n: number) => void }> = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block);
          if (!/^event: unread$/m.test(block) || !data) continue;
          const unread = (JSON.parse(data[1]!) as { unread: number }).unread;
          events.push(unread);
          for (const waiter of waiters.splice(0)) {
            if (waiter.predicate(unread)) waiter.resolve(unread);
            else waiters.push(waiter);
          }
        }
      });
      resolve({
        response,
        events,
        next: (predicate) => {
          const seen = events.find(predicate);
          if (seen !== undefined) return Promise.resolve(seen);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event; received ${JSON.stringify(events)}`)), 5_000);
            waiters.push({ predicate, resolve: (n) => (clearTimeout(timer), done(n)) });
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`live notifications across instances (${kind})`, () => {
    let shared: Awaited<ReturnType<typeof twoInstancesDatabase>>;
    let instanceA: TestApp;
    let instanceB: TestApp;
    let baseUrlB: string;
    let agent: AgentFixture;

    before(async () => {
      shared = await twoInstancesDatabase(kind);
      instanceA = await createTestApp(kind, { database: shared.a, env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      instanceB = await createTestApp(kind, { database: shared.b, env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      await instanceB.app.listen({ host: '127.0.0.1', port: 0 });
      baseUrlB = `http://127.0.0.1:${(instanceB.app.server.address() as AddressInfo).port}`;
      agent = await createAgent(shared.a.db, { department: 'DASCO' });
    });
    after(async () => {
      await instanceA?.close();
      await instanceB?.close();
      await shared?.close();
    });

    test('the unread count reaches a stream open on the other instance, only after the commit', async () => {
      const client = await signedIn(instanceB, agent);
      const stream = await openStream(baseUrlB, client.cookie(SESSION_COOKIE));
      assert.equal(stream.response.statusCode, 200);
      assert.match(String(stream.response.headers['content-type']), /^text\/event-stream/);
      assert.equal(await stream.next(() => true), 0, 'the stream opens with the current count');

      const ctx = instanceA.app.ctx;
      await shared.a.db
        .transaction()
        .execute(async (trx) => {
          await notifyAgent(trx, { agentId: agent.agentId, kind: 'test', title: 'Jamais envoyée', body: 'annulée' }, ctx.clock.now(), ctx.config.publicUrl);
          throw new Error('rolled back');
        })
        .catch(() => {});
      await shared.a.db.transaction().execute((trx) => notifyAgent(trx, { agentId: agent.agentId, kind: 'test', title: 'Demande acceptée', body: 'Congés du 2 au 6 mars : acceptée.' }, ctx.clock.now(), ctx.config.publicUrl));
      assert.equal(await stream.next((n) => n > 0), 1);
      assert.deepEqual(stream.events, [0, 1], 'nothing was said of the rolled-back notification');

      const list = (await client.get('/api/me/notifications')).json();
      assert.equal(list.unread, 1);
      assert.equal(list.items[0].title, 'Demande acceptée');
      const read = await client.post('/api/me/notifications/read', { all: true });
      assert.equal(read.json().unread, 0);
      stream.close();
    });

    test('no stream without a session', async () => {
      const stream = await openStream(baseUrlB, undefined);
      assert.equal(stream.response.statusCode, 401);
      stream.close();
    });

    test('e-mails follow the agent’s choice: at once, one daily digest, or never', async () => {
      const ctx = instanceA.app.ctx;
      const db = shared.a.db;
      const mails = async (to: string) => (await db.selectFrom('outbox_messages').select(['subject', 'body']).where('recipient', '=', to).execute()).length;
      const notify = (who: AgentFixture, title: string) =>
        db.transaction().execute((trx) => notifyAgent(trx, { agentId: who.agentId, kind: 'test', title, body: title, link: '/demandes' }, ctx.clock.now(), ctx.config.publicUrl));

      const immediate = await createAgent(db, { department: 'DASCO' });
      await notify(immediate, 'Première');
      assert.equal(await mails(immediate.email), 1);

      const digest = await createAgent(db, { department: 'DASCO' });
      const client = await signedIn(instanceA, digest);
      assert.equal((await client.request('PUT', '/api/me/notification-preferences', { email: 'daily_digest' })).statusCode, 200);
      await notify(digest, 'Une');
      await notify(digest, 'Deux');
      assert.equal(await mails(digest.email), 0, 'nothing at once');
      const log = { info() {} } as never;
      instanceA.clock.set('2026-11-24T08:00:00Z');
      await sendNotificationDigests(ctx, ctx.clock.now(), log);
      await sendNotificationDigests(ctx, ctx.clock.now(), log);
      assert.equal(await mails(digest.email), 1, 'one digest for both, once a day');
      await notify(digest, 'Trois');
      await sendNotificationDigests(ctx, ctx.clock.now(), log);
      assert.equal(await mails(digest.email), 1, 'the next one waits for tomorrow');

      const never = await createAgent(db, { department: 'DASCO' });
      await (await signedIn(instanceA, never)).request('PUT', '/api/me/notification-preferences', { email: 'never' });
      await notify(never, 'Silencieuse');
      await sendNotificationDigests(ctx, ctx.clock.now(), log);
      assert.equal(await mails(never.email), 0);
      assert.equal((await (await signedIn(instanceA, never)).get('/api/me/notifications')).json().unread, 1, 'still shown in the portal');
    });
  });
}
