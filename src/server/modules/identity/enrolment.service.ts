import QRCode from 'qrcode';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import { secondFactorChangedEmail } from './identity-emails.ts';
import * as repo from './second-factor.repo.ts';
import { issueRecoveryCodes, sendSmsCode } from './second-factor.service.ts';
import { advanceSession, isRecentlyAuthenticated, type Session } from './session.service.ts';
import { findAccountByAgentId } from './sign-in.repo.ts';
import { matchingTotpStep, newTotpSecret, totpUri } from './totp.ts';
import { inTransaction } from '../../db/transaction.ts';

export const amrOf: Record<string, string> = { totp: 'otp', sms: 'sms', webauthn: 'hwk', recovery_code: 'otp' };

const kindLabels: Record<string, string> = { totp: 'Application d’authentification', sms: 'SMS', webauthn: 'Clé d’accès' };

export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// Enrolling with a password alone from outside is what a thief with a stolen password would do: it is only
// allowed with HR's temporary password (first sign-in), from the city network, with IT support's
// enrolment code, or in a session that already passed a second factor.
export async function assertMayEnrol(ctx: AppContext, session: Session, client: ClientInfo, enrolmentCode?: string): Promise<void> {
  if (session.stage === 'active' && !isRecentlyAuthenticated(ctx, session)) {
    throw new AppError('reauthentication_required', 'Confirmez votre mot de passe pour modifier vos méthodes de vérification.');
  }
  if (client.zone === 'internal' || session.mayEnrolWithoutNetwork || session.amr.some((m) => m !== 'pwd')) return;
  if (enrolmentCode && (await enrolmentCodeIsValid(ctx, session.agentId, enrolmentCode))) return;
  throw new AppError(
    'forbidden',
    enrolmentCode
      ? 'Code d’enrôlement incorrect ou expiré. Demandez-en un nouveau à l’assistance informatique.'
      : 'Depuis l’extérieur du réseau de la collectivité, l’enregistrement d’une méthode de vérification demande le code d’enrôlement remis par l’assistance informatique.',
  );
}

async function enrolmentCodeIsValid(ctx: AppContext, agentId: string, code: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('accounts')
    .select(['enrolment_code_hash', 'enrolment_code_expires_at'])
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  if (!row?.enrolment_code_hash || !row.enrolment_code_expires_at || row.enrolment_code_expires_at <= ctx.clock.now()) return false;
  return ctx.keys.verifyMac('enrolment-code', normaliseEnrolmentCode(code), row.enrolment_code_hash);
}

async function account(ctx: AppContext, agentId: string) {
  const found = await findAccountByAgentId(ctx.db, agentId);
  if (!found) throw new AppError('unauthenticated');
  return found;
}

