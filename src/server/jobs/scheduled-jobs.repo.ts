import type { Db } from '../db/connection.ts';

// A job seen for the first time is due at once.
export async function registerJobs(db: Db, names: readonly string[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await db
    .insertInto('scheduled_jobs')
    .values(names.map((name) => ({ name, next_run_at: now })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

// One atomic statement: of all the instances asking at the same moment, exactly one gets the row back.
export async function claimJob(db: Db, name: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const claimed = await db
    .updateTable('scheduled_jobs')
    .set({ lease_until: leaseUntil, last_started_at: now })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function finishJob(
  db: Db,
  name: string,
  outcome: { finishedAt: Date; nextRunAt: Date; error: string | null },
): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({ lease_until: null, last_finished_at: outcome.finishedAt, next_run_at: outcome.nextRunAt, last_error: outcome.error })
    .where('name', '=', name)
    .execute();
}
