import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { passwordChangedEmail } from './identity-emails.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { brokenRules, checkPasswordRules, passwordRuleMessages } from './password-policy.ts';
import * as repo from './password.repo.ts';
import type { PasswordOwner } from './password-rules.ts';
import { findAccountByAgentId, registerPasswordFailure, type SignInAccount } from './sign-in.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

export function ownerOf(account: Pick<SignInAccount, 'firstName' | 'lastName' | 'badgeNumber' | 'email'>): PasswordOwner {
  return { firstName: account.firstName, lastName: account.lastName, badgeNumber: account.badgeNumber, email: account.email };
}

// Every broken rule at once, so the agent fixes them in one go; reuse is checked against the current
// password and the last twelve (argon2 verifications run in parallel on libuv's pool).
export async function validateNewPassword(account: SignInAccount, history: string[], newPassword: string): Promise<FieldError[]> {
  const errors: FieldError[] = brokenRules(checkPasswordRules(newPassword, ownerOf(account)));
  if (errors.some((e) => e.rule === 'too_long')) return errors;
  const previous = [account.passwordHash, ...history].filter((h): h is string => Boolean(h));
  const reused = (await Promise.all(previous.map((h) => verifyPassword(h, newPassword)))).some(Boolean);
  if (reused) errors.push({ rule: 'reused', message: passwordRuleMessages.reused });
  return errors;
}

export async function loadAccount(ctx: AppContext, agentId: string): Promise<SignInAccount> {
  const account = await findAccountByAgentId(ctx.db, agentId);
  if (!account || account.status !== 'active') throw new AppError('unauthenticated');
  return account;
}

export async function changePassword(
  ctx: AppContext,
  agentId: string,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const account = await loadAccount(ctx, agentId);
  const now = ctx.clock.now();
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    // A stolen session must not become a way to guess the password without the lockout.
    await registerPasswordFailure(ctx.db, agentId, now, ctx.config.auth.lockoutThreshold, ctx.config.auth.lockoutMs);
    throw new AppError('unprocessable', 'Le mot de passe actuel est incorrect.', {
      errors: [{ rule: 'current_password', message: 'Le mot de passe actuel est incorrect.' }],
    });
  }
  const errors = await validateNewPassword(account, await repo.recentPasswordHashes(ctx.db, agentId), input.newPassword);
  if (errors.length > 0) throw new AppError('unprocessable', 'Le nouveau mot de passe ne respecte pas les règles.', { errors });
  const newHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await repo.replacePassword(trx, agentId, account.passwordHash, newHash, now);
    await recordConnectionEvent(trx, { agentId, kind: 'password_changed', result: 'success', at: now, client });
    await enqueueEmail(trx, passwordChangedEmail(ctx, account, client, now, 'changed'), now);
  });
}
