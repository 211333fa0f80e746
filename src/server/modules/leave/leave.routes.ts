import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { MAX_DOCUMENT_BYTES } from '../personal-file/supporting-document.ts';
import { IdempotencyHeaders } from '../requests/index.ts';
import { submitCetDeposit } from './cet.service.ts';
import { hrLeaveRoutes } from './hr-leave.routes.ts';
import { registerLeaveKinds } from './leave-kinds.ts';
import { previewLeave, submitLeave } from './leave-request.service.ts';
import { CetDepositBody, LeavePreview, LeavePreviewQuery, MyLeave, MyLeaveQuery, NewLeaveRequestBody, SubmittedRequest, tags } from './leave.schema.ts';
import { myLeave } from './my-leave.service.ts';
import { teamCalendarRoutes } from './team-calendar.routes.ts';

const problems = { 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };
// A special absence carries its 2 MiB document in base64 (a third larger): this route accepts more than the default.
const REQUEST_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;

export async function leaveRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerLeaveKinds();
  const guard = requireSession(ctx);

  app.get(
    '/api/me/leave',
    {
      schema: { operationId: 'getMyLeave', tags, summary: 'Mes soldes de congés de l’année (droits, pris, en attente, disponibles), mon CET et mes demandes de congé', querystring: MyLeaveQuery, response: { 200: MyLeave } },
      preHandler: guard,
    },
    async (request) => myLeave(ctx, currentSession(request).agentId, (request.query as { year?: number }).year),
  );

  app.get(
    '/api/me/leave/preview',
    {
      schema: {
        operationId: 'previewMyLeaveRequest',
        tags,
        summary: 'Compter les jours d’une demande de congé avant de l’envoyer, avec les mêmes règles que l’envoi (jours fériés, cycle de travail, solde, chevauchements)',
        querystring: LeavePreviewQuery,
        response: { 200: LeavePreview, ...problems },
      },
      preHandler: guard,
    },
    async (request) => previewLeave(ctx, currentSession(request).agentId, request.query as LeavePreviewQuery),
  );

  app.post(
    '/api/me/leave/requests',
    {
      bodyLimit: REQUEST_BODY_LIMIT,
      schema: {
        operationId: 'requestLeave',
        tags,
        summary: 'Demander un congé (congés annuels, RTT, CET) ou une autorisation spéciale d’absence avec son justificatif ; une seule demande par clé d’idempotence',
        headers: IdempotencyHeaders,
        body: NewLeaveRequestBody,
        response: { 200: SubmittedRequest, 201: SubmittedRequest, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const submitted = await submitLeave(ctx, currentSession(request).agentId, request.body as NewLeaveRequestBody, request.headers['idempotency-key'] as string);
      return reply.code(submitted.replayed ? 200 : 201).send(submitted);
    },
  );

  app.post(
    '/api/me/leave/cet-deposits',
    {
      schema: {
        operationId: 'requestCetDeposit',
        tags,
        summary: 'Verser des jours de congés annuels ou de RTT sur mon compte épargne-temps (validation de l’encadrant puis du service RH)',
        headers: IdempotencyHeaders,
        body: CetDepositBody,
        response: { 200: SubmittedRequest, 201: SubmittedRequest, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const submitted = await submitCetDeposit(ctx, currentSession(request).agentId, request.body as CetDepositBody, request.headers['idempotency-key'] as string);
      return reply.code(submitted.replayed ? 200 : 201).send(submitted);
    },
  );

  await teamCalendarRoutes(app, ctx);
  await hrLeaveRoutes(app, ctx);
}
