import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../access/index.ts';
import { notifyAgent } from '../notifications/index.ts';
import { decidingCapacity, managerStepApprovers, type Requester } from './approvers.ts';
import { type RequestRecord, requestKind } from './request-kinds.ts';
import * as repo from './requests.repo.ts';

export const INBOX_PAGE = '/validations';

export type NewRequest = {
  agentId: string;
  kind: string;
  /** One line saying what is asked, in French: « Congés annuels du 2 au 6 mars 2026 (5 jours) ». */
  summary: string;
  /** The client's key for this submission (Idempotency-Key header). */
  idempotencyKey: string;
  /** A legal deadline for the answer, if the kind has one (telework: one month). */
  answerDueOn?: string | null;
  /** The agent's word to the approver, kept on the `submitted` step (shown in the timeline and the inbox). */
  comment?: string | null;
};

const nameOf = (agent: { first_name: string; last_name: string }) => `${agent.first_name} ${agent.last_name}`;

// Files a request. `saveDetails` writes the kind's own rows (dates, days, quota…) and checks its rules; it
// runs under a lock on the agent, so two submissions at once are checked one after the other. The same
// idempotency key returns the request it created the first time, without running anything again.
export async function submitRequest(
  ctx: AppContext,
  input: NewRequest,
  saveDetails: (trx: Db, request: RequestRecord) => Promise<void>,
): Promise<{ request: RequestRecord; replayed: boolean }> {
  const kind = requestKind(input.kind);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockAgent(trx, input.agentId);
    const existing = await repo.findByIdempotencyKey(trx, input.agentId, input.idempotencyKey);
    if (existing) {
      if (existing.kind !== input.kind) throw new AppError('conflict', 'Cette clé d’idempotence a déjà servi pour une autre demande.');
      return { request: existing, replayed: true };
    }
    const now = ctx.clock.now();
    const agent = await repo.requester(trx, input.agentId);
    // Without a manager on record the request goes straight to HR rather than nowhere.
    const step = agent.manager_id ? 'manager' : 'hr';
    const request = await repo.insertRequest(trx, { ...input, answerDueOn: input.answerDueOn ?? null, step, at: now });
    await saveDetails(trx, request);
    await repo.addEvent(trx, { requestId: request.id, at: now, actorId: input.agentId, action: 'submitted', comment: input.comment || null });
    for (const approver of await managerStepApprovers(trx, ctx, agent)) {
      await notifyAgent(
        trx,
        { agentId: approver, kind: 'request.awaiting', title: `${kind.label} à examiner`, body: `${nameOf(agent)} : ${input.summary}.`, link: INBOX_PAGE },
        now,
        ctx.config.publicUrl,
      );
    }
    return { request, replayed: false };
  });
}

export type Decision = { decision: 'approve' } | { decision: 'refuse'; reason: string };
export type DecisionOutcome = 'approved' | 'forwarded_to_hr' | 'refused';

// A manager (or their delegate) or HR answers. The request row is locked first: an approval racing a
// withdrawal sees the withdrawal, and a request is never decided twice.
// Pass `db` to decide inside a transaction of your own (a telework refusal records its interview first).
export async function decideRequest(ctx: AppContext, actor: Actor, requestId: string, decision: Decision, db: Db = ctx.db): Promise<DecisionOutcome> {
  return inTransaction(db, async (trx) => {
    const request = await repo.lockRequest(trx, requestId);
    if (!request) throw new AppError('not_found', 'Aucune demande correspondante.');
    const agent = await repo.requester(trx, request.agentId);
    if (request.agentId === actor.agentId) throw new AppError('forbidden', 'Vous ne pouvez pas décider de votre propre demande.');
    const capacity = await decidingCapacity(trx, ctx, actor, request, agent);
    if (!capacity) {
      if (request.status !== 'pending') throw new AppError('conflict', closedMessage(request.status));
      if (request.step === 'hr' && agent.manager_id === actor.agentId) throw new AppError('conflict', 'Vous l’avez validée : elle attend maintenant la décision du service RH.');
      throw new AppError('not_found', 'Aucune demande correspondante à examiner.');
    }
    if (request.status !== 'pending') throw new AppError('conflict', closedMessage(request.status));
    const kind = requestKind(request.kind);
    const now = ctx.clock.now();
    if (decision.decision === 'refuse') {
      await repo.updateRequest(trx, request.id, { status: 'refused', step: null, decidedAt: now, decidedBy: actor.agentId, reason: decision.reason });
      await repo.addEvent(trx, { requestId: request.id, at: now, actorId: actor.agentId, action: 'refused', comment: decision.reason });
      await kind.onClosed?.(trx, ctx, { ...request, status: 'refused', step: null }, 'refused', false);
      await tellAgent(trx, ctx, request, 'request.refused', `${kind.label} refusée`, `${request.summary} : refusée. Motif : ${decision.reason}`);
      return 'refused';
    }
    if (request.step === 'manager' && kind.hrStep) {
      await repo.updateRequest(trx, request.id, { status: 'pending', step: 'hr' });
      await repo.addEvent(trx, { requestId: request.id, at: now, actorId: actor.agentId, action: 'forwarded_to_hr', comment: capacity === 'delegate' ? 'par délégation' : null });
      await tellAgent(trx, ctx, request, 'request.forwarded_to_hr', `${kind.label} validée par votre encadrant`, `${request.summary} : validée par votre encadrant, transmise au service RH.`);
      return 'forwarded_to_hr';
    }
    await repo.updateRequest(trx, request.id, { status: 'approved', step: null, decidedAt: now, decidedBy: actor.agentId });
    await repo.addEvent(trx, { requestId: request.id, at: now, actorId: actor.agentId, action: 'approved', comment: capacity === 'delegate' ? 'par délégation' : null });
    await kind.onApproved?.(trx, ctx, { ...request, status: 'approved', step: null });
    await tellAgent(trx, ctx, request, 'request.approved', `${kind.label} acceptée`, `${request.summary} : acceptée.`);
    return 'approved';
  });
}

