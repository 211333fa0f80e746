import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { adminView, createApplication, updateApplication } from './application-admin.service.ts';
import * as repo from './applications.repo.ts';
import {
  AdminApplication,
  AdminApplicationList,
  ApplicationChoices,
  type ApplicationFields,
  CreateApplicationBody,
  SlugParams,
  UpdateApplicationBody,
} from './applications.schema.ts';

const tags = ['applications'];

// The administrators' registry: every application the portal knows, whichever the way in, and its access rule.
export async function applicationAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Checked before the body is: a non-administrator learns nothing from the validation errors.
  const administratorOnly = [
    requireSession(ctx),
    async (request: FastifyRequest) => assertAllowed(await actorOf(ctx, request), 'application.manage'),
  ];

  app.get(
    '/api/admin/applications',
    {
      schema: {
        operationId: 'listApplications',
        tags,
        summary: 'Toutes les applications, activées ou non, et leur règle d’accès (administrateur)',
        response: { 200: AdminApplicationList, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async () => ({ items: (await repo.listAllApplications(ctx.db)).map(adminView) }),
  );

  app.get(
    '/api/admin/applications/choices',
    {
      schema: {
        operationId: 'listApplicationRuleChoices',
        tags,
        summary: 'Les directions et profils métier parmi lesquels choisir la règle d’accès (administrateur)',
        response: { 200: ApplicationChoices, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async () => {
      const [departments, jobProfiles] = await Promise.all([repo.departmentChoices(ctx.db), repo.jobProfileChoices(ctx.db)]);
      return { departments, jobProfiles };
    },
  );

  app.post(
    '/api/admin/applications',
    {
      schema: {
        operationId: 'createApplication',
        tags,
        summary: 'Ajouter un lien au catalogue avec sa règle d’accès (tracé)',
        body: CreateApplicationBody,
        response: { 201: AdminApplication, 400: ProblemResponse, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request, reply) => {
      const created = await createApplication(ctx.db, ctx.clock, await auditActorOf(ctx, request), request.body as CreateApplicationBody);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/admin/applications/:slug',
    {
      schema: {
        operationId: 'updateApplication',
        tags,
        summary: 'Modifier une application : fiche du catalogue, adresse, règle d’accès, activation (tracé)',
        params: SlugParams,
        body: UpdateApplicationBody,
        response: { 200: AdminApplication, 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request) => {
      const { slug } = request.params as { slug: string };
      return updateApplication(ctx.db, ctx.clock, await auditActorOf(ctx, request), slug, request.body as ApplicationFields);
    },
  );
}
