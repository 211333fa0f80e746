import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { readSupportingDocument } from '../personal-file/supporting-document.ts';
import { priorityOf } from './helpdesk-rules.ts';
import * as repo from './helpdesk.repo.ts';
import type { AttachmentBody, MyTicketsResponse, NewTicketBody, SatisfactionBody, SolutionAnswerBody, TicketDetail } from './helpdesk.schema.ts';
import { detailOf, summaryOf } from './ticket-shape.ts';

// The agent's side of the helpdesk: their own tickets only; anyone else's answers 404.

async function ownTicket(ctx: AppContext, agentId: string, ticketId: string): Promise<repo.TicketRow> {
  const row = await repo.findTicket(ctx.db, ticketId, ctx.clock.now());
  if (!row || row.agent_id !== agentId) throw new AppError('not_found', 'Aucune demande correspondante.');
  return row;
}

function assertOpen(row: repo.TicketRow): void {
  if (row.status === 'closed') throw new AppError('conflict', 'Cette demande est close : ouvrez-en une nouvelle si le problème revient.');
}

export async function fileTicket(ctx: AppContext, agentId: string, body: NewTicketBody): Promise<TicketDetail> {
  // Support sets the impact once they know how many people are stopped; until then it is assumed medium.
  const created = await repo.insertTicket(ctx.db, { ...body, agentId, impact: 'medium', priority: priorityOf(body.urgency, 'medium'), at: ctx.clock.now() });
  return myTicket(ctx, agentId, created.id);
}

export async function myTickets(ctx: AppContext, agentId: string): Promise<MyTicketsResponse> {
  return { items: (await repo.listTicketsOf(ctx.db, agentId)).map(summaryOf) };
}

export async function myTicket(ctx: AppContext, agentId: string, ticketId: string): Promise<TicketDetail> {
  return detailOf(ctx.db, await ownTicket(ctx, agentId, ticketId), false);
}

export async function addMyFollowup(ctx: AppContext, agentId: string, ticketId: string, body: string): Promise<TicketDetail> {
  const row = await ownTicket(ctx, agentId, ticketId);
  assertOpen(row);
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    await repo.insertFollowup(trx, { ticketId, authorId: agentId, visibility: 'public', kind: 'comment', body, at });
    // Waiting for the agent's answer: their answer puts the ticket back in support's hands.
    if (row.status === 'pending') await repo.updateTicket(trx, ticketId, { status: 'assigned' });
  });
  return myTicket(ctx, agentId, ticketId);
}

export async function attachFile(ctx: AppContext, uploaderId: string, row: repo.TicketRow, body: AttachmentBody): Promise<void> {
  assertOpen(row);
  const document = readSupportingDocument(body);
  await repo.insertAttachment(ctx.db, {
    ticketId: row.id,
    uploadedBy: uploaderId,
    fileName: document.name,
    contentType: document.type,
    content: document.content,
    at: ctx.clock.now(),
  });
}

export async function attachMyFile(ctx: AppContext, agentId: string, ticketId: string, body: AttachmentBody): Promise<TicketDetail> {
  await attachFile(ctx, agentId, await ownTicket(ctx, agentId, ticketId), body);
  return myTicket(ctx, agentId, ticketId);
}

export async function myAttachment(ctx: AppContext, agentId: string, ticketId: string, attachmentId: string) {
  await ownTicket(ctx, agentId, ticketId);
  return attachmentOf(ctx, ticketId, attachmentId);
}

export async function attachmentOf(ctx: AppContext, ticketId: string, attachmentId: string) {
  const file = await repo.findAttachment(ctx.db, ticketId, attachmentId);
  if (!file) throw new AppError('not_found', 'Aucune pièce jointe correspondante.');
  return { name: file.file_name, type: file.content_type, content: Buffer.from(file.content) };
}

// The agent confirms the solution (closed) or says it still does not work (back to support).
export async function answerSolution(ctx: AppContext, agentId: string, ticketId: string, answer: SolutionAnswerBody): Promise<TicketDetail> {
  const row = await ownTicket(ctx, agentId, ticketId);
  if (row.status !== 'solved') throw new AppError('conflict', 'Aucune solution n’attend votre réponse sur cette demande.');
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    if (answer.comment) await repo.insertFollowup(trx, { ticketId, authorId: agentId, visibility: 'public', kind: 'comment', body: answer.comment, at });
    if (answer.accepted) await repo.updateTicket(trx, ticketId, { status: 'closed', closed_at: at });
    else await repo.updateTicket(trx, ticketId, { status: 'assigned', solved_at: null });
  });
  return myTicket(ctx, agentId, ticketId);
}

export async function rateTicket(ctx: AppContext, agentId: string, ticketId: string, body: SatisfactionBody): Promise<TicketDetail> {
  const row = await ownTicket(ctx, agentId, ticketId);
  if (row.status !== 'closed' || row.merged_into_id) throw new AppError('conflict', 'Vous pourrez donner votre avis une fois la demande close.');
  if (row.satisfaction) throw new AppError('conflict', 'Vous avez déjà donné votre avis sur cette demande.');
  await repo.updateTicket(ctx.db, ticketId, { satisfaction: body.rating, satisfaction_comment: body.comment || null });
  return myTicket(ctx, agentId, ticketId);
}
