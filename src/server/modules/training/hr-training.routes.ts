import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { recordAttendance, sessionRegistrants, sessionsForHr } from './attendance.service.ts';
import { createCourse, createSession } from './catalogue.service.ts';
import { AttendanceBody, CourseDetail, HrSessionPage, HrSessionsQuery, IdParams, NewCourseBody, NewSessionBody, SessionRegistrants } from './training.schema.ts';

const tags = ['formation (service RH)'];
const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };

// The training office: the catalogue's courses and sessions, who is registered, who came.
export async function hrTrainingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);
  const id = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.post(
    '/api/hr/training/courses',
    {
      schema: { operationId: 'createTrainingCourse', tags, summary: 'Ajouter un stage au catalogue', body: NewCourseBody, response: { 201: CourseDetail, ...problems } },
      preHandler: guard,
    },
    async (request, reply) => reply.code(201).send(await createCourse(ctx, await actorOf(ctx, request), request.body as NewCourseBody)),
  );

  app.post(
    '/api/hr/training/courses/:id/sessions',
    {
      schema: {
        operationId: 'createTrainingSession',
        tags,
        summary: 'Programmer une session d’un stage : dates, lieu, nombre de places (aucune limite en e-learning)',
        params: IdParams,
        body: NewSessionBody,
        response: { 201: CourseDetail, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => reply.code(201).send(await createSession(ctx, await actorOf(ctx, request), id(request), request.body as NewSessionBody)),
  );

  app.get(
    '/api/hr/training/sessions',
    {
      schema: {
        operationId: 'listTrainingSessions',
        tags,
        summary: 'Les sessions à venir (ou passées) avec leurs inscrits, liste d’attente et présences',
        querystring: HrSessionsQuery,
        response: { 200: HrSessionPage, 400: ProblemResponse, 403: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => sessionsForHr(ctx, await actorOf(ctx, request), request.query as z.infer<typeof HrSessionsQuery>),
  );

  app.get(
    '/api/hr/training/sessions/:id/registrants',
    {
      schema: { operationId: 'listTrainingRegistrants', tags, summary: 'Les inscrits d’une session, la liste d’attente et les demandes en cours', params: IdParams, response: { 200: SessionRegistrants, 403: ProblemResponse, 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request) => sessionRegistrants(ctx, await actorOf(ctx, request), id(request)),
  );

  app.put(
    '/api/hr/training/sessions/:id/attendance',
    {
      schema: {
        operationId: 'recordTrainingAttendance',
        tags,
        summary: 'Enregistrer la présence ou l’absence de chaque inscrit (à partir du dernier jour de la session)',
        params: IdParams,
        body: AttendanceBody,
        response: { 200: SessionRegistrants, ...problems },
      },
      preHandler: guard,
    },
    async (request) => recordAttendance(ctx, await actorOf(ctx, request), id(request), request.body as AttendanceBody),
  );
}
