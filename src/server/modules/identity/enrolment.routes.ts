import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import {
  addWebauthnFactor,
  assertMayEnrol,
  confirmSmsEnrolment,
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  removeFactor,
  startSmsEnrolment,
  startTotpEnrolment,
} from './enrolment.service.ts';
import * as repo from './second-factor.repo.ts';
import {
  ConfirmCodeBody,
  EnrolmentResultResponse,
  FactorIdParams,
  RecoveryCodesResponse,
  SecondFactorListResponse,
  StartSmsBody,
  StartTotpBody,
  StartWebauthnBody,
  StartTotpResponse,
  WebauthnOptionsResponse,
  WebauthnResponseBody,
} from './second-factor.schema.ts';
import { currentSession, requireSession } from './session.guard.ts';
import type { Session } from './session.service.ts';
import { setSessionCookie, toNextStep } from './session-cookie.ts';
import { findAccountByAgentId } from './sign-in.repo.ts';
import { registrationOptions, verifyRegistration } from './webauthn.service.ts';

const enrolling = ['active', 'enrol_second_factor'] as const;

// A confirmed factor may complete a sign-in (new session id) and comes with recovery codes the first time.
function enrolmentAnswer(reply: FastifyReply, session: Session, result: { token: string | null; recoveryCodes: string[] | null }) {
  if (result.token) setSessionCookie(reply, result.token);
  return { next: toNextStep(session.stage), recoveryCodes: result.recoveryCodes };
}
const tags = ['vérification en deux étapes'];

export async function enrolmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/second-factors',
    {
      schema: {
        operationId: 'listMySecondFactors',
        tags,
        summary: 'Mes méthodes de vérification, codes de secours restants et règles de ma direction',
        response: { 200: SecondFactorListResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request) => {
      const session = currentSession(request);
      const account = await findAccountByAgentId(ctx.db, session.agentId);
      if (!account) throw new AppError('unauthenticated');
      const factors = await repo.confirmedFactors(ctx.db, session.agentId);
      const codes = await ctx.db.selectFrom('recovery_codes').select('id').where('agent_id', '=', session.agentId).where('used_at', 'is', null).execute();
      const client = clientOf(ctx, request);
      return {
        items: factors.map((f) => ({
          id: f.id,
          kind: f.kind as 'totp' | 'sms' | 'webauthn',
          label: f.label,
          createdAt: f.created_at.toISOString(),
          lastUsedAt: f.last_used_at?.toISOString() ?? null,
        })),
        recoveryCodesLeft: codes.length,
        requiredOutside: account.enhancedAuthOutside,
        requiredInside: account.enhancedAuthInside,
        enrolmentCodeNeeded: !(client.zone === 'internal' || session.mayEnrolWithoutNetwork || session.amr.some((m) => m !== 'pwd')),
      };
    },
  );

  app.post(
    '/api/me/second-factors/totp',
    {
      schema: {
        operationId: 'startTotpEnrolment',
        tags,
        summary: 'Commencer l’enregistrement d’une application d’authentification (QR code et clé secrète)',
        body: StartTotpBody,
        response: { 200: StartTotpResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request) => {
      const session = currentSession(request);
      const body = request.body as { label?: string; enrolmentCode?: string };
      await assertMayEnrol(ctx, session, clientOf(ctx, request), body.enrolmentCode);
      return startTotpEnrolment(ctx, session, body.label);
    },
  );

  app.post(
    '/api/me/second-factors/totp/:id/confirm',
    {
      schema: {
        operationId: 'confirmTotpEnrolment',
        tags,
        summary: 'Confirmer l’application avec un premier code (renvoie les codes de secours la première fois)',
        params: FactorIdParams,
        body: ConfirmCodeBody,
        response: { 200: EnrolmentResultResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const result = await confirmTotpEnrolment(ctx, session, (request.params as { id: string }).id, (request.body as { code: string }).code, clientOf(ctx, request));
      return enrolmentAnswer(reply, session, result);
    },
  );

  app.post(
    '/api/me/second-factors/sms',
    {
      schema: {
        operationId: 'startSmsEnrolment',
        tags,
        summary: 'Enregistrer un numéro de mobile pour recevoir des codes par SMS (moins sûr qu’une application)',
        body: StartSmsBody,
        response: { 200: StartTotpResponse.pick({ factorId: true }), 403: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request) => {
      const session = currentSession(request);
      const body = request.body as { phone: string; label?: string; enrolmentCode?: string };
      await assertMayEnrol(ctx, session, clientOf(ctx, request), body.enrolmentCode);
      return startSmsEnrolment(ctx, session, body.phone, body.label);
    },
  );

  app.post(
    '/api/me/second-factors/sms/:id/confirm',
    {
      schema: {
        operationId: 'confirmSmsEnrolment',
        tags,
        summary: 'Confirmer le numéro avec le code reçu par SMS',
        params: FactorIdParams,
        body: ConfirmCodeBody,
        response: { 200: EnrolmentResultResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const result = await confirmSmsEnrolment(ctx, session, (request.params as { id: string }).id, (request.body as { code: string }).code, clientOf(ctx, request));
      return enrolmentAnswer(reply, session, result);
    },
  );

  app.post(
    '/api/me/second-factors/webauthn/options',
    {
      schema: {
        operationId: 'startPasskeyEnrolment',
        tags,
        summary: 'Options WebAuthn pour enregistrer une clé d’accès (passkey)',
        body: StartWebauthnBody,
        response: { 200: WebauthnOptionsResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request) => {
      const session = currentSession(request);
      await assertMayEnrol(ctx, session, clientOf(ctx, request), (request.body as { enrolmentCode?: string }).enrolmentCode);
      const account = await findAccountByAgentId(ctx.db, session.agentId);
      if (!account) throw new AppError('unauthenticated');
      return registrationOptions(ctx, session, { badgeNumber: account.badgeNumber, displayName: `${account.firstName} ${account.lastName}` });
    },
  );

  app.post(
    '/api/me/second-factors/webauthn/verify',
    {
      schema: {
        operationId: 'finishPasskeyEnrolment',
        tags,
        summary: 'Vérifier et enregistrer la clé d’accès créée par le navigateur',
        body: WebauthnResponseBody,
        response: { 200: EnrolmentResultResponse, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx, enrolling),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const body = request.body as WebauthnResponseBody;
      const credential = await verifyRegistration(ctx, session, body.response);
      const result = await addWebauthnFactor(ctx, session, credential, body.label, clientOf(ctx, request));
      return enrolmentAnswer(reply, session, result);
    },
  );

  app.delete(
    '/api/me/second-factors/:id',
    {
      schema: {
        operationId: 'removeMySecondFactor',
        tags,
        summary: 'Retirer une méthode de vérification (mot de passe confirmé depuis moins de 5 minutes)',
        params: FactorIdParams,
        response: { 204: NoContent, 403: ProblemResponse, 404: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      await removeFactor(ctx, currentSession(request), (request.params as { id: string }).id, clientOf(ctx, request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/recovery-codes',
    {
      schema: {
        operationId: 'regenerateMyRecoveryCodes',
        tags,
        summary: 'Générer 10 nouveaux codes de secours (les anciens ne marchent plus)',
        response: { 200: RecoveryCodesResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => ({ codes: await regenerateRecoveryCodes(ctx, currentSession(request)) }),
  );
}
