import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { createAgent } from '../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../test-support/test-database.ts';
import { scheduledJobs } from './index.ts';
import { runDueJobs } from './scheduler.ts';

reportSkippedPostgres();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

for (const kind of testDatabaseKinds()) {
  describe(`the portal's scheduled jobs (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { CONNECTION_HISTORY_RETENTION_DAYS: '30', SESSION_IDLE_MINUTES: '30' } });
    });
    after(async () => t.close());

    test('the purge jobs delete only what is old enough, and each job comes back at its own period', async () => {
      const db = t.database.db;
      const now = t.clock.now();
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const agent = await createAgent(db);

      const event = (detail: string, at: Date) => ({
        agent_id: agent.agentId,
        kind: 'sign_in',
        result: 'success',
        occurred_at: at,
        ip: '10.1.2.3',
        network_zone: 'internal',
        detail,
      });
      await db
        .insertInto('connection_events')
        .values([event('past retention', ago(30 * DAY + MINUTE)), event('within retention', ago(29 * DAY))])
        .execute();

      const session = (id: string, lastSeen: Date, expires: Date) => ({
        id_hash: id,
        agent_id: agent.agentId,
        stage: 'active',
        network_zone: 'internal',
        ip: '10.1.2.3',
        created_at: ago(2 * HOUR),
        last_seen_at: lastSeen,
        authenticated_at: ago(2 * HOUR),
        expires_at: expires,
      });
      await db
        .insertInto('sessions')
        .values([
          session('idle-too-long', ago(31 * MINUTE), new Date(now.getTime() + HOUR)),
          session('past-absolute-limit', ago(MINUTE), ago(MINUTE)),
          session('in-use', ago(MINUTE), new Date(now.getTime() + HOUR)),
        ])
        .execute();

      await db
        .insertInto('throttle_counters')
        .values([
          { bucket: 'sign_in_ip', key: 'forgotten', count: 3, window_started_at: ago(2 * DAY) },
          { bucket: 'sign_in_ip', key: 'current', count: 3, window_started_at: ago(10 * MINUTE) },
        ])
        .execute();

      const message = (recipient: string, values: { sent_at?: Date; failed_at?: Date; next_attempt_at?: Date }) => ({
        channel: 'email',
        recipient,
        subject: 'Test',
        body: 'Bonjour',
        created_at: ago(40 * DAY),
        next_attempt_at: values.next_attempt_at ?? ago(40 * DAY),
        sent_at: values.sent_at ?? null,
        failed_at: values.failed_at ?? null,
      });
      await db
        .insertInto('outbox_messages')
        .values([
          message('delivered-31-days-ago', { sent_at: ago(31 * DAY) }),
          message('delivered-29-days-ago', { sent_at: ago(29 * DAY) }),
          message('abandoned-31-days-ago', { failed_at: ago(31 * DAY) }),
          message('waiting-for-a-retry', { next_attempt_at: new Date(now.getTime() + HOUR) }),
        ])
        .execute();

      const outcomes = await runDueJobs(t.app.ctx, scheduledJobs, now, { log: pino({ level: 'silent' }) });
      assert.ok(outcomes.every((o) => o.status === 'succeeded'), JSON.stringify(outcomes));

      const details = await db.selectFrom('connection_events').select('detail').where('agent_id', '=', agent.agentId).execute();
      assert.deepEqual(details.map((e) => e.detail), ['within retention']);
      const sessions = await db.selectFrom('sessions').select('id_hash').where('agent_id', '=', agent.agentId).execute();
      assert.deepEqual(sessions.map((s) => s.id_hash), ['in-use']);
      const counters = await db.selectFrom('throttle_counters').select('key').execute();
      assert.deepEqual(counters.map((c) => c.key), ['current']);
      const messages = await db.selectFrom('outbox_messages').select('recipient').orderBy('recipient').execute();
      assert.deepEqual(messages.map((m) => m.recipient), ['delivered-29-days-ago', 'waiting-for-a-retry']);

      const periods = await db.selectFrom('scheduled_jobs').select(['name', 'next_run_at']).orderBy('name').execute();
      assert.deepEqual(
        periods.map((r) => [r.name, (r.next_run_at.getTime() - now.getTime()) / 1000]),
        [
          ['account-lifecycle', 900],
          ['building-access-webhooks', 10],
          ['connection-history-purge', 86_400],
          ['delivered-outbox-purge', 86_400],
          ['expired-sessions-cleanup', 900],
          ['helpdesk-auto-close', 3_600],
          ['leave-expiry', 86_400],
          ['notification-digest', 900],
          ['outbox-delivery', 10],
          ['password-expiry-reminder', 3_600],
          ['payslip-retention-purge', 86_400],
          ['request-reminders', 3_600],
          ['service-health-checks', 60],
          ['sso-expired-records-purge', 3_600],
          ['sso-logout-delivery', 10],
          ['sso-signing-key-rotation', 3_600],
          ['telework-reviews', 3_600],
          ['throttle-counters-cleanup', 3_600],
        ],
        'each job comes back at its own period',
      );
    });
  });
}
