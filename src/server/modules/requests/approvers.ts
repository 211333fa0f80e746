import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { type Actor, decide } from '../access/index.ts';
import { activeDelegates } from './delegations.repo.ts';
import type { RequestRecord } from './request-kinds.ts';
import { requester } from './requests.repo.ts';

export type Requester = Awaited<ReturnType<typeof requester>>;

// Who answers a request: at the manager's step the agent's manager (n+1) or whoever stands in for them that
// day; at the HR step the HR officers whose perimeter covers the agent. The line of management decides, not a
// role: a manager approves their own team and nobody else's.
export async function decidingCapacity(
  db: Db,
  ctx: AppContext,
  actor: Actor,
  request: RequestRecord,
  agent: Requester,
): Promise<'manager' | 'delegate' | 'hr' | null> {
  if (request.agentId === actor.agentId) return null;
  if (request.step === 'manager') {
    if (agent.manager_id === actor.agentId) return 'manager';
    if (agent.manager_id && (await activeDelegates(db, agent.manager_id, parisDate(ctx.clock.now()))).includes(actor.agentId)) return 'delegate';
    return null;
  }
  if (request.step === 'hr') {
    const target = { agentId: agent.id, departmentId: agent.department_id, serviceId: agent.service_id, unitId: agent.unit_id, managerId: agent.manager_id };
    return decide(actor, 'request.decide_hr', target).allowed ? 'hr' : null;
  }
  return null;
}

/** Who may read a request: the agent, the approvers of any step, and HR of the perimeter. Others get 404. */
export async function assertMayRead(db: Db, ctx: AppContext, actor: Actor, request: RequestRecord, agent: Requester): Promise<void> {
  if (request.agentId === actor.agentId || agent.manager_id === actor.agentId) return;
  const target = { agentId: agent.id, departmentId: agent.department_id, serviceId: agent.service_id, unitId: agent.unit_id, managerId: agent.manager_id };
  if (decide(actor, 'request.decide_hr', target).allowed) return;
  if (agent.manager_id && (await activeDelegates(db, agent.manager_id, parisDate(ctx.clock.now()))).includes(actor.agentId)) return;
  throw new AppError('not_found', 'Aucune demande correspondante.');
}

/** Who to tell that a request awaits them at the manager's step: the manager and their delegates of the day. */
export async function managerStepApprovers(db: Db, ctx: AppContext, agent: Requester): Promise<string[]> {
  if (!agent.manager_id) return [];
  return [agent.manager_id, ...(await activeDelegates(db, agent.manager_id, parisDate(ctx.clock.now())))];
}
