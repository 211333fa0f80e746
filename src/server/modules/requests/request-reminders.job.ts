import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { notifyAgent } from '../notifications/index.ts';
import { managerStepApprovers } from './approvers.ts';
import { requestKind } from './request-kinds.ts';
import * as repo from './requests.repo.ts';
import { INBOX_PAGE } from './requests.service.ts';

const DAY_MS = 86_400_000;
// A request left unanswered for three days reminds its approvers, then once a day.
const REMIND_AFTER_MS = 3 * DAY_MS;
// A legal deadline a week away goes up the line (n+2) and to HR, once.
const ESCALATE_DAYS_BEFORE_DUE = 7;
const BATCH = 500;

export async function remindPendingRequests(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  let reminded = 0;
  for (const row of await repo.awaitingReminder(ctx.db, new Date(now.getTime() - REMIND_AFTER_MS), new Date(now.getTime() - DAY_MS + 60_000), BATCH)) {
    await ctx.db.transaction().execute(async (trx) => {
      const request = await repo.lockRequest(trx, row.id);
      if (!request || request.status !== 'pending' || request.step !== 'manager') return;
      const agent = await repo.requester(trx, request.agentId);
      const days = Math.floor((now.getTime() - request.submittedAt.getTime()) / DAY_MS);
      for (const approver of await managerStepApprovers(trx, ctx, agent)) {
        await notifyAgent(
          trx,
          { agentId: approver, kind: 'request.reminder', title: `Rappel : ${requestKind(request.kind).label} en attente`, body: `${agent.first_name} ${agent.last_name} attend votre réponse depuis ${days} jours : ${request.summary}.`, link: INBOX_PAGE },
          now,
          ctx.config.publicUrl,
        );
      }
      await repo.touchReminder(trx, request.id, now);
      await repo.addEvent(trx, { requestId: request.id, at: now, actorId: null, action: 'reminded' });
      reminded += 1;
    });
  }

  const dueBy = parisDate(new Date(now.getTime() + ESCALATE_DAYS_BEFORE_DUE * DAY_MS));
  let escalated = 0;
  for (const row of await repo.nearingDeadline(ctx.db, dueBy, BATCH)) {
    await ctx.db.transaction().execute(async (trx) => {
      const request = await repo.lockRequest(trx, row.id);
      if (!request || request.status !== 'pending') return;
      const agent = await repo.requester(trx, request.agentId);
      const manager = agent.manager_id ? await repo.requester(trx, agent.manager_id) : undefined;
      const recipients = [manager?.manager_id, ...(await hrOfficersOf(trx, agent.department_id))].filter((id): id is string => !!id && id !== agent.id);
      for (const recipient of new Set(recipients)) {
        await notifyAgent(
          trx,
          {
            agentId: recipient,
            kind: 'request.escalated',
            title: `Délai légal bientôt dépassé : ${requestKind(request.kind).label}`,
            body: `La demande de ${agent.first_name} ${agent.last_name} (${request.summary}) doit recevoir une réponse au plus tard le ${request.answerDueOn}.`,
            link: INBOX_PAGE,
          },
          now,
          ctx.config.publicUrl,
        );
      }
      await repo.markEscalated(trx, request.id, now);
      await repo.addEvent(trx, { requestId: request.id, at: now, actorId: null, action: 'escalated', comment: `échéance le ${request.answerDueOn}` });
      escalated += 1;
    });
  }
  if (reminded + escalated > 0) log.info({ reminded, escalated }, 'pending requests reminded and escalated');
}

async function hrOfficersOf(db: AppContext['db'], departmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select('agent_id')
    .where('role', '=', 'hr_officer')
    .where('department_id', '=', departmentId)
    .execute();
  return rows.map((r) => r.agent_id);
}
