import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { AdvanceReplacementBody, DeclareLossBody, IdParams, OpenReplacementList, ProfessionalCardView } from './professional-card.schema.ts';
import { advanceReplacement, agentCardView, cardView, declareLoss, openReplacements } from './professional-card.service.ts';

const tags = ['carte professionnelle'];

export async function professionalCardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/professional-card',
    {
      schema: { operationId: 'getMyProfessionalCard', tags, summary: 'Ma carte professionnelle et le suivi de ses remplacements', response: { 200: ProfessionalCardView } },
      preHandler: requireSession(ctx),
    },
    async (request) => cardView(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/professional-card/loss',
    {
      schema: {
        operationId: 'declareProfessionalCardLoss',
        tags,
        summary: 'J’ai perdu ma carte professionnelle (ou on me l’a volée) : elle est bloquée aussitôt et son remplacement lancé',
        body: DeclareLossBody,
        response: { 201: ProfessionalCardView, 400: ProblemResponse, 409: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => reply.code(201).send(await declareLoss(ctx, currentSession(request).agentId, request.body as DeclareLossBody)),
  );

  app.get(
    '/api/hr/professional-card/replacements',
    {
      schema: {
        operationId: 'listOpenCardReplacements',
        tags,
        summary: 'Les remplacements de cartes en cours dans mon périmètre, les plus anciens d’abord',
        response: { 200: OpenReplacementList, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const actor = await actorOf(ctx, request);
      assertAllowed(actor, 'professional_card.manage');
      return openReplacements(ctx, actor);
    },
  );

  app.get(
    '/api/hr/agents/:id/professional-card',
    {
      schema: {
        operationId: 'getAgentProfessionalCard',
        tags,
        summary: 'La carte professionnelle d’un agent du périmètre et ses remplacements',
        params: IdParams,
        response: { 200: ProfessionalCardView, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => agentCardView(ctx, await actorOf(ctx, request), (request.params as { id: string }).id),
  );

  app.post(
    '/api/hr/professional-card/replacements/:id/stage',
    {
      schema: {
        operationId: 'advanceCardReplacement',
        tags,
        summary: 'Passer un remplacement de carte à l’étape suivante (commandée, prête à retirer, remise) : l’agent est prévenu',
        params: IdParams,
        body: AdvanceReplacementBody,
        response: { 200: ProfessionalCardView, 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) =>
      advanceReplacement(ctx, await actorOf(ctx, request), await auditActorOf(ctx, request), (request.params as { id: string }).id, request.body as AdvanceReplacementBody),
  );
}