export async function startTotpEnrolment(ctx: AppContext, session: Session, label: string | undefined) {
  const agent = await account(ctx, session.agentId);
  const secret = newTotpSecret();
  const uri = totpUri(secret, `${ctx.config.org.name} Nomades`, agent.badgeNumber);
  const factor = await inTransaction(ctx.db, async (trx) => {
    await trx.deleteFrom('second_factors').where('agent_id', '=', session.agentId).where('confirmed_at', 'is', null).execute();
    return trx
      .insertInto('second_factors')
      .values({
        agent_id: session.agentId,
        kind: 'totp',
        label: label ?? kindLabels.totp!,
        totp_secret_encrypted: ctx.keys.encrypt('totp-secret', secret),
        created_at: ctx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    factorId: factor.id,
    secret: secret.match(/.{1,4}/g)!.join(' '),
    otpauthUri: uri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrCodeSvg).toString('base64')}`,
  };
}

export async function startSmsEnrolment(ctx: AppContext, session: Session, phone: string, label: string | undefined) {
  const factor = await inTransaction(ctx.db, async (trx) => {
    await trx.deleteFrom('second_factors').where('agent_id', '=', session.agentId).where('confirmed_at', 'is', null).execute();
    return trx
      .insertInto('second_factors')
      .values({ agent_id: session.agentId, kind: 'sms', label: label ?? `SMS au ${maskPhone(phone)}`, phone, created_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  await sendSmsCode(ctx, session.agentId, phone, 'enrol');
  return { factorId: factor.id };
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 4)} •• •• ${phone.slice(-4, -2)} ${phone.slice(-2)}`;
}

async function pendingFactor(ctx: AppContext, session: Session, factorId: string, kind: string) {
  const factor = await repo.findFactor(ctx.db, session.agentId, factorId);
  if (!factor || factor.kind !== kind) throw new AppError('not_found', 'Cet enregistrement n’existe pas ou a expiré : recommencez.');
  if (factor.confirmed_at) throw new AppError('conflict', 'Cette méthode est déjà enregistrée.');
  return factor;
}

export async function confirmTotpEnrolment(ctx: AppContext, session: Session, factorId: string, code: string, client: ClientInfo) {
  const factor = await pendingFactor(ctx, session, factorId, 'totp');
  const step = matchingTotpStep(ctx.keys.decrypt('totp-secret', factor.totp_secret_encrypted ?? ''), code.replace(/\s/g, ''), ctx.clock.now());
  if (step === undefined) throw new AppError('invalid_code', 'Code incorrect : vérifiez l’heure de votre téléphone et saisissez le code affiché.');
  return confirmFactor(ctx, session, factor.id, 'totp', factor.label, client, { totp_last_step: step });
}

export async function confirmSmsEnrolment(ctx: AppContext, session: Session, factorId: string, code: string, client: ClientInfo) {
  const factor = await pendingFactor(ctx, session, factorId, 'sms');
  const challenge = await repo.latestSmsChallenge(ctx.db, session.agentId, 'enrol', ctx.clock.now());
  const ok = challenge && challenge.attempts < 5 && ctx.keys.verifyMac('one-time-code', `${challenge.id}:${code.trim()}`, challenge.code_hash);
  if (!challenge || !ok) {
    if (challenge) await repo.countSmsFailure(ctx.db, challenge.id);
    throw new AppError('invalid_code', 'Code incorrect ou expiré : demandez un nouveau SMS.');
  }
  await repo.consumeSmsChallenge(ctx.db, challenge.id, ctx.clock.now());
  return confirmFactor(ctx, session, factor.id, 'sms', factor.label, client, {});
}

export async function addWebauthnFactor(
  ctx: AppContext,
  session: Session,
  credential: { credentialId: string; publicKey: string; counter: number; transports: string[] },
  label: string | undefined,
  client: ClientInfo,
) {
  const factor = await ctx.db
    .insertInto('second_factors')
    .values({
      agent_id: session.agentId,
      kind: 'webauthn',
      label: label ?? kindLabels.webauthn!,
      webauthn_credential_id: credential.credentialId,
      webauthn_public_key: credential.publicKey,
      webauthn_counter: credential.counter,
      webauthn_transports: credential.transports,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('webauthn_credential_id').doNothing())
    .returning(['id', 'label'])
    .executeTakeFirst();
  if (!factor) throw new AppError('conflict', 'Cette clé d’accès est déjà enregistrée.');
  return confirmFactor(ctx, session, factor.id, 'webauthn', factor.label, client, {});
}

// One transaction: the factor becomes usable, the enrolment code is spent, recovery codes exist, the agent
// is told; a first enrolment during sign-in then completes the session.
async function confirmFactor(
  ctx: AppContext,
  session: Session,
  factorId: string,
  kind: string,
  label: string,
  client: ClientInfo,
  extra: { totp_last_step?: number },
): Promise<{ recoveryCodes: string[] | null; token: string | null }> {
  const now = ctx.clock.now();
  const agent = await account(ctx, session.agentId);
  const recoveryCodes = await inTransaction(ctx.db, async (trx: Db) => {
    await trx.updateTable('second_factors').set({ confirmed_at: now, last_used_at: now, ...extra }).where('id', '=', factorId).execute();
    await trx.updateTable('accounts').set({ enrolment_code_hash: null, enrolment_code_expires_at: null }).where('agent_id', '=', session.agentId).execute();
    const unused = await trx.selectFrom('recovery_codes').select('id').where('agent_id', '=', session.agentId).where('used_at', 'is', null).limit(1).execute();
    const codes = unused.length === 0 ? await issueRecoveryCodes(ctx, trx, session.agentId) : null;
    await recordConnectionEvent(trx, { agentId: session.agentId, kind: 'second_factor_added', result: 'success', at: now, client, detail: kind });
    await enqueueEmail(trx, secondFactorChangedEmail(ctx, agent, client, now, 'added', label), now);
    return codes;
  });
  let token: string | null = null;
  if (session.stage === 'enrol_second_factor') {
    token = (await advanceSession(ctx, session, { stage: 'active', addAmr: amrOf[kind], reauthenticated: true })).token;
  }
  return { recoveryCodes, token };
}

export async function removeFactor(ctx: AppContext, session: Session, factorId: string, client: ClientInfo): Promise<void> {
  if (!isRecentlyAuthenticated(ctx, session)) {
    throw new AppError('reauthentication_required', 'Confirmez votre mot de passe pour retirer une méthode de vérification.');
  }
  const factor = await repo.findFactor(ctx.db, session.agentId, factorId);
  if (!factor?.confirmed_at) throw new AppError('not_found', 'Cette méthode de vérification n’existe pas.');
  const remaining = (await repo.confirmedFactors(ctx.db, session.agentId)).filter((f) => f.id !== factorId);
  if (remaining.length === 0 && client.zone !== 'internal') {
    throw new AppError('unprocessable', 'Vous ne pouvez pas retirer votre dernière méthode de vérification depuis l’extérieur : vous ne pourriez plus vous connecter à distance. Ajoutez-en une autre d’abord.');
  }
  const agent = await account(ctx, session.agentId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await trx.deleteFrom('second_factors').where('id', '=', factorId).execute();
    if (remaining.length === 0) await trx.deleteFrom('recovery_codes').where('agent_id', '=', session.agentId).execute();
    await recordConnectionEvent(trx, { agentId: session.agentId, kind: 'second_factor_removed', result: 'info', at: now, client, detail: factor.kind });
    await enqueueEmail(trx, secondFactorChangedEmail(ctx, agent, client, now, 'removed', factor.label), now);
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, session: Session): Promise<string[]> {
  if (!isRecentlyAuthenticated(ctx, session)) {
    throw new AppError('reauthentication_required', 'Confirmez votre mot de passe pour générer de nouveaux codes de secours.');
  }
  if ((await repo.confirmedFactors(ctx.db, session.agentId)).length === 0) {
    throw new AppError('unprocessable', 'Enregistrez d’abord une méthode de vérification.');
  }
  return inTransaction(ctx.db, (trx) => issueRecoveryCodes(ctx, trx, session.agentId));
}
