import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { ATTACHMENT_BODY_LIMIT, AttachmentFile, sendAttachment, tags } from './attachment-reply.ts';
import {
  AssignBody,
  AttachmentBody,
  AttachmentParams,
  ImpactBody,
  MergeBody,
  QueueQuery,
  QueueResponse,
  StatusBody,
  SupportFollowupBody,
  SupportTicketDetail,
  TicketIdParams,
} from './helpdesk.schema.ts';
import {
  addSupportFollowup,
  assignTicket,
  attachSupportFile,
  changeStatus,
  mergeTicket,
  setImpact,
  supportAttachment,
  supportTicket,
  ticketQueue,
} from './support-tickets.service.ts';

// Support's side: the queue of their perimeter and the work on one ticket. Outside the perimeter: 404.
export async function supportTicketRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const idOf = (request: FastifyRequest) => (request.params as TicketIdParams).ticketId;
  const actor = (request: FastifyRequest) => actorOf(ctx, request);
  const write = { 200: SupportTicketDetail, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };

  app.get(
    '/api/support/tickets',
    {
      schema: { operationId: 'listSupportTickets', tags, summary: 'File des demandes du périmètre : en retard d’abord, puis par priorité et ancienneté ; filtres statut, priorité, catégorie, attribution, retard', querystring: QueueQuery, response: { 200: QueueResponse, 403: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => ticketQueue(ctx, await actor(request), request.query as QueueQuery),
  );

  app.get(
    '/api/support/tickets/:ticketId',
    {
      schema: { operationId: 'getSupportTicket', tags, summary: 'Une demande avec ses suivis publics et privés, ses échéances et les statuts possibles', params: TicketIdParams, response: { 200: SupportTicketDetail, 403: ProblemResponse, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => supportTicket(ctx, await actor(request), idOf(request)),
  );

  app.post(
    '/api/support/tickets/:ticketId/assign',
    {
      schema: { operationId: 'assignSupportTicket', tags, summary: 'Prendre la demande (sans matricule) ou la confier à un collègue du support', params: TicketIdParams, body: AssignBody, response: write },
      preHandler: requireSession(ctx),
    },
    async (request) => assignTicket(ctx, await actor(request), idOf(request), (request.body as AssignBody).assigneeBadgeNumber),
  );

  app.post(
    '/api/support/tickets/:ticketId/impact',
    {
      schema: { operationId: 'setSupportTicketImpact', tags, summary: 'Fixer l’impact ; la priorité suit la matrice urgence × impact', params: TicketIdParams, body: ImpactBody, response: write },
      preHandler: requireSession(ctx),
    },
    async (request) => setImpact(ctx, await actor(request), idOf(request), (request.body as ImpactBody).impact),
  );

  app.post(
    '/api/support/tickets/:ticketId/followups',
    {
      schema: { operationId: 'addSupportTicketFollowup', tags, summary: 'Ajouter un suivi public (l’agent est prévenu) ou privé (jamais montré à l’agent)', params: TicketIdParams, body: SupportFollowupBody, response: write },
      preHandler: requireSession(ctx),
    },
    async (request) => addSupportFollowup(ctx, await actor(request), idOf(request), request.body as SupportFollowupBody),
  );

  app.post(
    '/api/support/tickets/:ticketId/status',
    {
      schema: { operationId: 'changeSupportTicketStatus', tags, summary: 'Mettre en attente, reprendre ou résoudre (la solution est envoyée à l’agent)', params: TicketIdParams, body: StatusBody, response: write },
      preHandler: requireSession(ctx),
    },
    async (request) => changeStatus(ctx, await actor(request), idOf(request), request.body as StatusBody),
  );

  app.post(
    '/api/support/tickets/:ticketId/merge',
    {
      schema: { operationId: 'mergeSupportTicket', tags, summary: 'Fusionner ce doublon dans une autre demande : suivis et pièces déplacés, doublon clos avec un lien ; répond la demande conservée', params: TicketIdParams, body: MergeBody, response: write },
      preHandler: requireSession(ctx),
    },
    async (request) => mergeTicket(ctx, await actor(request), idOf(request), (request.body as MergeBody).intoNumber),
  );

  app.post(
    '/api/support/tickets/:ticketId/attachments',
    {
      schema: { operationId: 'attachToSupportTicket', tags, summary: 'Joindre un fichier à la demande (PDF, JPEG ou PNG, 2 Mo au plus)', params: TicketIdParams, body: AttachmentBody, response: write },
      preHandler: requireSession(ctx),
      bodyLimit: ATTACHMENT_BODY_LIMIT,
    },
    async (request) => attachSupportFile(ctx, await actor(request), idOf(request), request.body as AttachmentBody),
  );

  app.get(
    '/api/support/tickets/:ticketId/attachments/:attachmentId',
    {
      schema: { operationId: 'downloadSupportTicketAttachment', tags, summary: 'Télécharger une pièce jointe de la demande', params: AttachmentParams, response: { 200: AttachmentFile, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { ticketId, attachmentId } = request.params as AttachmentParams;
      return sendAttachment(reply, await supportAttachment(ctx, await actor(request), ticketId, attachmentId));
    },
  );
}
