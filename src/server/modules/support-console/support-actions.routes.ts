import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { requireSession } from '../identity/session.guard.ts';
import { endSessions, issueEnrolmentCodeFor, issueTemporaryPassword, resetSecondFactors, unlockAccount } from './support-actions.service.ts';
import {
  BadgeNumberParams,
  EndSessionsResponse,
  EnrolmentCodeResponse,
  ReasonBody,
  ResetSecondFactorsBody,
  ResetSecondFactorsResponse,
  TemporaryPasswordBody,
  TemporaryPasswordResponse,
  UnlockResponse,
} from './support-console.schema.ts';
import { actingCallerOf, tags } from './support-request.ts';

const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 422: ProblemResponse };

// Each action asks for a reason (5 to 500 characters), kept with it in the audit trail.
export async function supportActionsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const badgeOf = (params: unknown) => (params as BadgeNumberParams).badgeNumber;

  app.post(
    '/api/support/accounts/:badgeNumber/unlock',
    {
      schema: {
        operationId: 'unlockAccount',
        tags,
        summary: 'Débloquer un compte (remet à zéro les échecs de mot de passe)',
        params: BadgeNumberParams,
        body: ReasonBody,
        response: { 200: UnlockResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => unlockAccount(ctx, await actingCallerOf(ctx, request), badgeOf(request.params), (request.body as ReasonBody).reason),
  );

  app.post(
    '/api/support/accounts/:badgeNumber/temporary-password',
    {
      schema: {
        operationId: 'issueSupportTemporaryPassword',
        tags,
        summary:
          'Nouveau mot de passe temporaire, affiché une seule fois (deliverTo=support) ou envoyé par e-mail à l’encadrant (deliverTo=manager) ; ferme les sessions de l’agent. Demande une confirmation du mot de passe de moins de 5 minutes.',
        params: BadgeNumberParams,
        body: TemporaryPasswordBody,
        response: { 200: TemporaryPasswordResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => issueTemporaryPassword(ctx, await actingCallerOf(ctx, request), badgeOf(request.params), request.body as TemporaryPasswordBody),
  );

  app.post(
    '/api/support/accounts/:badgeNumber/enrolment-code',
    {
      schema: {
        operationId: 'issueSupportEnrolmentCode',
        tags,
        summary:
          'Code d’enrôlement (affiché une seule fois, valable 72 heures) pour qu’un agent hors du réseau enregistre une méthode de vérification. Demande une confirmation du mot de passe de moins de 5 minutes.',
        params: BadgeNumberParams,
        body: ReasonBody,
        response: { 200: EnrolmentCodeResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => issueEnrolmentCodeFor(ctx, await actingCallerOf(ctx, request), badgeOf(request.params), (request.body as ReasonBody).reason),
  );

  app.post(
    '/api/support/accounts/:badgeNumber/second-factors/reset',
    {
      schema: {
        operationId: 'resetSecondFactors',
        tags,
        summary:
          'Retirer toutes les méthodes de vérification et codes de secours après vérification d’identité (liste GET /api/support/identity-checklist) ; ferme les sessions, prévient l’agent, donne un code d’enrôlement. Demande une confirmation du mot de passe de moins de 5 minutes.',
        params: BadgeNumberParams,
        body: ResetSecondFactorsBody,
        response: { 200: ResetSecondFactorsResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => resetSecondFactors(ctx, await actingCallerOf(ctx, request), badgeOf(request.params), request.body as ResetSecondFactorsBody),
  );

  app.post(
    '/api/support/accounts/:badgeNumber/sessions/end',
    {
      schema: {
        operationId: 'endAccountSessions',
        tags,
        summary: 'Fermer toutes les sessions d’un compte',
        params: BadgeNumberParams,
        body: ReasonBody,
        response: { 200: EndSessionsResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => endSessions(ctx, await actingCallerOf(ctx, request), badgeOf(request.params), (request.body as ReasonBody).reason),
  );
}
