import type { AppContext } from '../../app-context.ts';
import { probeAll } from './service-probes.ts';
import * as repo from './service-status.repo.ts';

/**
 * Checks every service and keeps its state; a change of state is written down, so the status page can
 * show past incidents nobody announced. Meant to run every minute.
 */
export async function checkServiceHealth(ctx: AppContext, now: Date): Promise<{ checked: number; changed: number }> {
  const results = await probeAll(ctx.db, now);
  const previous = new Map((await repo.lastChecks(ctx.db)).map((row) => [row.service_key, row]));
  let changed = 0;
  for (const result of results) {
    const before = previous.get(result.key);
    const moved = before !== undefined && before.state !== result.state;
    if (moved) {
      changed += 1;
      await repo.recordStateChange(ctx.db, { service_key: result.key, service_name: result.name, from_state: before.state, to_state: result.state, detail: result.detail, at: now });
    }
    await repo.saveCheck(ctx.db, {
      service_key: result.key,
      application_id: result.applicationId,
      state: result.state,
      detail: result.detail,
      checked_at: now,
      since: before && !moved ? before.since : now,
    });
  }
  await repo.forgetServicesOtherThan(ctx.db, results.map((result) => result.key));
  return { checked: results.length, changed };
}
