import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { amrOf } from './enrolment.service.ts';
import { recordSecondFactorOutcome, sendSmsCode, smsPhoneOf, verifySecondFactorCode } from './second-factor.service.ts';
import { ReauthenticateBody, SecondFactorBody, WebauthnOptionsResponse, WebauthnResponseBody } from './second-factor.schema.ts';
import { currentSession, requireSession } from './session.guard.ts';
import { advanceSession, markReauthenticated, type Session } from './session.service.ts';
import { setSessionCookie, toNextStep } from './session-cookie.ts';
import { nextStage } from './sign-in.policy.ts';
import { findAccountByAgentId, registerPasswordFailure, type SignInAccount } from './sign-in.repo.ts';
import { SignInStepResponse } from './sign-in.schema.ts';
import { signInStateOf } from './sign-in.service.ts';
import { verifyPassword } from './password-hash.ts';
import { authenticationOptions, verifyAuthentication } from './webauthn.service.ts';

const atSecondFactor = ['second_factor'] as const;

async function account(ctx: AppContext, agentId: string) {
  const found = await findAccountByAgentId(ctx.db, agentId);
  if (!found || found.status !== 'active') throw new AppError('unauthenticated');
  return found;
}

// The second factor passed: the session moves on (new id) to a password change, or is complete.
async function completeSecondFactor(ctx: AppContext, session: Session, agent: SignInAccount, method: string, reply: FastifyReply) {
  const state = signInStateOf(ctx, agent, session.zone, { secondFactorPassed: true });
  const rotated = await advanceSession(ctx, session, { stage: nextStage(state), addAmr: amrOf[method] });
  setSessionCookie(reply, rotated.token);
  return { next: toNextStep(session.stage) };
}

export async function secondFactorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/auth/second-factor',
    {
      schema: {
        operationId: 'verifySecondFactor',
        tags: ['authentification'],
        summary: 'Deuxième facteur : code de l’application, code reçu par SMS ou code de secours',
        body: SecondFactorBody,
        response: { 200: SignInStepResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx, atSecondFactor),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const { method, code } = request.body as SecondFactorBody;
      const agent = await verifySecondFactorCode(ctx, session.agentId, method, code, clientOf(ctx, request));
      return completeSecondFactor(ctx, session, agent, method, reply);
    },
  );

  app.post(
    '/api/auth/second-factor/sms/send',
    {
      schema: {
        operationId: 'sendSignInSms',
        tags: ['authentification'],
        summary: 'Envoie un code de connexion par SMS au numéro enregistré (valable 5 minutes, 5 essais)',
        response: { 202: NoContent, 429: ProblemResponse },
      },
      preHandler: requireSession(ctx, atSecondFactor),
    },
    async (request, reply) => {
      const session = currentSession(request);
      await sendSmsCode(ctx, session.agentId, await smsPhoneOf(ctx, session.agentId), 'sign_in');
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/webauthn/authentication/options',
    {
      schema: {
        operationId: 'startPasskeyVerification',
        tags: ['authentification'],
        summary: 'Options WebAuthn pour vérifier l’agent avec sa clé d’accès',
        response: { 200: WebauthnOptionsResponse },
      },
      preHandler: requireSession(ctx, atSecondFactor),
    },
    async (request) => authenticationOptions(ctx, currentSession(request)),
  );

  app.post(
    '/api/auth/webauthn/authentication/verify',
    {
      schema: {
        operationId: 'finishPasskeyVerification',
        tags: ['authentification'],
        summary: 'Vérifie la réponse de la clé d’accès',
        body: WebauthnResponseBody,
        response: { 200: SignInStepResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx, atSecondFactor),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const agent = await account(ctx, session.agentId);
      if (agent.lockedUntil && agent.lockedUntil > ctx.clock.now()) throw new AppError('invalid_code', 'Compte bloqué après trop d’échecs.');
      const ok = await verifyAuthentication(ctx, session, (request.body as WebauthnResponseBody).response);
      await recordSecondFactorOutcome(ctx, agent, 'webauthn', ok, clientOf(ctx, request));
      if (!ok) throw new AppError('invalid_code', 'La clé d’accès n’a pas été reconnue.');
      return completeSecondFactor(ctx, session, agent, 'webauthn', reply);
    },
  );

  app.post(
    '/api/auth/reauthenticate',
    {
      schema: {
        operationId: 'reauthenticate',
        tags: ['authentification'],
        summary: 'Confirmer son mot de passe avant une action sensible (valable 5 minutes)',
        body: ReauthenticateBody,
        response: { 204: NoContent, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const agent = await account(ctx, session.agentId);
      const ok = agent.passwordHash !== null && (await verifyPassword(agent.passwordHash, (request.body as { password: string }).password));
      if (!ok) {
        await registerPasswordFailure(ctx.db, session.agentId, ctx.clock.now(), ctx.config.auth.lockoutThreshold, ctx.config.auth.lockoutMs);
        throw new AppError('unprocessable', 'Mot de passe incorrect.', {
          errors: [{ field: 'password', rule: 'current_password', message: 'Mot de passe incorrect.' }],
        });
      }
      await markReauthenticated(ctx, session);
      return reply.code(204).send();
    },
  );
}
