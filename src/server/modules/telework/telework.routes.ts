import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { IdempotencyHeaders } from '../requests/index.ts';
import { bookFloatingDay, unbookFloatingDay } from './floating-days.service.ts';
import { myTelework } from './my-telework.service.ts';
import { teamTeleworkRoutes } from './team-telework.routes.ts';
import { claimAllowance, myAllowance } from './telework-allowance.ts';
import { endMyTelework } from './telework-ending.service.ts';
import { registerTeleworkKinds } from './telework-kinds.ts';
import { submitTeleworkRequest } from './telework-request.service.ts';
import {
  AgentEndingBody,
  AllowanceClaimBody,
  AllowanceClaimReport,
  EndingReport,
  FloatingDayBooking,
  FloatingDayParams,
  MyAllowance,
  MyTelework,
  NewTeleworkRequestBody,
} from './telework.schema.ts';

const tags = ['télétravail'];
const problems = { 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };
const SubmittedRequest = z.object({ requestId: z.uuid(), answerDueOn: z.iso.date(), replayed: z.boolean() });

const keyOf = (headers: unknown) => (headers as z.infer<typeof IdempotencyHeaders>)['idempotency-key'];
const dateOf = (params: unknown) => (params as z.infer<typeof FloatingDayParams>).date;

export async function teleworkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerTeleworkKinds();
  const guard = requireSession(ctx);

  app.get(
    '/api/me/telework',
    { schema: { operationId: 'getMyTelework', tags, summary: 'Mon télétravail : jours accordés, jours flottants restants, fin d’adaptation, prochain bilan, préavis ; mes demandes', response: { 200: MyTelework } }, preHandler: guard },
    async (request) => myTelework(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/telework/requests',
    {
      schema: {
        operationId: 'requestTelework',
        tags,
        summary: 'Demander le télétravail (jours fixes et/ou quota de jours flottants ; 3 jours par semaine au plus, 2 sur site au moins) ; réponse due sous un mois',
        headers: IdempotencyHeaders,
        body: NewTeleworkRequestBody,
        response: { 200: SubmittedRequest, 201: SubmittedRequest, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const submitted = await submitTeleworkRequest(ctx, currentSession(request).agentId, request.body as NewTeleworkRequestBody, keyOf(request.headers));
      return reply.code(submitted.replayed ? 200 : 201).send(submitted);
    },
  );

  app.put(
    '/api/me/telework/floating-days/:date',
    {
      schema: { operationId: 'bookFloatingTeleworkDay', tags, summary: 'Réserver un jour flottant de télétravail (jour travaillé à venir, dans le quota)', params: FloatingDayParams, response: { 200: FloatingDayBooking, ...problems } },
      preHandler: guard,
    },
    async (request) => bookFloatingDay(ctx, currentSession(request).agentId, dateOf(request.params)),
  );

  app.delete(
    '/api/me/telework/floating-days/:date',
    { schema: { operationId: 'freeFloatingTeleworkDay', tags, summary: 'Libérer un jour flottant réservé à venir', params: FloatingDayParams, response: { 204: NoContent, ...problems } }, preHandler: guard },
    async (request, reply) => {
      await unbookFloatingDay(ctx, currentSession(request).agentId, dateOf(request.params));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/telework/ending',
    {
      schema: { operationId: 'endMyTelework', tags, summary: 'Mettre fin à mon télétravail (préavis de 2 mois, 1 mois pendant l’adaptation) ; mon encadrant est prévenu', body: AgentEndingBody, response: { 200: EndingReport, ...problems } },
      preHandler: guard,
    },
    async (request) => endMyTelework(ctx, currentSession(request).agentId, (request.body as z.infer<typeof AgentEndingBody>).comment || null),
  );

  app.get(
    '/api/me/telework/allowance',
    { schema: { operationId: 'getMyTeleworkAllowance', tags, summary: 'Forfait télétravail : montant par jour, plafond annuel, jours de télétravail des derniers trimestres et mes demandes', response: { 200: MyAllowance } }, preHandler: guard },
    async (request) => myAllowance(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/telework/allowance-requests',
    {
      schema: {
        operationId: 'claimTeleworkAllowance',
        tags,
        summary: 'Demander le forfait télétravail d’un trimestre terminé (2,88 € par jour, 253,44 € par an au plus) ; validé par l’encadrant puis les RH',
        headers: IdempotencyHeaders,
        body: AllowanceClaimBody,
        response: { 200: AllowanceClaimReport, 201: AllowanceClaimReport, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const claim = await claimAllowance(ctx, currentSession(request).agentId, request.body as z.infer<typeof AllowanceClaimBody>, keyOf(request.headers));
      return reply.code(claim.replayed ? 200 : 201).send(claim);
    },
  );

  await teamTeleworkRoutes(app, ctx);
}
