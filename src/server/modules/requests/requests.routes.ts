import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { delegateApprovals, endDelegation, myDelegations } from './delegations.service.ts';
import { inbox, myRequests, requestDetail } from './request-views.service.ts';
import {
  BulkApproveBody,
  BulkApproveReport,
  CloseReport,
  CloseRequestBody,
  DecisionBody,
  DecisionReport,
  DelegationIdParams,
  DelegationList,
  Inbox,
  MyRequestList,
  MyRequestsQuery,
  NewDelegationBody,
  RequestDetail,
  RequestIdParams,
} from './requests.schema.ts';
import { approveMany, closeOwnRequest, decideRequest } from './requests.service.ts';

const tags = ['demandes et validations'];
const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };

export async function requestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/me/requests',
    { schema: { operationId: 'listMyRequests', tags, summary: 'Mes demandes (congés, télétravail, formation, mobilité…), les plus récentes d’abord', querystring: MyRequestsQuery, response: { 200: MyRequestList } }, preHandler: guard },
    async (request) => {
      const query = request.query as z.infer<typeof MyRequestsQuery>;
      return myRequests(ctx, currentSession(request).agentId, query.status, query.limit);
    },
  );

  app.get(
    '/api/requests/:id',
    { schema: { operationId: 'getRequest', tags, summary: 'Une demande et chacune de ses étapes datées (l’agent, ses valideurs et les RH du périmètre)', params: RequestIdParams, response: { 200: RequestDetail, 404: ProblemResponse } }, preHandler: guard },
    async (request) => requestDetail(ctx, await actorOf(ctx, request), (request.params as { id: string }).id),
  );

  app.post(
    '/api/requests/:id/decision',
    {
      schema: { operationId: 'decideRequest', tags, summary: 'Accepter ou refuser (avec un motif) une demande qui m’attend', params: RequestIdParams, body: DecisionBody, response: { 200: DecisionReport, ...problems } },
      preHandler: guard,
    },
    async (request) => ({ outcome: await decideRequest(ctx, await actorOf(ctx, request), (request.params as { id: string }).id, request.body as z.infer<typeof DecisionBody>) }),
  );

  app.post(
    '/api/me/requests/:id/closing',
    {
      schema: {
        operationId: 'closeMyRequest',
        tags,
        summary: 'Retirer ma demande en attente, ou annuler ma demande acceptée quand c’est encore possible',
        params: RequestIdParams,
        body: CloseRequestBody,
        response: { 200: CloseReport, ...problems },
      },
      preHandler: guard,
    },
    async (request) => ({
      outcome: await closeOwnRequest(ctx, currentSession(request).agentId, (request.params as { id: string }).id, (request.body as z.infer<typeof CloseRequestBody>).comment || null),
    }),
  );

  app.get(
    '/api/inbox',
    { schema: { operationId: 'getApprovalInbox', tags, summary: 'Les demandes qui m’attendent : mon équipe, celles que je valide par délégation, et l’étape RH de mon périmètre', response: { 200: Inbox } }, preHandler: guard },
    async (request) => inbox(ctx, await actorOf(ctx, request)),
  );

  app.post(
    '/api/inbox/approvals',
    {
      schema: { operationId: 'approveRequestsInBulk', tags, summary: 'Accepter d’un coup plusieurs demandes simples ; le résultat de chacune', body: BulkApproveBody, response: { 200: BulkApproveReport, 400: ProblemResponse } },
      preHandler: guard,
    },
    async (request) => ({ results: await approveMany(ctx, await actorOf(ctx, request), (request.body as z.infer<typeof BulkApproveBody>).ids) }),
  );

  app.get(
    '/api/me/delegations',
    { schema: { operationId: 'listMyDelegations', tags, summary: 'Les délégations de validation que j’ai données ou reçues, en cours ou à venir', response: { 200: DelegationList } }, preHandler: guard },
    async (request) => myDelegations(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/delegations',
    {
      schema: { operationId: 'delegateMyApprovals', tags, summary: 'Confier mes validations à un collègue pendant mon absence', body: NewDelegationBody, response: { 201: DelegationList, ...problems } },
      preHandler: guard,
    },
    async (request, reply) => {
      const agentId = currentSession(request).agentId;
      await delegateApprovals(ctx, agentId, request.body as z.infer<typeof NewDelegationBody>);
      return reply.code(201).send(await myDelegations(ctx, agentId));
    },
  );

  app.delete(
    '/api/me/delegations/:id',
    { schema: { operationId: 'endMyDelegation', tags, summary: 'Mettre fin à une délégation que j’ai donnée', params: DelegationIdParams, response: { 204: NoContent, 404: ProblemResponse } }, preHandler: guard },
    async (request, reply) => {
      await endDelegation(ctx, currentSession(request).agentId, (request.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
