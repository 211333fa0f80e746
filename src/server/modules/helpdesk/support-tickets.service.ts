import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { type Action, type Actor, assertAllowed, authorizeOnAgent, decide, loadActor, loadTargetAgent } from '../access/index.ts';
import { notifyAgent } from '../notifications/index.ts';
import { perimeterOf } from '../support-console/index.ts';
import { maySupportMove, priorityOf, supportTransitions, type Level, type TicketStatus } from './helpdesk-rules.ts';
import * as repo from './helpdesk.repo.ts';
import type { AttachmentBody, QueueQuery, QueueResponse, StatusBody, SupportFollowupBody, SupportTicketDetail } from './helpdesk.schema.ts';
import { attachFile, attachmentOf } from './my-tickets.service.ts';
import { detailOf, peopleOf, summaryOf, targetsOf } from './ticket-shape.ts';

// Who handles tickets, and for whom: IT support and administrators, within the support console's perimeter.
// The policy has no 'ticket.handle' action yet; unlocking an account is held by exactly those roles and scopes.
export const HANDLE_TICKETS: Action = 'ticket.handle';

const NOT_FOUND = 'Aucune demande correspondante.';

// A ticket of someone outside the perimeter does not exist for this caller (404), as in the console.
async function reachTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<repo.TicketRow> {
  assertAllowed(actor, HANDLE_TICKETS);
  const row = await repo.findTicket(ctx.db, ticketId, ctx.clock.now());
  if (!row) throw new AppError('not_found', NOT_FOUND);
  try {
    await authorizeOnAgent(ctx, actor, HANDLE_TICKETS, { agentId: row.agent_id });
  } catch {
    throw new AppError('not_found', NOT_FOUND);
  }
  return row;
}

function assertNotClosed(row: repo.TicketRow): void {
  if (row.status === 'closed') throw new AppError('conflict', 'Cette demande est close.');
}

async function tellAgent(db: Db, ctx: AppContext, row: repo.TicketRow, title: string, body: string, at: Date): Promise<void> {
  await notifyAgent(db, { agentId: row.agent_id, kind: 'helpdesk.followup', title, body, link: `/aide/tickets/${row.id}` }, at, ctx.config.publicUrl);
}

export async function ticketQueue(ctx: AppContext, actor: Actor, query: QueueQuery): Promise<QueueResponse> {
  assertAllowed(actor, HANDLE_TICKETS);
  const page = await repo.listQueue(ctx.db, perimeterOf(actor, HANDLE_TICKETS), actor.agentId, query, ctx.clock.now());
  return { ...page, items: page.items.map((row) => ({ ...summaryOf(row), ...peopleOf(row), targets: targetsOf(row) })) };
}

export async function supportTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<SupportTicketDetail> {
  const row = await reachTicket(ctx, actor, ticketId);
  return {
    ...(await detailOf(ctx.db, row, true)),
    ...peopleOf(row),
    callbackPhone: row.callback_phone,
    callbackEmail: row.callback_email,
    targets: targetsOf(row),
    allowedStatuses: [...supportTransitions[row.status as TicketStatus]],
  };
}

// To oneself, or to a colleague who may handle this agent's tickets too.
export async function assignTicket(ctx: AppContext, actor: Actor, ticketId: string, assigneeBadgeNumber: string | undefined): Promise<SupportTicketDetail> {
  const row = await reachTicket(ctx, actor, ticketId);
  assertNotClosed(row);
  let assigneeId = actor.agentId;
  if (assigneeBadgeNumber) {
    const colleague = await loadTargetAgent(ctx.db, { badgeNumber: assigneeBadgeNumber });
    const colleagueActor = colleague && (await loadActor(ctx.db, colleague.agentId));
    const ticketAgent = await loadTargetAgent(ctx.db, { agentId: row.agent_id });
    if (!colleagueActor || !ticketAgent || !decide(colleagueActor, HANDLE_TICKETS, ticketAgent).allowed) {
      const message = 'Ce matricule n’est pas celui d’un collègue du support qui peut traiter cette demande.';
      throw new AppError('unprocessable', message, { errors: [{ field: 'assigneeBadgeNumber', message }] });
    }
    assigneeId = colleagueActor.agentId;
  }
  const at = ctx.clock.now();
  await repo.updateTicket(ctx.db, ticketId, {
    assignee_id: assigneeId,
    ...(row.status === 'new' ? { status: 'assigned' as const } : {}),
    ...(row.owned_at ? {} : { owned_at: at }),
  });
  return supportTicket(ctx, actor, ticketId);
}

