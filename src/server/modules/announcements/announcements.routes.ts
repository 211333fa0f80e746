import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { Announcement, AnnouncementFields, AnnouncementList, IdParams, PublishedAnnouncementList, ServiceStatusPage } from './announcements.schema.ts';
import {
  agentAnnouncements,
  dismissAnnouncement,
  endAnnouncement,
  publicAnnouncements,
  publishAnnouncement,
  publishedAnnouncements,
  reviseAnnouncement,
} from './announcements.service.ts';
import { serviceStatus } from './service-status.service.ts';

const tags = ['annonces'];
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

export async function announcementsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);
  // Checked before the body is: an agent learns nothing from the validation errors.
  const supportOnly = [guard, async (request: FastifyRequest) => assertAllowed(await actorOf(ctx, request), 'announcement.publish')];

  app.get(
    '/api/announcements',
    { schema: { operationId: 'listPublicAnnouncements', tags, summary: 'Les annonces en cours adressées à tous (page de connexion)', response: { 200: AnnouncementList } } },
    async () => ({ items: await publicAnnouncements(ctx.db, ctx.clock.now()) }),
  );

  app.get(
    '/api/me/announcements',
    {
      schema: { operationId: 'listMyAnnouncements', tags, summary: 'Les annonces en cours pour moi : à tous et à ma direction, sauf celles que j’ai masquées', response: { 200: AnnouncementList } },
      preHandler: guard,
    },
    async (request) => ({ items: await agentAnnouncements(ctx.db, ctx.clock.now(), currentSession(request).agentId) }),
  );

  app.post(
    '/api/me/announcements/:id/dismissal',
    {
      schema: {
        operationId: 'dismissAnnouncement',
        tags,
        summary: 'Masquer une information (les maintenances et incidents restent affichés)',
        params: IdParams,
        response: { 204: NoContent, 404: ProblemResponse, 409: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      await dismissAnnouncement(ctx.db, ctx.clock.now(), currentSession(request).agentId, idOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/service-status',
    { schema: { operationId: 'getServiceStatus', tags, summary: 'État des services et incidents des 90 derniers jours (public)', response: { 200: ServiceStatusPage } } },
    async () => serviceStatus(ctx.db, ctx.clock.now()),
  );

  app.get(
    '/api/support/announcements',
    {
      schema: { operationId: 'listPublishedAnnouncements', tags, summary: 'Toutes les annonces publiées, à venir, en cours et terminées (support)', response: { 200: PublishedAnnouncementList, 403: ProblemResponse } },
      preValidation: supportOnly,
    },
    async () => ({ items: await publishedAnnouncements(ctx.db, ctx.clock.now()) }),
  );

  app.post(
    '/api/support/announcements',
    {
      schema: {
        operationId: 'publishAnnouncement',
        tags,
        summary: 'Publier une annonce : maintenance, incident ou information, pour tous ou des directions (tracé)',
        body: AnnouncementFields,
        response: { 201: Announcement, 400: ProblemResponse, 403: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request, reply) => {
      const actor = await auditActorOf(ctx, request);
      const published = await publishAnnouncement(ctx.db, ctx.clock, { ...actor, agentId: currentSession(request).agentId }, request.body as AnnouncementFields);
      return reply.code(201).send(published);
    },
  );

  app.put(
    '/api/support/announcements/:id',
    {
      schema: {
        operationId: 'reviseAnnouncement',
        tags,
        summary: 'Modifier une annonce : texte, dates, directions visées (tracé)',
        params: IdParams,
        body: AnnouncementFields,
        response: { 200: Announcement, 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request) => reviseAnnouncement(ctx.db, ctx.clock, await auditActorOf(ctx, request), idOf(request), request.body as AnnouncementFields),
  );

  app.post(
    '/api/support/announcements/:id/end',
    {
      schema: {
        operationId: 'endAnnouncement',
        tags,
        summary: 'Mettre fin à une annonce maintenant (tracé)',
        params: IdParams,
        response: { 200: Announcement, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request) => endAnnouncement(ctx.db, ctx.clock, await auditActorOf(ctx, request), idOf(request)),
  );
}
