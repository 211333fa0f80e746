import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { Action } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { endAllAccess, generateTemporaryPassword, hashPassword, issueEnrolmentCode } from '../identity/index.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { completeChecklist, type IdentityChecklist, missingIdentityChecks } from './identity-check.ts';
import * as repo from './support-actions.repo.ts';
import { assertRecentlyAuthenticated, reachAgent, type SupportCaller, supportDecision } from './support-caller.ts';
import { listSecondFactors, rolesOf } from './support-console.repo.ts';
import type { EnrolmentCodeResponse, ResetSecondFactorsResponse, TemporaryPasswordResponse, UnlockResponse } from './support-console.schema.ts';
import { secondFactorsResetEmail, temporaryPasswordForManagerEmail, temporaryPasswordNoticeEmail } from './support-emails.ts';

// Every action of the console: one transaction holding the change, the agent's history line, the e-mails
// and the audit entry with the support agent's reason.

export type ActingCaller = SupportCaller & { audit: AuditActor };

type Options = { handsOverAccess: boolean; needsReauthentication: boolean };

async function prepare(ctx: AppContext, caller: ActingCaller, action: Action, badgeNumber: string, options: Options): Promise<repo.ActionTarget> {
  const reached = await reachAgent(ctx, caller, action, badgeNumber);
  const decision = supportDecision(caller, action, reached, await rolesOf(ctx.db, reached.agentId), options.handsOverAccess);
  if (!decision.allowed) throw new AppError('forbidden', `Action non autorisée : ${decision.reason}.`);
  if (options.needsReauthentication) assertRecentlyAuthenticated(ctx, caller);
  const target = await repo.findTargetForAction(ctx.db, reached.agentId);
  if (!target) throw new AppError('not_found', 'Aucun agent correspondant.');
  if (target.status === 'departed') {
    throw new AppError('unprocessable', `${fullName(target)} a quitté la collectivité : son compte est fermé et ne peut pas être rouvert ici.`);
  }
  return target;
}

const fullName = (t: { firstName: string; lastName: string }) => `${t.firstName} ${t.lastName}`;

function audit(trx: Db, caller: ActingCaller, target: repo.ActionTarget, action: string, reason: string, at: Date, changes: Record<string, unknown>) {
  return recordAudit(trx, {
    actor: caller.audit,
    action,
    target: { type: 'agent', id: target.agentId, label: `${fullName(target)} (${target.badgeNumber})` },
    departmentId: target.departmentId,
    changes,
    reason,
    at,
  });
}

function assertHasAccount(target: repo.ActionTarget): void {
  if (target.accountAgentId === null) {
    throw new AppError('unprocessable', `${fullName(target)} n’a pas encore de compte : donnez-lui d’abord un mot de passe temporaire.`);
  }
}

export async function unlockAccount(ctx: AppContext, caller: ActingCaller, badgeNumber: string, reason: string): Promise<UnlockResponse> {
  const target = await prepare(ctx, caller, 'account.unlock', badgeNumber, { handsOverAccess: false, needsReauthentication: false });
  assertHasAccount(target);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockAccountRow(trx, target.agentId);
    const before = (await repo.findTargetForAction(trx, target.agentId)) ?? target;
    const wasLocked = before.lockedUntil !== null && before.lockedUntil > now;
    await repo.clearLockout(trx, target.agentId);
    await repo.recordSupportEvent(trx, target.agentId, 'account_unlocked', now, caller.client);
    await audit(trx, caller, target, 'account.unlock', reason, now, {
      failedAttempts: { from: before.failedAttempts, to: 0 },
      lockedUntil: { from: before.lockedUntil?.toISOString() ?? null, to: null },
    });
    return { wasLocked, failedAttemptsBefore: before.failedAttempts ?? 0 };
  });
}

