import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

// Failure counters shared by every instance through PostgreSQL. Past `freeFailures` in a window, each
// further failure doubles the wait (1 s, 2 s, 4 s… up to maxDelayMs): slow for a sprayer, harmless to a
// person who mistyped.
export type ThrottleRule = { bucket: string; windowMs: number; freeFailures: number; maxDelayMs: number };

export async function blockedUntil(db: Db, rule: ThrottleRule, key: string, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('throttle_counters')
    .select('blocked_until')
    .where('bucket', '=', rule.bucket)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.blocked_until && row.blocked_until > now ? row.blocked_until : undefined;
}

export async function registerFailure(db: Db, rule: ThrottleRule, key: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const row = await db
    .insertInto('throttle_counters')
    .values({ bucket: rule.bucket, key, count: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.columns(['bucket', 'key']).doUpdateSet({
        count: sql`case when throttle_counters.window_started_at < ${windowStart} then 1 else throttle_counters.count + 1 end`,
        window_started_at: sql`case when throttle_counters.window_started_at < ${windowStart} then ${now}::timestamptz else throttle_counters.window_started_at end`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  const over = row.count - rule.freeFailures;
  if (over > 0) {
    const delay = Math.min(1000 * 2 ** Math.min(over - 1, 30), rule.maxDelayMs);
    await db
      .updateTable('throttle_counters')
      .set({ blocked_until: new Date(now.getTime() + delay) })
      .where('bucket', '=', rule.bucket)
      .where('key', '=', key)
      .execute();
  }
  return row.count;
}

// Counts an attempt whether or not it fails (requests for reset links, SMS codes, help tickets).
export async function consumeAttempt(db: Db, rule: ThrottleRule, key: string, now: Date): Promise<boolean> {
  if (await blockedUntil(db, rule, key, now)) return false;
  const count = await registerFailure(db, rule, key, now);
  return count <= rule.freeFailures;
}

export async function purgeThrottleCounters(db: Db, olderThan: Date): Promise<void> {
  await db
    .deleteFrom('throttle_counters')
    .where('window_started_at', '<', olderThan)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', olderThan)]))
    .execute();
}
