import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { DirectoryEntryDetail, DirectoryPage, DirectoryQuery, MyContacts, OrganisationChart } from './directory.schema.ts';
import { directoryEntry, myContacts, organisationChart, searchDirectory } from './directory.service.ts';

const tags = ['annuaire'];

export async function directoryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/directory',
    {
      schema: {
        operationId: 'searchDirectory',
        tags,
        summary: 'Trouver un collègue par nom, intitulé de poste, direction ou service (informations professionnelles)',
        querystring: DirectoryQuery,
        response: { 200: DirectoryPage },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'directory.search');
      return searchDirectory(ctx, request.query as DirectoryQuery);
    },
  );

  app.get(
    '/api/directory/agents/:id',
    {
      schema: {
        operationId: 'getDirectoryEntry',
        tags,
        summary: 'La fiche d’annuaire d’un collègue, avec son responsable et les personnes qui lui sont rattachées',
        params: z.object({ id: z.uuid({ message: 'identifiant invalide' }) }),
        response: { 200: DirectoryEntryDetail, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'agent.view_professional');
      return directoryEntry(ctx, (request.params as { id: string }).id);
    },
  );

  app.get(
    '/api/directory/departments/:code/organisation',
    {
      schema: {
        operationId: 'getOrganisationChart',
        tags,
        summary: 'L’organigramme d’une direction : direction, services, unités, responsables et effectifs',
        params: z.object({ code: z.string().toUpperCase().regex(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'un sigle de direction' }) }),
        response: { 200: OrganisationChart, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'directory.search');
      return organisationChart(ctx, (request.params as { code: string }).code);
    },
  );

  app.get(
    '/api/me/contacts',
    {
      schema: {
        operationId: 'getMyContacts',
        tags,
        summary: 'Mon responsable et les gestionnaires RH de ma direction',
        response: { 200: MyContacts },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => myContacts(ctx, currentSession(request).agentId),
  );
}
