// An agent's leave request: previewed as it is typed (the same checks as the submission), then submitted
// through the approval engine, whose lock on the agent makes the balance check and the insert one step.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { readSupportingDocument } from '../personal-file/supporting-document.ts';
import { submitRequest } from '../requests/index.ts';
import { checkLeave, countPeriod, type LeaveAsk } from './leave-check.service.ts';
import type { RequestableType } from './leave-config.ts';
import { insertLeaveRequest, leaveRequestOf } from './leave-requests.repo.ts';
import type { LeavePreview, LeavePreviewQuery, NewLeaveRequestBody, SubmittedRequest } from './leave.schema.ts';
import { leaveSummary } from './leave-words.ts';
import { workingTimeOf } from './working-time.ts';

// Annual leave and RTT may be approved in a batch from the inbox; a special absence (its document) and CET
// leave are read one by one: two kinds of the engine, the same rules and hooks (leave-kinds.ts).
export const SIMPLE_LEAVE_KIND = 'leave';
export const REVIEWED_LEAVE_KIND = 'leave_special';
export const kindOf = (type: RequestableType) => (type === 'annual_leave' || type === 'rtt' ? SIMPLE_LEAVE_KIND : REVIEWED_LEAVE_KIND);

function askOf(input: LeavePreviewQuery | NewLeaveRequestBody): LeaveAsk {
  return {
    type: input.type,
    specialReason: input.type === 'special_absence' ? (input.specialReason ?? null) : null,
    period: { startDate: input.startDate, startsIn: input.startsIn, endDate: input.endDate, endsAt: input.endsAt },
  };
}

export async function previewLeave(ctx: AppContext, agentId: string, query: LeavePreviewQuery): Promise<LeavePreview> {
  const time = await workingTimeOf(ctx.db, agentId);
  const ask = askOf(query);
  const now = ctx.clock.now();
  // In a transaction: the year's allocation may be written on the way, and the reads see one state.
  const checked = await inTransaction(ctx.db, (trx) => checkLeave(trx, ctx, agentId, time.cycle, ask, parisDate(now), now));
  return {
    halfDays: checked.halfDays,
    leaveYear: checked.leaveYear,
    availableBeforeHalfDays: checked.availableHalfDays,
    availableAfterHalfDays: checked.availableHalfDays === null ? null : checked.availableHalfDays - checked.halfDays,
    summary: leaveSummary(ask.type, ask.period, checked.halfDays),
  };
}

export async function submitLeave(ctx: AppContext, agentId: string, body: NewLeaveRequestBody, idempotencyKey: string): Promise<SubmittedRequest> {
  const time = await workingTimeOf(ctx.db, agentId);
  const ask = askOf(body);
  // Counted before the lock, for the one-line summary; everything else is checked under it.
  const halfDays = countPeriod(ask.period, time.cycle, ctx);
  if (ask.type === 'special_absence' && !body.document) {
    const message = 'Joignez le justificatif de l’événement (PDF, JPEG ou PNG de 2 Mo au plus).';
    throw new AppError('unprocessable', message, { errors: [{ field: 'document', rule: 'document_required', message }] });
  }
  const document = ask.type === 'special_absence' && body.document ? readSupportingDocument(body.document) : null;
  const summary = leaveSummary(ask.type, ask.period, halfDays);
  const { request, replayed } = await submitRequest(ctx, { agentId, kind: kindOf(ask.type), summary, idempotencyKey, comment: body.comment || null }, async (trx, created) => {
    const now = ctx.clock.now();
    const checked = await checkLeave(trx, ctx, agentId, time.cycle, ask, parisDate(now), now);
    await insertLeaveRequest(trx, {
      requestId: created.id,
      agentId,
      type: ask.type,
      specialReason: ask.specialReason,
      period: ask.period,
      halfDays: checked.halfDays,
      leaveYear: checked.leaveYear,
      comment: body.comment || null,
      document,
    });
  });
  const counted = replayed ? ((await leaveRequestOf(ctx.db, request.id))?.half_days ?? halfDays) : halfDays;
  return { requestId: request.id, replayed, summary: request.summary, halfDays: counted };
}
