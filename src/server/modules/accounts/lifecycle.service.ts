import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { TargetAgent } from '../access/index.ts';
import type { AuditActor } from '../audit/index.ts';
import { endAllAccess } from '../identity/index.ts';
import * as repo from './accounts.repo.ts';
import type { AgentStatus, DepartureBody } from './accounts.schema.ts';
import { getAgent } from './agent-admin.service.ts';
import { agentLabel, assertNotOwnAccount, auditAgent, conflict, type HrContext, invalid, refuseDeparted } from './hr-context.ts';
import * as mobilityRepo from './mobility.repo.ts';
import { frenchDate, parisDate } from './paris-calendar.ts';

type LockedAgent = NonNullable<Awaited<ReturnType<typeof repo.lockAgent>>>;

async function locked(trx: Db, agentId: string): Promise<LockedAgent> {
  const agent = await repo.lockAgent(trx, agentId);
  if (!agent) throw new AppError('not_found', 'Aucun agent correspondant.');
  return agent;
}

const target = (agent: LockedAgent) => ({ id: agent.id, label: agentLabel(agent), departmentId: agent.department_id });

/** Suspends at once: the status changes and every session of the agent ends in the same transaction. */
export async function suspendAccount(h: HrContext, on: TargetAgent, reason: string) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await locked(trx, on.agentId);
    refuseDeparted(agent);
    if (agent.status === 'suspended') throw conflict(`Le compte de l’agent ${agent.badge_number} est déjà suspendu.`);
    await repo.updateAgent(trx, agent.id, { status: 'suspended', suspended_at: now, suspension_reason: reason }, now);
    const sessionsEnded = await endAllAccess(trx, agent.id);
    await auditAgent(trx, {
      who,
      action: 'account.suspend',
      agent: target(agent),
      changes: { status: { from: agent.status, to: 'suspended' }, sessionsEnded },
      reason,
      at: now,
    });
  });
  return getAgent(ctx, actor, on, 'account.suspend');
}

export async function reactivateAccount(h: HrContext, on: TargetAgent, reason: string) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await locked(trx, on.agentId);
    refuseDeparted(agent);
    if (agent.status !== 'suspended') throw conflict(`Le compte de l’agent ${agent.badge_number} n’est pas suspendu.`);
    // Suspended before their first day: they come back as pending, and the job opens the account that day.
    const status: AgentStatus = agent.start_date > parisDate(now) ? 'pending' : 'active';
    await repo.updateAgent(trx, agent.id, { status, suspended_at: null, suspension_reason: null }, now);
    await auditAgent(trx, { who, action: 'account.reactivate', agent: target(agent), changes: { status: { from: 'suspended', to: status } }, reason, at: now });
  });
  return getAgent(ctx, actor, on, 'account.suspend');
}

/**
 * Records a departure. The date is the first day without access: today or earlier closes the account now;
 * a later date is kept and the lifecycle job closes the account when that day begins in Paris.
 */
export async function recordDeparture(h: HrContext, on: TargetAgent, body: DepartureBody) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await locked(trx, on.agentId);
    refuseDeparted(agent);
    if (body.date <= parisDate(now)) {
      await closeAccount(trx, who, agent, body.date, body.reason, now);
      return;
    }
    if (body.date <= agent.start_date) {
      throw invalid([{ field: 'date', rule: 'before_start', message: `l’agent arrive le ${frenchDate(agent.start_date)} : son départ doit être après` }]);
    }
    await repo.updateAgent(trx, agent.id, { departure_date: body.date }, now);
    await auditAgent(trx, {
      who,
      action: 'account.depart',
      agent: target(agent),
      changes: { departureDate: { from: agent.departure_date, to: body.date } },
      reason: body.reason,
      at: now,
    });
  });
  return getAgent(ctx, actor, on, 'account.depart');
}

export async function cancelDeparture(h: HrContext, on: TargetAgent, reason: string) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await locked(trx, on.agentId);
    refuseDeparted(agent);
    if (!agent.departure_date) throw conflict(`Aucun départ n’est prévu pour l’agent ${agent.badge_number}.`);
    await repo.updateAgent(trx, agent.id, { departure_date: null }, now);
    await auditAgent(trx, {
      who,
      action: 'account.departure_cancel',
      agent: target(agent),
      changes: { departureDate: { from: agent.departure_date, to: null } },
      reason,
      at: now,
    });
  });
  return getAgent(ctx, actor, on, 'account.depart');
}

/**
 * Closes the account of an agent who leaves, in the caller's transaction: departed status, every session
 * and token ended, any mobility still waiting cancelled. Used by HR, the import and the lifecycle job.
 */
export async function closeAccount(
  trx: Db,
  who: AuditActor,
  agent: LockedAgent,
  date: string,
  reason: string,
  now: Date,
  action = 'account.depart',
): Promise<void> {
  await repo.updateAgent(trx, agent.id, { status: 'departed', departure_date: date, departed_at: now }, now);
  const sessionsEnded = await endAllAccess(trx, agent.id);
  const mobilityCancelled = await mobilityRepo.cancelPendingChange(trx, agent.id, now);
  await auditAgent(trx, {
    who,
    action,
    agent: target(agent),
    changes: {
      status: { from: agent.status, to: 'departed' },
      ...(agent.departure_date !== date ? { departureDate: { from: agent.departure_date, to: date } } : {}),
      sessionsEnded,
      ...(mobilityCancelled ? { mobility: { from: 'prévue', to: 'annulée' } } : {}),
    },
    reason,
    at: now,
  });
}

export { locked as lockedAgent, type LockedAgent };
