import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import {
  AgentDetail,
  AgentIdParams,
  AgentListQuery,
  AgentListResponse,
  CreateAgentBody,
  CreatedAgentResponse,
  HrReferenceResponse,
  UpdateAgentBody,
  UpdatedAgentResponse,
} from './accounts.schema.ts';
import { createAgent, getAgent, hrReference, listAgents, updateAgent } from './agent-admin.service.ts';
import { hrActor, hrTarget } from './hr-request.ts';

export const tags = ['comptes des agents (RH)'];
export const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse };

export async function agentsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/hr/reference',
    {
      schema: {
        operationId: 'getHrReference',
        tags,
        summary: 'Les listes des formulaires RH : directions (gérables ou non) avec services et unités, sites, profils métier, grades',
        response: { 200: HrReferenceResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const actor = await actorOf(ctx, request);
      assertAllowed(actor, 'account.view');
      return hrReference(ctx, actor);
    },
  );

  app.get(
    '/api/hr/agents',
    {
      schema: {
        operationId: 'listHrAgents',
        tags,
        summary: 'Chercher les agents de son périmètre (nom, matricule, e-mail, intitulé de poste), par statut, direction, service ; paginé',
        querystring: AgentListQuery,
        response: { 200: AgentListResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const actor = await actorOf(ctx, request);
      assertAllowed(actor, 'account.view');
      return listAgents(ctx, actor, request.query as AgentListQuery);
    },
  );

  app.post(
    '/api/hr/agents',
    {
      schema: {
        operationId: 'createAgentAccount',
        tags,
        summary:
          'Créer un agent et son compte (en attente jusqu’à sa date d’arrivée) ; la réponse donne une seule fois le mot de passe temporaire et le code d’enrôlement. Direction hors périmètre : 403 (erreur sur departmentCode)',
        body: CreateAgentBody,
        response: { 201: CreatedAgentResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const h = await hrActor(ctx, request, 'account.create');
      return reply.code(201).send(await createAgent(h, request.body as CreateAgentBody));
    },
  );

  app.get(
    '/api/hr/agents/:id',
    {
      schema: {
        operationId: 'getHrAgent',
        tags,
        summary: 'La fiche d’un agent et l’état de son compte (statut, mot de passe temporaire, blocage, dernière connexion) ; 404 hors périmètre',
        params: AgentIdParams,
        response: { 200: AgentDetail, 403: ProblemResponse, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { h, target } = await hrTarget(ctx, request, 'account.view');
      return getAgent(ctx, h.actor, target);
    },
  );

  app.patch(
    '/api/hr/agents/:id',
    {
      schema: {
        operationId: 'updateHrAgent',
        tags,
        summary: 'Modifier la fiche professionnelle d’un agent (chaque champ modifié est tracé) ; la direction se change par une mobilité',
        params: AgentIdParams,
        body: UpdateAgentBody,
        response: { 200: UpdatedAgentResponse, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { h, target } = await hrTarget(ctx, request, 'account.update');
      return updateAgent(h, target, request.body as UpdateAgentBody);
    },
  );
}
