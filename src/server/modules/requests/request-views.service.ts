import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { type Actor, departmentScope } from '../access/index.ts';
import { assertMayRead, decidingCapacity } from './approvers.ts';
import { delegatingManagers } from './delegations.repo.ts';
import { inboxRows, managerNames } from './inbox.repo.ts';
import { requestKind } from './request-kinds.ts';
import type { Inbox, MyRequestList, RequestDetail, RequestStatus } from './requests.schema.ts';
import * as repo from './requests.repo.ts';

const INBOX_LIMIT = 200;
const DAY_MS = 86_400_000;

function summaryView(r: Awaited<ReturnType<typeof repo.requestsOfAgent>>[number]) {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: requestKind(r.kind).label,
    summary: r.summary,
    status: r.status as z.infer<typeof RequestStatus>,
    step: r.step as 'manager' | 'hr' | null,
    submittedAt: r.submitted_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
    answerDueOn: r.answer_due_on,
  };
}

export async function myRequests(ctx: AppContext, agentId: string, status: z.infer<typeof RequestStatus> | undefined, limit: number): Promise<z.infer<typeof MyRequestList>> {
  return { items: (await repo.requestsOfAgent(ctx.db, agentId, status, limit)).map(summaryView) };
}

export async function requestDetail(ctx: AppContext, actor: Actor, requestId: string): Promise<RequestDetail> {
  const request = await repo.findRequest(ctx.db, requestId);
  if (!request) throw new AppError('not_found', 'Aucune demande correspondante.');
  const agent = await repo.requester(ctx.db, request.agentId);
  await assertMayRead(ctx.db, ctx, actor, request, agent);
  const events = await repo.eventsOf(ctx.db, request.id);
  const own = request.agentId === actor.agentId;
  return {
    ...summaryView({ ...request, agent_id: request.agentId, submitted_at: request.submittedAt, answer_due_on: request.answerDueOn, decided_at: request.decidedAt, decision_reason: request.decisionReason }),
    agent: { id: agent.id, firstName: agent.first_name, lastName: agent.last_name, badgeNumber: agent.badge_number },
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action as RequestDetail['events'][number]['action'],
      by: e.first_name ? `${e.first_name} ${e.last_name}` : null,
      comment: e.comment,
    })),
    may: {
      withdraw: own && request.status === 'pending',
      cancel: own && request.status === 'approved',
      decide: request.status === 'pending' && (await decidingCapacity(ctx.db, ctx, actor, request, agent)) !== null,
    },
  };
}

// What awaits the reader: their team's requests at the manager's step (and those of the managers they stand in
// for today), and, for HR, the requests of their perimeter at the HR step. Oldest first.
export async function inbox(ctx: AppContext, actor: Actor): Promise<Inbox> {
  const today = parisDate(ctx.clock.now());
  const delegators = await delegatingManagers(ctx.db, actor.agentId, today);
  const hrScope = departmentScope(actor, 'request.decide_hr');
  const hasHrRole = actor.roles.some((r) => r.role === 'hr_officer');
  const rows = await inboxRows(
    ctx.db,
    { managers: [actor.agentId, ...delegators], hr: !hasHrRole ? null : hrScope.all ? 'all' : { departmentIds: hrScope.departmentIds }, exceptAgentId: actor.agentId },
    INBOX_LIMIT,
  );
  const names = new Map((await managerNames(ctx.db, delegators)).map((m) => [m.id, `${m.first_name} ${m.last_name}`]));
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return {
    items: rows.map((r) => {
      const kind = requestKind(r.kind);
      return {
        id: r.id,
        kind: r.kind,
        kindLabel: kind.label,
        summary: r.summary,
        step: r.step as 'manager' | 'hr',
        submittedAt: r.submitted_at.toISOString(),
        answerDueOn: r.answer_due_on,
        daysLeft: r.answer_due_on ? Math.round((Date.parse(`${r.answer_due_on}T00:00:00Z`) - todayMs) / DAY_MS) : null,
        agent: { id: r.agent_id, firstName: r.first_name, lastName: r.last_name, badgeNumber: r.badge_number },
        onBehalfOf: r.step === 'manager' && r.manager_id && r.manager_id !== actor.agentId ? (names.get(r.manager_id) ?? null) : null,
        bulkApprovable: kind.bulkApprovable,
      };
    }),
  };
}
