import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import type { Actor } from '../access/index.ts';
import { type AgentNotification, notifyAgent } from '../notifications/index.ts';
import * as repo from './telework.repo.ts';
import { endDateWithNotice } from './telework-rules.ts';

const TELEWORK_PAGE = '/teletravail';

type Ending = { endsOn: string; noticeGivenOn: string };

// Either side may end telework with notice: two months, one during the adaptation period (décret 2016-151,
// art. 5). Floating days booked after the last day are freed, and the other side is told, all at once.
async function giveNotice(ctx: AppContext, requestId: string, by: string, reason: string | null, tell: (ending: Ending) => AgentNotification | null): Promise<Ending> {
  const today = parisDate(ctx.clock.now());
  return inTransaction(ctx.db, async (trx: Db) => {
    await repo.lockArrangement(trx, requestId);
    const arrangement = await repo.findArrangement(trx, requestId);
    if (!arrangement || arrangement.status !== 'approved') throw new AppError('not_found', 'Aucun télétravail en cours correspondant.');
    if (arrangement.ends_on) throw new AppError('conflict', `Ce télétravail prend déjà fin le ${frenchDate(arrangement.ends_on)}.`);
    const ending = { noticeGivenOn: today, endsOn: endDateWithNotice({ noticeGivenOn: today, startedOn: arrangement.starts_on, adaptationMonths: arrangement.adaptation_months }) };
    await repo.setEnding(trx, requestId, { ...ending, noticeGivenBy: by, reason });
    await repo.deleteBookingsAfter(trx, requestId, ending.endsOn);
    const notification = tell(ending);
    if (notification) await notifyAgent(trx, notification, ctx.clock.now(), ctx.config.publicUrl);
    return ending;
  });
}

export async function endMyTelework(ctx: AppContext, agentId: string, comment: string | null): Promise<Ending> {
  const current = await repo.currentArrangement(ctx.db, agentId, parisDate(ctx.clock.now()));
  if (!current) throw new AppError('not_found', 'Vous n’avez pas de télétravail en cours.');
  const agent = await repo.managerOf(ctx.db, agentId);
  return giveNotice(ctx, current.request_id, agentId, comment, (ending) =>
    agent.manager_id
      ? {
          agentId: agent.manager_id,
          kind: 'telework.ended',
          title: 'Fin de télétravail annoncée',
          body: `${agent.first_name} ${agent.last_name} met fin à son télétravail : dernier jour le ${frenchDate(ending.endsOn)}.${comment ? ` Commentaire : ${comment}` : ''}`,
          link: TELEWORK_PAGE,
        }
      : null,
  );
}

/** The manager ends the telework of someone of their team, with the reasons (art. 5: a motivated decision). */
export async function endTeamMemberTelework(ctx: AppContext, actor: Actor, requestId: string, reason: string): Promise<Ending> {
  const found = await repo.findArrangement(ctx.db, requestId);
  const agent = found && (await repo.managerOf(ctx.db, found.agent_id));
  if (!found || !agent || agent.manager_id !== actor.agentId) throw new AppError('not_found', 'Aucun télétravail de votre équipe correspondant.');
  return giveNotice(ctx, requestId, actor.agentId, reason, (ending) => ({
    agentId: found.agent_id,
    kind: 'telework.ended',
    title: 'Votre encadrant met fin à votre télétravail',
    body: `Dernier jour de télétravail le ${frenchDate(ending.endsOn)}. Motif : ${reason}`,
    link: TELEWORK_PAGE,
  }));
}
