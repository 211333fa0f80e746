import { randomInt } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken } from '../../security/keys.ts';
import { consumeAttempt, type ThrottleRule } from '../../security/throttle.ts';
import { enqueueEmail, enqueueSms } from '../notifications/index.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { lockoutEmail } from './identity-emails.ts';
import * as repo from './second-factor.repo.ts';
import { findAccountByAgentId, registerPasswordFailure, type SignInAccount } from './sign-in.repo.ts';
import { matchingTotpStep } from './totp.ts';
import { inTransaction } from '../../db/transaction.ts';

export const SMS_CODE_VALIDITY_MS = 5 * 60_000;
export const SMS_CODE_MAX_TRIES = 5;
export const RECOVERY_CODE_COUNT = 10;

const smsSending: ThrottleRule = { bucket: 'sms_send', windowMs: 15 * 60_000, freeFailures: 3, maxDelayMs: 15 * 60_000 };

export async function availableSecondFactorMethods(db: Db, agentId: string): Promise<string[]> {
  const factors = await repo.confirmedFactors(db, agentId);
  const kinds = [...new Set(factors.map((f) => f.kind))].sort();
  if (kinds.length === 0) return [];
  const codes = await db
    .selectFrom('recovery_codes')
    .select('id')
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .limit(1)
    .execute();
  return codes.length > 0 ? [...kinds, 'recovery_code'] : kinds;
}

// Recovery codes are read from paper: upper case, no look-alike characters, grouped by five.
const recoveryAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += recoveryAlphabet[randomInt(recoveryAlphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export async function issueRecoveryCodes(ctx: AppContext, db: Db, agentId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await repo.replaceRecoveryCodes(db, agentId, codes.map((c) => hashToken(normaliseRecoveryCode(c))), ctx.clock.now());
  return codes;
}

function smsCodeMac(ctx: AppContext, challengeKey: string, code: string): string {
  return ctx.keys.mac('one-time-code', `${challengeKey}:${code}`);
}

export async function sendSmsCode(ctx: AppContext, agentId: string, phone: string, purpose: 'sign_in' | 'enrol' | 'reset'): Promise<void> {
  const now = ctx.clock.now();
  if (!(await consumeAttempt(ctx.db, smsSending, agentId, now))) {
    throw new AppError('rate_limited', 'Trop de SMS demandés : attendez 15 minutes ou utilisez une autre méthode.');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('sms_challenges')
      .values({ agent_id: agentId, purpose, code_hash: 'pending', created_at: now, expires_at: new Date(now.getTime() + SMS_CODE_VALIDITY_MS) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('sms_challenges').set({ code_hash: smsCodeMac(ctx, row.id, code) }).where('id', '=', row.id).execute();
    await enqueueSms(trx, { to: phone, text: `${ctx.config.org.name} : votre code de vérification est ${code}. Il expire dans 5 minutes. Ne le communiquez à personne.` }, now);
  });
}

async function verifySms(ctx: AppContext, agentId: string, code: string, purpose: string): Promise<boolean> {
  const now = ctx.clock.now();
  const challenge = await repo.latestSmsChallenge(ctx.db, agentId, purpose, now);
  if (!challenge || challenge.attempts >= SMS_CODE_MAX_TRIES) return false;
  const expected = smsCodeMac(ctx, challenge.id, code.trim());
  if (expected !== challenge.code_hash) {
    await repo.countSmsFailure(ctx.db, challenge.id);
    return false;
  }
  return repo.consumeSmsChallenge(ctx.db, challenge.id, now);
}

async function verifyTotp(ctx: AppContext, agentId: string, code: string): Promise<boolean> {
  const now = ctx.clock.now();
  for (const factor of await repo.confirmedFactors(ctx.db, agentId, 'totp')) {
    if (!factor.totp_secret_encrypted) continue;
    const step = matchingTotpStep(ctx.keys.decrypt('totp-secret', factor.totp_secret_encrypted), code.replace(/\s/g, ''), now);
    if (step !== undefined) return repo.claimTotpStep(ctx.db, factor.id, step, now);
  }
  return false;
}

// Checks a code from the authenticator app, an SMS or a recovery code. Failures count towards the same
// lockout as passwords: six digits must not be guessable by brute force.
export async function verifySecondFactorCode(
  ctx: AppContext,
  agentId: string,
  method: string,
  code: string,
  client: ClientInfo,
  smsPurpose: 'sign_in' | 'reset' = 'sign_in',
): Promise<SignInAccount> {
  const now = ctx.clock.now();
  const account = await findAccountByAgentId(ctx.db, agentId);
  if (!account || account.status !== 'active') throw new AppError('unauthenticated');
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new AppError('invalid_code', 'Compte bloqué après trop d’échecs : réessayez dans 30 minutes.');
  }
  let ok = false;
  if (method === 'totp') ok = account.factorKinds.includes('totp') && (await verifyTotp(ctx, agentId, code));
  else if (method === 'sms') ok = await verifySms(ctx, agentId, code, smsPurpose);
  else if (method === 'recovery_code') ok = await repo.useRecoveryCode(ctx.db, agentId, hashToken(normaliseRecoveryCode(code)), now);
  await recordSecondFactorOutcome(ctx, account, method, ok, client);
  if (!ok) throw new AppError('invalid_code', 'Code incorrect, déjà utilisé ou expiré.');
  return account;
}

// Every attempt is in the agent's history; failures count towards the account lockout.
export async function recordSecondFactorOutcome(
  ctx: AppContext,
  account: { agentId: string; email: string; firstName: string },
  method: string,
  ok: boolean,
  client: ClientInfo,
): Promise<void> {
  const now = ctx.clock.now();
  const { agentId } = account;
  const event = { agentId, kind: 'second_factor' as const, result: ok ? ('success' as const) : ('failure' as const), at: now, client, detail: method };
  if (ok) return recordConnectionEvent(ctx.db, event);
  await inTransaction(ctx.db, async (trx) => {
    await recordConnectionEvent(trx, event);
    const { lockedNow } = await registerPasswordFailure(trx, agentId, now, ctx.config.auth.lockoutThreshold, ctx.config.auth.lockoutMs);
    if (lockedNow) {
      await recordConnectionEvent(trx, { agentId, kind: 'lockout', result: 'info', at: now, client });
      await enqueueEmail(trx, lockoutEmail(ctx, account, client, now), now);
    }
  });
}

export async function smsPhoneOf(ctx: AppContext, agentId: string): Promise<string> {
  const [factor] = await repo.confirmedFactors(ctx.db, agentId, 'sms');
  if (!factor?.phone) throw new AppError('not_found', 'Aucun numéro de téléphone enregistré pour les SMS.');
  return factor.phone;
}
