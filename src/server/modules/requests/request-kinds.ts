import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';

export type RequestStatus = 'pending' | 'approved' | 'refused' | 'withdrawn' | 'cancelled';
export type RequestStep = 'manager' | 'hr';

export type RequestRecord = {
  id: string;
  agentId: string;
  kind: string;
  summary: string;
  status: RequestStatus;
  step: RequestStep | null;
  submittedAt: Date;
  answerDueOn: string | null;
};

/**
 * What a kind of request (leave, telework, training…) adds to the engine. Its hooks run inside the
 * decision's transaction, after the request row is locked: a balance, a seat or a quota changes with the
 * decision or not at all. A hook refuses by throwing an AppError.
 */
export type RequestKind = {
  kind: string;
  /** "Demande de congé": French, for the inbox, notifications and e-mails. */
  label: string;
  /** After the manager's approval the request goes to HR of the agent's perimeter. */
  hrStep: boolean;
  /** Simple enough to be approved in a batch from the inbox (never those that need reading). */
  bulkApprovable: boolean;
  /** The agent's page for this request (linked from notifications). */
  pageOf(requestId: string): string;
  onApproved?(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void>;
  /** Refused, withdrawn, or cancelled after approval: release what the request held. */
  onClosed?(trx: Db, ctx: AppContext, request: RequestRecord, outcome: 'refused' | 'withdrawn' | 'cancelled', wasApproved: boolean): Promise<void>;
  /** Why an approved request can no longer be cancelled by the agent (e.g. the leave has begun), or null. */
  cancellationRefusal?(trx: Db, ctx: AppContext, request: RequestRecord): Promise<string | null>;
};

// Filled by each domain module when its routes are registered (app.ts): the engine never imports them.
const kinds = new Map<string, RequestKind>();

export function registerRequestKind(kind: RequestKind): void {
  kinds.set(kind.kind, kind);
}

export function requestKind(kind: string): RequestKind {
  const found = kinds.get(kind);
  if (!found) throw new Error(`request kind ${kind} is not registered`);
  return found;
}

export function registeredRequestKinds(): RequestKind[] {
  return [...kinds.values()];
}