export async function issueTemporaryPassword(
  ctx: AppContext,
  caller: ActingCaller,
  badgeNumber: string,
  input: { reason: string; deliverTo: 'support' | 'manager' },
): Promise<TemporaryPasswordResponse> {
  const target = await prepare(ctx, caller, 'account.issue_temporary_password', badgeNumber, { handsOverAccess: true, needsReauthentication: true });
  if (target.status === 'suspended') {
    throw new AppError('unprocessable', `Le compte de ${fullName(target)} est suspendu : voyez avec le service RH avant de donner un mot de passe.`);
  }
  const manager =
    target.managerBadgeNumber && target.managerEmail && target.managerStatus === 'active'
      ? { badgeNumber: target.managerBadgeNumber, firstName: target.managerFirstName ?? '', lastName: target.managerLastName ?? '', email: target.managerEmail }
      : undefined;
  if (input.deliverTo === 'manager' && !manager) {
    throw new AppError('unprocessable', `${fullName(target)} n’a pas d’encadrant en activité enregistré.`, {
      errors: [{ field: 'body.deliverTo', rule: 'manager_required', message: 'Aucun encadrant en activité : choisissez d’afficher le mot de passe.' }],
    });
  }
  const temporaryPassword = generateTemporaryPassword();
  // Hashed before the transaction: argon2 takes tens of milliseconds, no need to hold a connection meanwhile.
  const passwordHash = await hashPassword(temporaryPassword);
  const now = ctx.clock.now();
  const sessionsEnded = await ctx.db.transaction().execute(async (trx) => {
    await repo.setTemporaryPassword(trx, target.agentId, passwordHash, now);
    // Whoever held the account until now must not keep a session.
    const ended = await endAllAccess(trx, target.agentId);
    await repo.recordSupportEvent(trx, target.agentId, 'password_reset', now, caller.client);
    if (input.deliverTo === 'manager' && manager) {
      await enqueueEmail(trx, temporaryPasswordForManagerEmail(ctx, manager, target, temporaryPassword, now), now);
    }
    await enqueueEmail(trx, temporaryPasswordNoticeEmail(ctx, target, input.deliverTo, now), now);
    await audit(trx, caller, target, 'account.issue_temporary_password', input.reason, now, {
      password: { from: 'previous', to: 'temporary' },
      deliveredTo: input.deliverTo === 'manager' && manager ? `encadrant : ${fullName(manager)} (${manager.badgeNumber})` : 'assistance (affiché une fois)',
      failedAttempts: { from: target.failedAttempts, to: 0 },
      sessionsEnded: ended,
    });
    return ended;
  });
  return input.deliverTo === 'manager' && manager
    ? { deliveredTo: 'manager', manager, sessionsEnded }
    : { deliveredTo: 'support', temporaryPassword, sessionsEnded };
}

export async function issueEnrolmentCodeFor(ctx: AppContext, caller: ActingCaller, badgeNumber: string, reason: string): Promise<EnrolmentCodeResponse> {
  // No action of its own in the policy: an enrolment code lets someone add a second factor, so it needs the
  // right to reset them.
  const target = await prepare(ctx, caller, 'account.reset_second_factors', badgeNumber, { handsOverAccess: true, needsReauthentication: true });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const issued = await issueEnrolmentCode(trx, ctx.keys, ctx.clock, target.badgeNumber);
    await repo.recordSupportEvent(trx, target.agentId, 'enrolment_code_issued', now, caller.client);
    await audit(trx, caller, target, 'account.issue_enrolment_code', reason, now, { enrolmentCode: 'issued', validUntil: issued.expiresAt });
    return { code: issued.enrolmentCode, expiresAt: issued.expiresAt };
  });
}

export async function resetSecondFactors(
  ctx: AppContext,
  caller: ActingCaller,
  badgeNumber: string,
  input: { reason: string; checklist: IdentityChecklist; issueEnrolmentCode: boolean },
): Promise<ResetSecondFactorsResponse> {
  const target = await prepare(ctx, caller, 'account.reset_second_factors', badgeNumber, { handsOverAccess: true, needsReauthentication: true });
  const missing = missingIdentityChecks(input.checklist);
  if (missing.length > 0) {
    throw new AppError('unprocessable', 'La vérification d’identité est incomplète : les méthodes de vérification n’ont pas été retirées.', { errors: missing });
  }
  assertHasAccount(target);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockAccountRow(trx, target.agentId);
    const factors = await listSecondFactors(trx, target.agentId);
    const removed = await repo.deleteSecondFactors(trx, target.agentId);
    if (removed.factors === 0 && removed.unusedRecoveryCodes === 0) {
      throw new AppError('unprocessable', `${fullName(target)} n’a aucune méthode de vérification ni code de secours à retirer.`);
    }
    const sessionsEnded = await endAllAccess(trx, target.agentId);
    await repo.recordSupportEvent(trx, target.agentId, 'second_factor_removed', now, caller.client);
    const code = input.issueEnrolmentCode ? await issueEnrolmentCode(trx, ctx.keys, ctx.clock, target.badgeNumber) : undefined;
    await enqueueEmail(trx, secondFactorsResetEmail(ctx, target, now), now);
    await audit(trx, caller, target, 'account.reset_second_factors', input.reason, now, {
      secondFactors: { from: factors.map((f) => `${f.kind} « ${f.label} »`), to: [] },
      unusedRecoveryCount: { from: removed.unusedRecoveryCodes, to: 0 },
      sessionsEnded,
      identityCheck: completeChecklist(input.checklist),
      ...(code ? { enrolmentCode: 'issued' } : {}),
    });
    return {
      factorsRemoved: removed.factors,
      recoveryCodesRemoved: removed.unusedRecoveryCodes,
      sessionsEnded,
      enrolmentCode: code ? { code: code.enrolmentCode, expiresAt: code.expiresAt } : null,
    };
  });
}

export async function endSessions(ctx: AppContext, caller: ActingCaller, badgeNumber: string, reason: string): Promise<{ sessionsEnded: number }> {
  const target = await prepare(ctx, caller, 'account.end_sessions', badgeNumber, { handsOverAccess: false, needsReauthentication: false });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sessionsEnded = await endAllAccess(trx, target.agentId);
    await repo.recordSupportEvent(trx, target.agentId, 'session_ended', now, caller.client);
    await audit(trx, caller, target, 'account.end_sessions', reason, now, { sessionsEnded: { from: sessionsEnded, to: 0 } });
    return { sessionsEnded };
  });
}
