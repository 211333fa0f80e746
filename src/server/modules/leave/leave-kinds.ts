// The leave module's kinds of request, as the approval engine knows them: their labels, steps and hooks.
import type { Db } from '../../db/connection.ts';
import type { AppContext } from '../../app-context.ts';
import { registerRequestKind, type RequestRecord } from '../requests/index.ts';
import { CET_DEPOSIT_KIND } from './cet.service.ts';
import { REVIEWED_LEAVE_KIND, SIMPLE_LEAVE_KIND } from './leave-request.service.ts';
import { depositOnCet, giveBackLeave, leaveBegun, takeLeave } from './ledger-moves.service.ts';

// The agent's page of one request (the web's staffPaths.request).
const pageOf = (id: string) => `/demandes/${encodeURIComponent(id)}`;

const leaveHooks = {
  pageOf,
  onApproved: takeLeave,
  async onClosed(trx: Db, ctx: AppContext, request: RequestRecord, _outcome: 'refused' | 'withdrawn' | 'cancelled', wasApproved: boolean) {
    if (wasApproved) await giveBackLeave(trx, ctx, request);
  },
  cancellationRefusal: leaveBegun,
};

export function registerLeaveKinds(): void {
  registerRequestKind({ kind: SIMPLE_LEAVE_KIND, label: 'Demande de congé', hrStep: false, bulkApprovable: true, ...leaveHooks });
  registerRequestKind({ kind: REVIEWED_LEAVE_KIND, label: 'Demande d’absence (ASA ou CET)', hrStep: false, bulkApprovable: false, ...leaveHooks });
  registerRequestKind({ kind: CET_DEPOSIT_KIND, label: 'Alimentation du compte épargne-temps', hrStep: true, bulkApprovable: false, pageOf, onApproved: depositOnCet });
}
