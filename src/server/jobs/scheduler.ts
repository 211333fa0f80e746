import type { Logger } from 'pino';
import type { AppContext } from '../app-context.ts';
import { createLogger } from '../http/logger.ts';
import { claimJob, finishJob, registerJobs } from './scheduled-jobs.repo.ts';

export type Job = {
  // Stable: it is the job's key in scheduled_jobs, shared by every instance.
  name: string;
  everyMs: number;
  // A job written as (ctx, now) fits as well; the log is there for those that have something to say.
  run(ctx: AppContext, now: Date, log: Logger): Promise<unknown>;
};

export type JobOutcome = { name: string; status: 'succeeded' | 'failed'; error?: string };

// Short enough for the 10-second outbox, long enough to cost nothing; the timer is unref'd so it never
// keeps the process alive on its own.
const TICK_MS = 5_000;
// Longer than any job should take. If an instance dies mid-job, another one picks it up once it runs out.
const LEASE_MS = 10 * 60_000;

// Runs, one after the other, the jobs that are due and that no other instance is running. A job that
// throws is logged, its error stored, and it comes back at its next period like any other run.
export async function runDueJobs(
  ctx: AppContext,
  jobs: readonly Job[],
  now: Date,
  options: { log?: Logger; stopping?: () => boolean } = {},
): Promise<JobOutcome[]> {
  const log = options.log ?? createLogger(ctx.config.logLevel);
  await registerJobs(ctx.db, jobs.map((job) => job.name), now);
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    if (options.stopping?.()) break;
    if (!(await claimJob(ctx.db, job.name, now, new Date(now.getTime() + LEASE_MS)))) continue;
    outcomes.push(await runClaimedJob(ctx, job, now, log.child({ job: job.name })));
  }
  return outcomes;
}

async function runClaimedJob(ctx: AppContext, job: Job, now: Date, log: Logger): Promise<JobOutcome> {
  const nextRunAt = new Date(now.getTime() + job.everyMs);
  let error: string | null = null;
  const startedAt = performance.now();
  try {
    await job.run(ctx, now, log);
    log.debug({ durationMs: Math.round(performance.now() - startedAt) }, 'tâche planifiée terminée');
  } catch (thrown) {
    error = (thrown instanceof Error ? thrown.message : String(thrown)).slice(0, 1000) || 'erreur inconnue';
    log.error({ err: thrown, nextRunAt }, `tâche planifiée « ${job.name} » en échec, nouvel essai à la prochaine échéance`);
  }
  await finishJob(ctx.db, job.name, { finishedAt: ctx.clock.now(), nextRunAt, error });
  return error === null ? { name: job.name, status: 'succeeded' } : { name: job.name, status: 'failed', error };
}

// Every instance runs this loop; PostgreSQL decides which one runs each job. stop() lets a job in progress
// finish (a message half-sent is worse than a few seconds' wait) and starts no other.
export function startScheduler(
  ctx: AppContext,
  jobs: readonly Job[],
  log: Logger,
  options: { tickMs?: number } = {},
): { stop(): Promise<void> } {
  const names = jobs.map((job) => job.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`two scheduled jobs are named "${duplicate}"`);

  let stopping = false;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (stopping || running) return;
    running = runDueJobs(ctx, jobs, ctx.clock.now(), { log, stopping: () => stopping })
      .then(
        () => undefined,
        (error: unknown) => log.warn({ err: error }, 'tâches planifiées non lancées (base de données injoignable ?), nouvel essai au prochain tour'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.tickMs ?? TICK_MS);
  timer.unref();
  tick();

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
