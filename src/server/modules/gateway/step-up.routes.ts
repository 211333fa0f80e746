import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { hasSecondFactor } from '../applications/visitor.ts';
import { amrOf } from '../identity/enrolment.service.ts';
import { WebauthnOptionsResponse, WebauthnResponseBody } from '../identity/second-factor.schema.ts';
import {
  availableSecondFactorMethods,
  recordSecondFactorOutcome,
  sendSmsCode,
  smsPhoneOf,
  verifySecondFactorCode,
} from '../identity/second-factor.service.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { advanceSession, type Session } from '../identity/session.service.ts';
import { setSessionCookie } from '../identity/session-cookie.ts';
import { findAccountByAgentId } from '../identity/sign-in.repo.ts';
import { authenticationOptions, verifyAuthentication } from '../identity/webauthn.service.ts';
import { StepUpBody, type StepUpMethod, StepUpStateResponse } from './gateway.schema.ts';

const tags = ['authentification'];
const stepUpMethods = new Set<string>(['totp', 'sms', 'recovery_code', 'webauthn']);

// The session now holds a second factor (new id, as at every privilege step): the apps that asked for one open.
async function raise(ctx: AppContext, session: Session, method: string, reply: FastifyReply) {
  const rotated = await advanceSession(ctx, session, { stage: 'active', addAmr: amrOf[method], reauthenticated: true });
  setSessionCookie(reply, rotated.token);
  return reply.code(204).send();
}

/**
 * Step-up: an agent signed in with the password alone (inside the city network, say) proves a second factor
 * in the same session when an application asks for one. Same checks and lockout as at sign-in.
 */
export async function stepUpRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/auth/step-up',
    {
      schema: {
        operationId: 'getStepUpState',
        tags,
        summary: 'Vérification renforcée : la session a-t-elle déjà un second facteur, et par quelles méthodes le prouver',
        response: { 200: StepUpStateResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const session = currentSession(request);
      const methods = (await availableSecondFactorMethods(ctx.db, session.agentId)).filter((m) => stepUpMethods.has(m)) as StepUpMethod[];
      return { done: hasSecondFactor(session.amr), methods };
    },
  );

  app.post(
    '/api/auth/step-up',
    {
      schema: {
        operationId: 'stepUp',
        tags,
        summary: 'Prouver un second facteur dans la session en cours : code de l’application, code reçu par SMS ou code de secours',
        body: StepUpBody,
        response: { 204: NoContent, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const { method, code } = request.body as StepUpBody;
      await verifySecondFactorCode(ctx, session.agentId, method, code, clientOf(ctx, request));
      return raise(ctx, session, method, reply);
    },
  );

  app.post(
    '/api/auth/step-up/sms',
    {
      schema: {
        operationId: 'sendStepUpSms',
        tags,
        summary: 'Envoie un code par SMS au numéro enregistré, pour la vérification renforcée (valable 5 minutes)',
        response: { 202: NoContent, 404: ProblemResponse, 429: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { agentId } = currentSession(request);
      await sendSmsCode(ctx, agentId, await smsPhoneOf(ctx, agentId), 'sign_in');
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/step-up/passkey/options',
    {
      schema: {
        operationId: 'startStepUpPasskey',
        tags,
        summary: 'Options WebAuthn pour la vérification renforcée avec une clé d’accès',
        response: { 200: WebauthnOptionsResponse, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => authenticationOptions(ctx, currentSession(request)),
  );

  app.post(
    '/api/auth/step-up/passkey',
    {
      schema: {
        operationId: 'finishStepUpPasskey',
        tags,
        summary: 'Vérifie la clé d’accès et renforce la session',
        body: WebauthnResponseBody,
        response: { 204: NoContent, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const account = await findAccountByAgentId(ctx.db, session.agentId);
      if (!account || account.status !== 'active') throw new AppError('unauthenticated');
      if (account.lockedUntil && account.lockedUntil > ctx.clock.now()) throw new AppError('invalid_code', 'Compte bloqué après trop d’échecs.');
      const ok = await verifyAuthentication(ctx, session, (request.body as WebauthnResponseBody).response);
      await recordSecondFactorOutcome(ctx, account, 'webauthn', ok, clientOf(ctx, request));
      if (!ok) throw new AppError('invalid_code', 'La clé d’accès n’a pas été reconnue.');
      return raise(ctx, session, 'webauthn', reply);
    },
  );
}