export async function setImpact(ctx: AppContext, actor: Actor, ticketId: string, impact: Level): Promise<SupportTicketDetail> {
  const row = await reachTicket(ctx, actor, ticketId);
  assertNotClosed(row);
  await repo.updateTicket(ctx.db, ticketId, { impact, priority: priorityOf(row.urgency as Level, impact) });
  return supportTicket(ctx, actor, ticketId);
}

export async function addSupportFollowup(ctx: AppContext, actor: Actor, ticketId: string, body: SupportFollowupBody): Promise<SupportTicketDetail> {
  const row = await reachTicket(ctx, actor, ticketId);
  assertNotClosed(row);
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    await repo.insertFollowup(trx, { ticketId, authorId: actor.agentId, visibility: body.visibility, kind: 'comment', body: body.body, at });
    if (body.visibility === 'public') await tellAgent(trx, ctx, row, `Réponse du support à votre demande n° ${row.number}`, body.body, at);
  });
  return supportTicket(ctx, actor, ticketId);
}

export async function changeStatus(ctx: AppContext, actor: Actor, ticketId: string, body: StatusBody): Promise<SupportTicketDetail> {
  const row = await reachTicket(ctx, actor, ticketId);
  if (!maySupportMove(row.status as TicketStatus, body.status)) {
    throw new AppError('conflict', `Une demande au statut « ${row.status} » ne peut pas passer à « ${body.status} ».`);
  }
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    const owner = row.assignee_id ? {} : { assignee_id: actor.agentId, owned_at: row.owned_at ?? at };
    if (body.status === 'solved') {
      await repo.insertFollowup(trx, { ticketId, authorId: actor.agentId, visibility: 'public', kind: 'solution', body: body.comment!, at });
      await repo.updateTicket(trx, ticketId, { ...owner, status: 'solved', solved_at: at });
      await tellAgent(trx, ctx, row, `Solution proposée pour votre demande n° ${row.number}`, `${body.comment}\n\nConfirmez-la ou dites ce qui ne va pas encore ; sans réponse, la demande sera close dans 7 jours.`, at);
      return;
    }
    if (body.comment) await repo.insertFollowup(trx, { ticketId, authorId: actor.agentId, visibility: 'public', kind: 'comment', body: body.comment, at });
    await repo.updateTicket(trx, ticketId, { ...owner, status: body.status, solved_at: null });
    if (body.comment) await tellAgent(trx, ctx, row, `Réponse du support à votre demande n° ${row.number}`, body.comment, at);
  });
  return supportTicket(ctx, actor, ticketId);
}

// A duplicate goes into the ticket that stays: its follow-ups and files move, it is closed with a link.
export async function mergeTicket(ctx: AppContext, actor: Actor, ticketId: string, intoNumber: number): Promise<SupportTicketDetail> {
  const duplicate = await reachTicket(ctx, actor, ticketId);
  assertNotClosed(duplicate);
  const intoId = (await repo.findTicketIdByNumber(ctx.db, intoNumber))?.id;
  const unknown = () => {
    const message = 'Aucune demande ouverte de votre périmètre ne porte ce numéro.';
    return new AppError('unprocessable', message, { errors: [{ field: 'intoNumber', message }] });
  };
  if (!intoId || intoId === ticketId) throw unknown();
  const kept = await reachTicket(ctx, actor, intoId).catch(() => undefined);
  if (!kept || kept.status === 'closed') throw unknown();
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    await repo.moveTicketContents(trx, ticketId, intoId);
    await repo.insertFollowup(trx, {
      ticketId: intoId,
      authorId: actor.agentId,
      visibility: 'public',
      kind: 'event',
      body: `Demande n° ${duplicate.number} fusionnée dans celle-ci : « ${duplicate.title} »\n\n${duplicate.description}`,
      at,
    });
    await repo.insertFollowup(trx, { ticketId, authorId: actor.agentId, visibility: 'public', kind: 'event', body: `Fusionnée dans la demande n° ${intoNumber}.`, at });
    await repo.updateTicket(trx, ticketId, { status: 'closed', closed_at: at, merged_into_id: intoId });
  });
  return supportTicket(ctx, actor, intoId);
}

export async function attachSupportFile(ctx: AppContext, actor: Actor, ticketId: string, body: AttachmentBody): Promise<SupportTicketDetail> {
  await attachFile(ctx, actor.agentId, await reachTicket(ctx, actor, ticketId), body);
  return supportTicket(ctx, actor, ticketId);
}

export async function supportAttachment(ctx: AppContext, actor: Actor, ticketId: string, attachmentId: string) {
  await reachTicket(ctx, actor, ticketId);
  return attachmentOf(ctx, ticketId, attachmentId);
}
