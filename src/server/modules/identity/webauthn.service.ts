import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import * as repo from './second-factor.repo.ts';
import { updateSession } from './session.repo.ts';
import type { Session } from './session.service.ts';

// Passkeys are bound to the portal's public host name: a phishing site elsewhere gets nothing usable.
function relyingParty(ctx: AppContext) {
  const url = new URL(ctx.config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: `${ctx.config.org.name} — Nomades` };
}

async function storeChallenge(ctx: AppContext, session: Session, challenge: string): Promise<void> {
  await updateSession(ctx.db, session.idHash, { webauthn_challenge: challenge });
  session.webauthnChallenge = challenge;
}

function takeChallenge(session: Session): string {
  if (!session.webauthnChallenge) throw new AppError('bad_request', 'Demandez d’abord les options de la clé d’accès.');
  return session.webauthnChallenge;
}

export async function registrationOptions(ctx: AppContext, session: Session, user: { badgeNumber: string; displayName: string }) {
  const { rpID, rpName } = relyingParty(ctx);
  const existing = await repo.confirmedFactors(ctx.db, session.agentId, 'webauthn');
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.badgeNumber,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(session.agentId),
    attestationType: 'none',
    excludeCredentials: existing.flatMap((f) =>
      f.webauthn_credential_id ? [{ id: f.webauthn_credential_id, transports: f.webauthn_transports ?? undefined }] : [],
    ),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge(ctx, session, options.challenge);
  return options;
}

export async function verifyRegistration(ctx: AppContext, session: Session, response: unknown) {
  const { rpID, origin } = relyingParty(ctx);
  const expectedChallenge = takeChallenge(session);
  let result;
  try {
    result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch (error) {
    throw new AppError('unprocessable', 'La clé d’accès n’a pas pu être vérifiée.', { cause: error });
  }
  if (!result.verified) throw new AppError('unprocessable', 'La clé d’accès n’a pas pu être vérifiée.');
  const { credential } = result.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
  };
}

export async function authenticationOptions(ctx: AppContext, session: Session) {
  const { rpID } = relyingParty(ctx);
  const factors = await repo.confirmedFactors(ctx.db, session.agentId, 'webauthn');
  if (factors.length === 0) throw new AppError('not_found', 'Aucune clé d’accès enregistrée.');
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: 'preferred',
    allowCredentials: factors.flatMap((f) =>
      f.webauthn_credential_id ? [{ id: f.webauthn_credential_id, transports: f.webauthn_transports ?? undefined }] : [],
    ),
  });
  await storeChallenge(ctx, session, options.challenge);
  return options;
}

// True when the assertion comes from one of the agent's passkeys; the signature counter must not go back.
export async function verifyAuthentication(ctx: AppContext, session: Session, response: unknown): Promise<boolean> {
  const { rpID, origin } = relyingParty(ctx);
  const expectedChallenge = takeChallenge(session);
  await updateSession(ctx.db, session.idHash, { webauthn_challenge: null });
  const credentialId = (response as { id?: unknown })?.id;
  if (typeof credentialId !== 'string') return false;
  const factor = (await repo.confirmedFactors(ctx.db, session.agentId, 'webauthn')).find((f) => f.webauthn_credential_id === credentialId);
  if (!factor?.webauthn_public_key) return false;
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
      credential: {
        id: credentialId,
        publicKey: Buffer.from(factor.webauthn_public_key, 'base64url'),
        counter: Number(factor.webauthn_counter ?? 0),
        transports: factor.webauthn_transports ?? undefined,
      },
    });
    if (!result.verified) return false;
    await ctx.db
      .updateTable('second_factors')
      .set({ webauthn_counter: result.authenticationInfo.newCounter, last_used_at: ctx.clock.now() })
      .where('id', '=', factor.id)
      .execute();
    return true;
  } catch {
    return false;
  }
}
