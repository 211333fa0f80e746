import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import * as repo from './accounts.repo.ts';
import { agentLabel, auditAgent, LIFECYCLE_JOB_ACTOR } from './hr-context.ts';
import { closeAccount, type LockedAgent } from './lifecycle.service.ts';
import { applyMobility } from './mobility.service.ts';
import * as mobilityRepo from './mobility.repo.ts';
import { frenchDate, parisDate } from './paris-calendar.ts';

const BATCH = 200;

/**
 * The scheduled side of the lifecycle, for the Paris calendar day of `now`: departures that are due close
 * their accounts (sessions and tokens ended), scheduled mobilities move their agents, and pending accounts
 * whose first day has come open. Each agent in its own transaction: one failure does not hold the others.
 */
export async function runAccountLifecycle(ctx: AppContext, now: Date, log: Logger): Promise<{ departed: number; moved: number; activated: number }> {
  const today = parisDate(now);
  const who = LIFECYCLE_JOB_ACTOR;
  const done = { departed: 0, moved: 0, activated: 0 };

  // Departures first: an agent who leaves today is not moved nor opened today.
  await drain(() => repo.dueDepartures(ctx.db, today, BATCH), async ({ id }) =>
    withAgent(ctx, log, id, async (trx, agent) => {
      if (agent.status === 'departed' || !agent.departure_date || agent.departure_date > today) return;
      await closeAccount(trx, who, agent, agent.departure_date, `Départ à la date prévue (${frenchDate(agent.departure_date)})`, now, 'account.departed');
      done.departed += 1;
    }),
  );

  await drain(() => mobilityRepo.dueChanges(ctx.db, today, BATCH), async ({ id: changeId, agent_id }) =>
    withAgent(ctx, log, agent_id, async (trx, agent) => {
      const change = await mobilityRepo.findPendingChange(trx, agent.id);
      if (!change || change.id !== changeId || change.effective_date > today) return;
      if (agent.status === 'departed') {
        await mobilityRepo.cancelPendingChange(trx, agent.id, now);
        return;
      }
      const move = {
        toDepartmentId: change.to_department_id,
        toServiceId: change.to_service_id,
        toUnitId: change.to_unit_id,
        // A manager who left since the mobility was decided manages nobody.
        toManagerId: change.to_manager_id && (await repo.findAgentDetail(trx, change.to_manager_id))?.status !== 'departed' ? change.to_manager_id : null,
        effectiveDate: change.effective_date,
        reason: change.reason,
        requestedBy: null,
      };
      await applyMobility(trx, who, agent, move, now, change.id);
      done.moved += 1;
    }),
  );

  await drain(() => repo.dueArrivals(ctx.db, today, BATCH), async ({ id }) =>
    withAgent(ctx, log, id, async (trx, agent) => {
      if (agent.status !== 'pending' || agent.start_date > today) return;
      await repo.updateAgent(trx, agent.id, { status: 'active' }, now);
      await auditAgent(trx, {
        who,
        action: 'account.activate',
        agent: { id: agent.id, label: agentLabel(agent), departmentId: agent.department_id },
        changes: { status: { from: 'pending', to: 'active' } },
        reason: `Arrivée à la date prévue (${frenchDate(agent.start_date)})`,
        at: now,
      });
      done.activated += 1;
    }),
  );

  if (done.departed + done.moved + done.activated > 0) log.info(done, 'arrivées, départs et mobilités du jour appliqués');
  return done;
}

// Takes batches until none is left. An agent is handled once per run: one that failed (logged) or was left
// as it was comes back at the next run rather than looping in this one.
async function drain<T extends { id: string }>(next: () => Promise<T[]>, each: (item: T) => Promise<void>): Promise<void> {
  const seen = new Set<string>();
  for (;;) {
    const batch = (await next()).filter((item) => !seen.has(item.id));
    if (batch.length === 0) return;
    for (const item of batch) {
      seen.add(item.id);
      await each(item);
    }
  }
}

async function withAgent(ctx: AppContext, log: Logger, agentId: string, work: (trx: Db, agent: LockedAgent) => Promise<void>): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const agent = await repo.lockAgent(trx, agentId);
      if (agent) await work(trx, agent);
    });
  } catch (error) {
    log.error({ err: error, agentId }, 'cycle de vie du compte : agent non traité, nouvel essai au prochain passage');
  }
}
