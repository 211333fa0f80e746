import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken, randomToken } from '../../security/keys.ts';
import { consumeAttempt, type ThrottleRule } from '../../security/throttle.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { passwordChangedEmail, passwordResetEmail } from './identity-emails.ts';
import { hashPassword } from './password-hash.ts';
import * as repo from './password.repo.ts';
import { validateNewPassword } from './password.service.ts';
import { availableSecondFactorMethods, verifySecondFactorCode } from './second-factor.service.ts';
import { deleteSessionsOfAgent } from './session.repo.ts';
import { findAccountByAgentId, findAccountByIdentifier } from './sign-in.repo.ts';
import { parseIdentifier } from './sign-in.service.ts';
import { inTransaction } from '../../db/transaction.ts';

export const RESET_LINK_VALIDITY_MS = 30 * 60_000;

const perAddress: ThrottleRule = { bucket: 'reset_ip', windowMs: 3_600_000, freeFailures: 20, maxDelayMs: 3_600_000 };
const perIdentifier: ThrottleRule = { bucket: 'reset_identifier', windowMs: 3_600_000, freeFailures: 3, maxDelayMs: 3_600_000 };
const perLink: ThrottleRule = { bucket: 'reset_link', windowMs: 30 * 60_000, freeFailures: 5, maxDelayMs: 30 * 60_000 };

// The answer is the same whether or not the account exists; only the mailbox of a real agent learns more.
export async function requestPasswordReset(ctx: AppContext, rawIdentifier: string, client: ClientInfo): Promise<void> {
  const now = ctx.clock.now();
  if (!(await consumeAttempt(ctx.db, perAddress, client.ip, now))) {
    throw new AppError('rate_limited', 'Trop de demandes depuis votre connexion : réessayez dans une heure.', {
      headers: { 'retry-after': '3600' },
    });
  }
  const identifier = parseIdentifier(rawIdentifier);
  if (!identifier) return;
  const key = 'badgeNumber' in identifier ? identifier.badgeNumber : identifier.email;
  if (!(await consumeAttempt(ctx.db, perIdentifier, key, now))) return;
  const account = await findAccountByIdentifier(ctx.db, identifier);
  if (!account || account.status !== 'active') return;

  const token = randomToken();
  await inTransaction(ctx.db, async (trx) => {
    await repo.invalidateResetTokens(trx, account.agentId, now);
    await repo.insertResetToken(trx, account.agentId, hashToken(token), now, new Date(now.getTime() + RESET_LINK_VALIDITY_MS));
    await recordConnectionEvent(trx, { agentId: account.agentId, kind: 'password_reset_requested', result: 'info', at: now, client });
    // The token travels in the fragment: browsers never send it to a server or in a Referer header.
    const link = `${ctx.config.publicUrl}/mot-de-passe/nouveau#jeton=${token}`;
    await enqueueEmail(trx, passwordResetEmail(ctx, account, link, RESET_LINK_VALIDITY_MS / 60_000), now);
  });
}

async function validLink(ctx: AppContext, token: string) {
  const row = await repo.findResetToken(ctx.db, hashToken(token));
  const now = ctx.clock.now();
  if (!row || row.used_at || row.invalidated_at || row.expires_at <= now) {
    throw new AppError('invalid_reset_link', 'Ce lien n’est plus valable (déjà utilisé, remplacé par une demande plus récente, ou expiré après 30 minutes). Faites une nouvelle demande.');
  }
  const account = await findAccountByAgentId(ctx.db, row.agent_id);
  if (!account || account.status !== 'active') throw new AppError('invalid_reset_link');
  return account;
}

export async function describeResetLink(ctx: AppContext, token: string): Promise<{ secondFactorMethods: string[] }> {
  const account = await validLink(ctx, token);
  return { secondFactorMethods: await availableSecondFactorMethods(ctx.db, account.agentId) };
}

export async function resetPassword(
  ctx: AppContext,
  input: { token: string; newPassword: string; code?: string; method?: string },
  client: ClientInfo,
): Promise<void> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(input.token);
  if (!(await consumeAttempt(ctx.db, perLink, tokenHash, now))) {
    throw new AppError('rate_limited', 'Trop d’essais avec ce lien : faites une nouvelle demande.');
  }
  const account = await validLink(ctx, input.token);
  const methods = await availableSecondFactorMethods(ctx.db, account.agentId);
  if (methods.length > 0) {
    if (!input.code) {
      throw new AppError('unprocessable', 'Saisissez le code de votre méthode de vérification.', {
        errors: [{ field: 'code', rule: 'second_factor_required', message: 'Code de vérification obligatoire pour ce compte.' }],
      });
    }
    await verifySecondFactorCode(ctx, account.agentId, input.method ?? 'totp', input.code, client, 'reset');
  }
  const errors = await validateNewPassword(account, await repo.recentPasswordHashes(ctx.db, account.agentId), input.newPassword);
  if (errors.length > 0) throw new AppError('unprocessable', 'Le nouveau mot de passe ne respecte pas les règles.', { errors });
  const newHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await repo.consumeResetToken(trx, tokenHash, now))) throw new AppError('invalid_reset_link');
    await repo.replacePassword(trx, account.agentId, account.passwordHash, newHash, now);
    await deleteSessionsOfAgent(trx, account.agentId);
    await recordConnectionEvent(trx, { agentId: account.agentId, kind: 'password_reset', result: 'success', at: now, client });
    await enqueueEmail(trx, passwordChangedEmail(ctx, account, client, now, 'reset'), now);
  });
}
