import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { ATTACHMENT_BODY_LIMIT, AttachmentFile, sendAttachment, tags } from './attachment-reply.ts';
import { CANNOT_SIGN_IN_ANSWER, reportCannotSignIn } from './cannot-sign-in.service.ts';
import {
  AttachmentBody,
  AttachmentParams,
  CannotSignInBody,
  CannotSignInResponse,
  FollowupBody,
  MyTicketsResponse,
  NewTicketBody,
  SatisfactionBody,
  SolutionAnswerBody,
  TicketDetail,
  TicketIdParams,
} from './helpdesk.schema.ts';
import { addMyFollowup, answerSolution, attachMyFile, fileTicket, myAttachment, myTicket, myTickets, rateTicket } from './my-tickets.service.ts';
import { supportTicketRoutes } from './support-tickets.routes.ts';

// The agent's helpdesk (their own tickets), the sign-in page's "I cannot sign in", and support's queue.
export async function helpdeskRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const agentOf = (request: Parameters<typeof currentSession>[0]) => currentSession(request).agentId;
  const idOf = (request: { params: unknown }) => (request.params as TicketIdParams).ticketId;

  app.post(
    '/api/help/cannot-sign-in',
    {
      schema: {
        operationId: 'reportCannotSignIn',
        tags,
        summary: 'Sans session : « je n’arrive pas à me connecter », matricule et moyen de rappel ; la même réponse 202 que le matricule existe ou non',
        body: CannotSignInBody,
        response: { 202: CannotSignInResponse, 400: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as CannotSignInBody;
      const { known } = await reportCannotSignIn(ctx, body, request.ip);
      // Logged, never answered: support can see someone tried a badge that matches nobody.
      if (!known) request.log.info({ badgeNumber: body.badgeNumber }, 'cannot-sign-in request for an unknown badge number');
      return reply.code(202).send({ message: CANNOT_SIGN_IN_ANSWER });
    },
  );

  app.post(
    '/api/help/tickets',
    {
      schema: { operationId: 'fileHelpTicket', tags, summary: 'Ouvrir une demande d’assistance (incident ou demande)', body: NewTicketBody, response: { 201: TicketDetail, 400: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => reply.code(201).send(await fileTicket(ctx, agentOf(request), request.body as NewTicketBody)),
  );

  app.get(
    '/api/help/tickets',
    {
      schema: { operationId: 'listMyHelpTickets', tags, summary: 'Mes demandes d’assistance, de la plus récente à la plus ancienne', response: { 200: MyTicketsResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => myTickets(ctx, agentOf(request)),
  );

  app.get(
    '/api/help/tickets/:ticketId',
    {
      schema: { operationId: 'getMyHelpTicket', tags, summary: 'Une de mes demandes : suivis publics, pièces jointes, solution', params: TicketIdParams, response: { 200: TicketDetail, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => myTicket(ctx, agentOf(request), idOf(request)),
  );

  app.post(
    '/api/help/tickets/:ticketId/followups',
    {
      schema: { operationId: 'addMyHelpTicketFollowup', tags, summary: 'Ajouter un message à ma demande (la remet entre les mains du support si elle attendait ma réponse)', params: TicketIdParams, body: FollowupBody, response: { 201: TicketDetail, 404: ProblemResponse, 409: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => reply.code(201).send(await addMyFollowup(ctx, agentOf(request), idOf(request), (request.body as FollowupBody).body)),
  );

  app.post(
    '/api/help/tickets/:ticketId/attachments',
    {
      schema: { operationId: 'attachToMyHelpTicket', tags, summary: 'Joindre un fichier à ma demande (PDF, JPEG ou PNG, 2 Mo au plus)', params: TicketIdParams, body: AttachmentBody, response: { 201: TicketDetail, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse } },
      preHandler: requireSession(ctx),
      bodyLimit: ATTACHMENT_BODY_LIMIT,
    },
    async (request, reply) => reply.code(201).send(await attachMyFile(ctx, agentOf(request), idOf(request), request.body as AttachmentBody)),
  );

  app.get(
    '/api/help/tickets/:ticketId/attachments/:attachmentId',
    {
      schema: { operationId: 'downloadMyHelpTicketAttachment', tags, summary: 'Télécharger une pièce jointe de ma demande', params: AttachmentParams, response: { 200: AttachmentFile, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { ticketId, attachmentId } = request.params as AttachmentParams;
      return sendAttachment(reply, await myAttachment(ctx, agentOf(request), ticketId, attachmentId));
    },
  );

  app.post(
    '/api/help/tickets/:ticketId/solution',
    {
      schema: { operationId: 'answerHelpTicketSolution', tags, summary: 'Confirmer la solution (la demande est close) ou dire ce qui ne fonctionne toujours pas (elle repart au support)', params: TicketIdParams, body: SolutionAnswerBody, response: { 200: TicketDetail, 404: ProblemResponse, 409: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => answerSolution(ctx, agentOf(request), idOf(request), request.body as SolutionAnswerBody),
  );

  app.post(
    '/api/help/tickets/:ticketId/satisfaction',
    {
      schema: { operationId: 'rateHelpTicket', tags, summary: 'Donner son avis (1 à 5 et un commentaire) sur une demande close, une seule fois', params: TicketIdParams, body: SatisfactionBody, response: { 200: TicketDetail, 404: ProblemResponse, 409: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => rateTicket(ctx, agentOf(request), idOf(request), request.body as SatisfactionBody),
  );

  await supportTicketRoutes(app, ctx);
}
