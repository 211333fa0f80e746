import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { blockedUntil, registerFailure, type ThrottleRule } from '../../security/throttle.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { connectionEventRow, recordConnectionEvent } from './connection-history.repo.ts';
import { lockoutEmail, newDeviceEmail } from './identity-emails.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import * as repo from './sign-in.repo.ts';
import { type SignInState, availableMethods, nextStage, passwordExpiresAt } from './sign-in.policy.ts';
import { newSession, type SessionStage } from './session.service.ts';
import { inTransaction } from '../../db/transaction.ts';

export type SignInResult = { stage: SessionStage; methods: string[]; token: string; agentId: string };

const invalidCredentials = () =>
  new AppError('invalid_credentials', 'Identifiant ou mot de passe incorrect. Après 5 échecs, le compte est bloqué 30 minutes.');

export function ipThrottleRule(ctx: AppContext): ThrottleRule {
  return { bucket: 'sign_in_ip', windowMs: 15 * 60_000, freeFailures: ctx.config.auth.ipThrottleFailures, maxDelayMs: 15 * 60_000 };
}

// Badge number (7 digits, spaces allowed as printed on the payslip) or professional e-mail.
export function parseIdentifier(raw: string): repo.Identifier | undefined {
  const value = raw.normalize('NFKC').trim();
  const digits = value.replace(/[\s.]/g, '');
  if (/^\d{7}$/.test(digits)) return { badgeNumber: digits };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { email: value.toLowerCase() };
  return undefined;
}

// Verifying against this hash when the account is unknown or locked keeps every answer equally slow.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(`decoy-${Math.random()}`));

export async function signIn(
  ctx: AppContext,
  input: { identifier: string; password: string; deviceHash: string },
  client: ClientInfo,
): Promise<SignInResult> {
  const { db, config } = ctx;
  const now = ctx.clock.now();
  const throttle = ipThrottleRule(ctx);
  const blocked = await blockedUntil(db, throttle, client.ip, now);
  if (blocked) {
    const seconds = Math.ceil((blocked.getTime() - now.getTime()) / 1000);
    throw new AppError('rate_limited', `Trop d’échecs depuis votre connexion : réessayez dans ${seconds} s.`, {
      headers: { 'retry-after': String(seconds) },
    });
  }

  const identifier = parseIdentifier(input.identifier);
  const account = identifier ? await repo.findAccountByIdentifier(db, identifier) : undefined;
  const passwordMatches = await verifyPassword(account?.passwordHash ?? (await decoy()), input.password);

  if (!account || !account.passwordHash) {
    await registerFailure(db, throttle, client.ip, now);
    throw invalidCredentials();
  }
  const locked = account.lockedUntil !== null && account.lockedUntil > now;
  if (!passwordMatches || locked || account.status !== 'active') {
    await registerFailure(db, throttle, client.ip, now);
    await inTransaction(db, async (trx) => {
      const detail = account.status !== 'active' ? `account_${account.status}` : locked ? 'locked' : 'wrong_password';
      await recordConnectionEvent(trx, { agentId: account.agentId, kind: 'sign_in', result: 'failure', at: now, client, detail });
      if (detail !== 'wrong_password') return;
      const { lockedNow } = await repo.registerPasswordFailure(trx, account.agentId, now, config.auth.lockoutThreshold, config.auth.lockoutMs);
      if (lockedNow) {
        await recordConnectionEvent(trx, { agentId: account.agentId, kind: 'lockout', result: 'info', at: now, client });
        await enqueueEmail(trx, lockoutEmail(ctx, account, client, now), now);
      }
    });
    throw invalidCredentials();
  }

  const state = signInStateOf(ctx, account, client.zone, { secondFactorPassed: false });
  const stage = nextStage(state);
  if (account.failedAttempts > 0 || account.lockedUntil) await repo.clearFailures(db, account.agentId);
  if (needsRehash(account.passwordHash)) await repo.updatePasswordHash(db, account.agentId, await hashPassword(input.password));
  const session = newSession(ctx, {
    agentId: account.agentId,
    stage,
    amr: ['pwd'],
    client,
    // The temporary password proves HR's letter: enrolling a factor with it is allowed from anywhere.
    mayEnrolWithoutNetwork: client.zone === 'internal' || account.passwordTemporary,
  });
  const { newDevice } = await repo.recordSuccessfulSignIn(db, {
    agentId: account.agentId,
    at: now,
    deviceHash: input.deviceHash,
    event: connectionEventRow({ agentId: account.agentId, kind: 'sign_in', result: 'success', at: now, client }),
    session: session.row,
  });
  if (newDevice && client.zone === 'external') await enqueueEmail(db, newDeviceEmail(ctx, account, client, now), now);
  return { stage, methods: stage === 'second_factor' ? availableMethods(state) : [], token: session.token, agentId: account.agentId };
}

// The sign-in state of an account as loaded by the sign-in repository (no further query).
export function signInStateOf(
  ctx: AppContext,
  account: repo.SignInAccount,
  zone: 'internal' | 'external',
  progress: { secondFactorPassed: boolean },
): SignInState {
  const maxAge = account.privileged ? ctx.config.auth.passwordMaxAgeDaysPrivileged : ctx.config.auth.passwordMaxAgeDays;
  const expiresAt = passwordExpiresAt(account.passwordChangedAt, maxAge);
  const expired = expiresAt !== null && expiresAt <= ctx.clock.now();
  return {
    zone,
    enhancedAuthOutside: account.enhancedAuthOutside,
    enhancedAuthInside: account.enhancedAuthInside,
    factorKinds: account.factorKinds,
    recoveryCodesLeft: account.recoveryCodesLeft,
    secondFactorPassed: progress.secondFactorPassed,
    passwordChangeNeeded: account.passwordTemporary || account.passwordChangeRequired || expired,
  };
}
