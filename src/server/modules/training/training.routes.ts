import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { IdempotencyHeaders, registerRequestKind } from '../requests/index.ts';
import { attendanceCertificate } from './attendance.service.ts';
import { courseDetail, searchCatalogue } from './catalogue.service.ts';
import { hrTrainingRoutes } from './hr-training.routes.ts';
import { myTrainings, registerForSession, trainingRequestKind } from './registration.service.ts';
import { CatalogueQuery, CataloguePage, CourseDetail, IdParams, MyTrainingList, RegisterBody, RegisterReport } from './training.schema.ts';

const tags = ['formation'];
const problems = { 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };
const Pdf = z.unknown().describe('L’attestation de présence, un PDF A4 (application/pdf)');

export async function trainingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerRequestKind(trainingRequestKind);
  const guard = requireSession(ctx);

  app.get(
    '/api/training/courses',
    {
      schema: {
        operationId: 'searchTrainingCatalogue',
        tags,
        summary: 'Chercher dans le catalogue des formations : mots, thème, modalité, sessions à venir seulement',
        querystring: CatalogueQuery,
        response: { 200: CataloguePage, 400: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => searchCatalogue(ctx, request.query as CatalogueQuery),
  );

  app.get(
    '/api/training/courses/:id',
    {
      schema: { operationId: 'getTrainingCourse', tags, summary: 'Un stage et ses sessions à venir : dates, lieu, places restantes, ma place', params: IdParams, response: { 200: CourseDetail, 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request) => courseDetail(ctx, currentSession(request).agentId, (request.params as { id: string }).id),
  );

  app.post(
    '/api/training/sessions/:id/registrations',
    {
      schema: {
        operationId: 'registerForTrainingSession',
        tags,
        summary: 'Demander mon inscription à une session (validée par mon encadrant ; place ou liste d’attente à la validation)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: RegisterBody,
        response: { 201: RegisterReport, 200: RegisterReport, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const key = (request.headers as z.infer<typeof IdempotencyHeaders>)['idempotency-key'];
      const report = await registerForSession(ctx, currentSession(request).agentId, (request.params as { id: string }).id, request.body as RegisterBody, key);
      return reply.code(report.replayed ? 200 : 201).send(report);
    },
  );

  app.get(
    '/api/me/trainings',
    { schema: { operationId: 'listMyTrainings', tags, summary: 'Mes formations : demandes, inscriptions, liste d’attente, présences', response: { 200: MyTrainingList } }, preHandler: guard },
    async (request) => myTrainings(ctx, currentSession(request).agentId),
  );

  app.get(
    '/api/training/registrations/:id/certificate',
    {
      schema: {
        operationId: 'downloadTrainingCertificate',
        tags,
        summary: 'Télécharger l’attestation de présence (l’agent présent, ou le service formation)',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Pdf, 404: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request, reply) => {
      const { pdf, filename } = await attendanceCertificate(ctx, await actorOf(ctx, request), (request.params as { id: string }).id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
    },
  );

  await hrTrainingRoutes(app, ctx);
}