// The agent takes back a request not yet answered (withdrawn), or cancels one already approved while the
// kind allows it (a leave not yet begun): what it held is released in the same transaction.
export async function closeOwnRequest(ctx: AppContext, agentId: string, requestId: string, comment: string | null): Promise<'withdrawn' | 'cancelled'> {
  return ctx.db.transaction().execute(async (trx) => {
    const request = await repo.lockRequest(trx, requestId);
    if (!request || request.agentId !== agentId) throw new AppError('not_found', 'Aucune demande correspondante.');
    const kind = requestKind(request.kind);
    const now = ctx.clock.now();
    if (request.status === 'pending') {
      await repo.updateRequest(trx, request.id, { status: 'withdrawn', step: null });
      await repo.addEvent(trx, { requestId: request.id, at: now, actorId: agentId, action: 'withdrawn', comment });
      await kind.onClosed?.(trx, ctx, { ...request, status: 'withdrawn', step: null }, 'withdrawn', false);
      return 'withdrawn';
    }
    if (request.status !== 'approved') throw new AppError('conflict', closedMessage(request.status));
    const refusal = (await kind.cancellationRefusal?.(trx, ctx, request)) ?? null;
    if (refusal) throw new AppError('unprocessable', refusal);
    await repo.updateRequest(trx, request.id, { status: 'cancelled', step: null });
    await repo.addEvent(trx, { requestId: request.id, at: now, actorId: agentId, action: 'cancelled', comment });
    await kind.onClosed?.(trx, ctx, { ...request, status: 'cancelled', step: null }, 'cancelled', true);
    const agent = await repo.requester(trx, agentId);
    if (agent.manager_id) {
      await notifyAgent(trx, { agentId: agent.manager_id, kind: 'request.cancelled', title: `${kind.label} annulée`, body: `${nameOf(agent)} a annulé : ${request.summary}.` }, now, ctx.config.publicUrl);
    }
    return 'cancelled';
  });
}

async function tellAgent(trx: Db, ctx: AppContext, request: RequestRecord, what: string, title: string, body: string): Promise<void> {
  await notifyAgent(trx, { agentId: request.agentId, kind: what, title, body, link: requestKind(request.kind).pageOf(request.id) }, ctx.clock.now(), ctx.config.publicUrl);
}

function closedMessage(status: string): string {
  switch (status) {
    case 'approved':
      return 'Cette demande a déjà été acceptée.';
    case 'refused':
      return 'Cette demande a déjà été refusée.';
    case 'withdrawn':
      return 'L’agent a retiré cette demande.';
    case 'cancelled':
      return 'Cette demande a été annulée.';
    default:
      return 'Cette demande n’attend plus de réponse.';
  }
}

export type { Requester };

export type BulkResult = { id: string; outcome: DecisionOutcome | 'failed'; message: string | null };

// "Approve all the simple ones": each request is decided on its own (one failure does not undo the others),
// and the kinds that need reading (a telework refusal needs an interview…) are left for one by one.
export async function approveMany(ctx: AppContext, actor: Actor, ids: readonly string[]): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      const found = await repo.findRequest(ctx.db, id);
      if (found && !requestKind(found.kind).bulkApprovable) {
        results.push({ id, outcome: 'failed', message: 'À examiner une par une : ouvrez la demande.' });
        continue;
      }
      results.push({ id, outcome: await decideRequest(ctx, actor, id, { decision: 'approve' }), message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, outcome: 'failed', message: error.detail ?? error.message });
    }
  }
  return results;
}
