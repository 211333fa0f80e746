import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { reportSkippedPostgres, type TestDatabaseKind, testDatabaseKinds } from '../test-support/test-database.ts';
import { type Job, runDueJobs, startScheduler } from './scheduler.ts';

reportSkippedPostgres();

const HOUR = 3_600_000;
const silent = pino({ level: 'silent' });

// Another portal instance on the same database: its own connection pool on PostgreSQL; on PGlite, which
// is one process by design, the same handle.
async function secondConnection(kind: TestDatabaseKind, handle: DatabaseHandle): Promise<DatabaseHandle> {
  if (kind === 'pglite') return { ...handle, close: async () => {} };
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${rows[0]?.name}`;
  return openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 5 });
}

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

for (const kind of testDatabaseKinds()) {
  describe(`scheduled jobs (${kind})`, () => {
    let a: TestApp;
    let b: TestApp;
    let other: DatabaseHandle;
    before(async () => {
      a = await createTestApp(kind);
      other = await secondConnection(kind, a.database);
      b = await createTestApp(kind, { database: other });
    });
    after(async () => {
      await b.close();
      await other.close();
      await a.close();
    });

    const jobRow = (name: string) => a.database.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

    test('a due job runs once when two portal instances sharing the database ask at the same moment', async () => {
      let runs = 0;
      const job: Job = { name: 'report-simultaneous', everyMs: HOUR, run: async () => void (runs += 1) };
      const now = a.clock.now();

      const outcomes = await Promise.all([runDueJobs(a.app.ctx, [job], now, { log: silent }), runDueJobs(b.app.ctx, [job], now, { log: silent })]);

      assert.equal(runs, 1);
      assert.equal(outcomes.flat().length, 1);
      assert.deepEqual(await runDueJobs(b.app.ctx, [job], now, { log: silent }), [], 'not due again until its next period');
      assert.equal(runs, 1);
    });

    test('while one instance runs a job, the other skips it; the next period runs it again, once', async () => {
      let runs = 0;
      const release = gate();
      const started = gate();
      const job: Job = {
        name: 'report-long',
        everyMs: HOUR,
        run: async () => {
          runs += 1;
          started.open();
          await release.opened;
        },
      };
      const now = a.clock.now();
      const first = runDueJobs(a.app.ctx, [job], now, { log: silent });
      await started.opened;
      assert.deepEqual(await runDueJobs(b.app.ctx, [job], now, { log: silent }), [], 'held by the other instance');
      assert.notEqual((await jobRow('report-long')).lease_until, null);
      release.open();
      assert.deepEqual(await first, [{ name: 'report-long', status: 'succeeded' }]);
      assert.equal((await jobRow('report-long')).lease_until, null);

      const later = new Date(now.getTime() + HOUR);
      const outcomes = await Promise.all([runDueJobs(a.app.ctx, [job], later, { log: silent }), runDueJobs(b.app.ctx, [job], later, { log: silent })]);
      assert.equal(outcomes.flat().length, 1);
      assert.equal(runs, 2);
    });

    test('a failing job is logged, its error stored, and it is retried at its next period, not before', async () => {
      let calls = 0;
      const job: Job = {
        name: 'report-flaky',
        everyMs: HOUR,
        run: async () => {
          calls += 1;
          if (calls === 1) throw new Error('annuaire injoignable');
        },
      };
      const lines: Array<Record<string, unknown>> = [];
      const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
      const now = a.clock.now();

      assert.deepEqual(await runDueJobs(a.app.ctx, [job], now, { log }), [{ name: 'report-flaky', status: 'failed', error: 'annuaire injoignable' }]);
      let row = await jobRow('report-flaky');
      assert.equal(row.last_error, 'annuaire injoignable');
      assert.equal(row.lease_until, null);
      assert.equal(row.next_run_at.getTime(), now.getTime() + HOUR);
      assert.ok(lines.some((line) => line.level === 50 && line.job === 'report-flaky'), 'logged as an error');

      assert.deepEqual(await runDueJobs(b.app.ctx, [job], new Date(now.getTime() + HOUR - 1_000), { log: silent }), []);
      assert.deepEqual(await runDueJobs(b.app.ctx, [job], new Date(now.getTime() + HOUR), { log: silent }), [{ name: 'report-flaky', status: 'succeeded' }]);
      row = await jobRow('report-flaky');
      assert.equal(row.last_error, null);
      assert.equal(calls, 2);
    });

    test('a job left by an instance that died mid-run is taken over once its lease has run out', async () => {
      let runs = 0;
      const job: Job = { name: 'report-orphan', everyMs: HOUR, run: async () => void (runs += 1) };
      const now = a.clock.now();
      await a.database.db
        .insertInto('scheduled_jobs')
        .values({ name: 'report-orphan', next_run_at: now, lease_until: new Date(now.getTime() + 10 * 60_000), last_started_at: now })
        .execute();

      assert.deepEqual(await runDueJobs(b.app.ctx, [job], new Date(now.getTime() + 5 * 60_000), { log: silent }), []);
      assert.equal((await runDueJobs(b.app.ctx, [job], new Date(now.getTime() + 10 * 60_000 + 1), { log: silent })).length, 1);
      assert.equal(runs, 1);
    });

    test('stop() waits for the job in progress and starts no other', async () => {
      const release = gate();
      const started = gate();
      const order: string[] = [];
      const jobs: Job[] = [
        {
          name: 'report-stopping-first',
          everyMs: HOUR,
          run: async () => {
            order.push('first started');
            started.open();
            await release.opened;
            order.push('first finished');
          },
        },
        { name: 'report-stopping-second', everyMs: HOUR, run: async () => void order.push('second started') },
      ];
      const scheduler = startScheduler(a.app.ctx, jobs, silent, { tickMs: HOUR });
      await started.opened;
      let stopped = false;
      const stopping = scheduler.stop().then(() => (stopped = true));
      await nextTurn();
      assert.equal(stopped, false, 'still waiting for the first job');
      release.open();
      await stopping;
      assert.deepEqual(order, ['first started', 'first finished']);
    });
  });
}
