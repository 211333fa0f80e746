import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { requireSession } from '../identity/session.guard.ts';
import { AgentDetail, AgentIdParams, DepartureBody, MobilityBody, MobilityResponse, ReasonBody, WelcomeLetterBody } from './accounts.schema.ts';
import { problems, tags } from './agents.routes.ts';
import { hrTarget } from './hr-request.ts';
import { cancelDeparture, reactivateAccount, recordDeparture, suspendAccount } from './lifecycle.service.ts';
import { cancelMobility, requestMobility } from './mobility.service.ts';
import { printWelcomeLetter } from './welcome-letter.service.ts';

const Pdf = z.unknown().describe('La lettre d’accueil, un PDF A4 (application/pdf)');

export async function lifecycleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const reasonRoute = (
    path: string,
    operationId: string,
    summary: string,
    action: 'account.suspend' | 'account.depart' | 'account.update',
    run: typeof suspendAccount,
  ) =>
    app.post(
      path,
      {
        schema: { operationId, tags, summary, params: AgentIdParams, body: ReasonBody, response: { 200: AgentDetail, ...problems } },
        preHandler: requireSession(ctx),
      },
      async (request) => {
        const { h, target } = await hrTarget(ctx, request, action);
        return run(h, target, (request.body as ReasonBody).reason);
      },
    );

  reasonRoute(
    '/api/hr/agents/:id/suspension',
    'suspendAgentAccount',
    'Suspendre le compte tout de suite (motif obligatoire) : toutes ses sessions sont fermées à l’instant',
    'account.suspend',
    suspendAccount,
  );
  reasonRoute(
    '/api/hr/agents/:id/reactivation',
    'reactivateAgentAccount',
    'Lever la suspension (motif obligatoire) : le compte redevient actif, ou en attente avant la date d’arrivée',
    'account.suspend',
    reactivateAccount,
  );
  reasonRoute(
    '/api/hr/agents/:id/departure/cancel',
    'cancelAgentDeparture',
    'Annuler un départ prévu (motif obligatoire) ; un compte déjà fermé ne se rouvre pas',
    'account.depart',
    cancelDeparture,
  );
  reasonRoute(
    '/api/hr/agents/:id/mobility/cancel',
    'cancelAgentMobility',
    'Annuler une mobilité prévue (motif obligatoire)',
    'account.update',
    cancelMobility,
  );

  app.post(
    '/api/hr/agents/:id/departure',
    {
      schema: {
        operationId: 'recordAgentDeparture',
        tags,
        summary:
          'Enregistrer le départ (motif obligatoire). La date est le premier jour sans accès : aujourd’hui ou avant, le compte est fermé tout de suite ; plus tard, il l’est ce jour-là (heure de Paris) par la tâche planifiée',
        params: AgentIdParams,
        body: DepartureBody,
        response: { 200: AgentDetail, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { h, target } = await hrTarget(ctx, request, 'account.depart');
      return recordDeparture(h, target, request.body as DepartureBody);
    },
  );

  app.post(
    '/api/hr/agents/:id/mobility',
    {
      schema: {
        operationId: 'changeAgentDepartment',
        tags,
        summary:
          'Mobilité : changer l’agent de direction (avec service, unité et encadrant de la nouvelle direction), aujourd’hui ou à une date prévue ; la direction quittée le perd de vue',
        params: AgentIdParams,
        body: MobilityBody,
        response: { 200: MobilityResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { h, target } = await hrTarget(ctx, request, 'account.update');
      return requestMobility(h, target, request.body as MobilityBody);
    },
  );

  app.post(
    '/api/hr/agents/:id/welcome-letter',
    {
      schema: {
        operationId: 'printWelcomeLetter',
        tags,
        summary:
          'La lettre d’accueil en PDF. Avec le mot de passe temporaire et le code d’enrôlement que la création vient de donner : imprime ceux-là. Sans : en tire de nouveaux (les anciens cessent de valoir, les sessions sont fermées)',
        params: AgentIdParams,
        body: WelcomeLetterBody,
        produces: ['application/pdf'],
        // A Buffer is never serialised: the schema only documents the answer.
        response: { 200: Pdf, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { h, target } = await hrTarget(ctx, request, 'account.create');
      const { pdf, badgeNumber } = await printWelcomeLetter(h, target, request.body as WelcomeLetterBody);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="lettre-accueil-${badgeNumber}.pdf"`)
        .send(pdf);
    },
  );
}
