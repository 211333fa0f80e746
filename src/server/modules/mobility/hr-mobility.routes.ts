import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { hrApplications, hrCv, moveApplication } from './application-steps.service.ts';
import { closeOffer, createOffer, hrOffer, hrOffers, publishOffer, updateOffer } from './job-offers.service.ts';
import { HrApplicationList, HrApplicationQuery, HrApplicationView, HrOffer, HrOfferList, IdParams, MoveBody, OfferBody } from './mobility.schema.ts';
import { Pdf, sendPdf } from './mobility.routes.ts';

const tags = ['mobilité (RH)'];
const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse };
const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

// HR of a department: its job offers (draft, published, closed) and the applications it handles.
export async function hrMobilityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/hr/job-offers',
    { schema: { operationId: 'listHrJobOffers', tags, summary: 'Les offres d’emploi des directions que je gère, brouillons compris', response: { 200: HrOfferList, 403: ProblemResponse } }, preHandler: guard },
    async (request) => hrOffers(ctx, await actorOf(ctx, request)),
  );

  app.post(
    '/api/hr/job-offers',
    { schema: { operationId: 'createJobOffer', tags, summary: 'Rédiger une offre d’emploi (brouillon, invisible des agents)', body: OfferBody, response: { 201: HrOffer, ...problems } }, preHandler: guard },
    async (request, reply) => reply.code(201).send(await createOffer(ctx, await actorOf(ctx, request), request.body as z.infer<typeof OfferBody>)),
  );

  app.get(
    '/api/hr/job-offers/:id',
    { schema: { operationId: 'getHrJobOffer', tags, summary: 'Une offre d’emploi de ma direction', params: IdParams, response: { 200: HrOffer, ...problems } }, preHandler: guard },
    async (request) => hrOffer(ctx, await actorOf(ctx, request), idOf(request)),
  );

  app.put(
    '/api/hr/job-offers/:id',
    {
      schema: { operationId: 'updateJobOffer', tags, summary: 'Modifier une offre d’emploi en brouillon ou publiée', params: IdParams, body: OfferBody, response: { 200: HrOffer, ...problems } },
      preHandler: guard,
    },
    async (request) => updateOffer(ctx, await actorOf(ctx, request), idOf(request), request.body as z.infer<typeof OfferBody>),
  );

  app.post(
    '/api/hr/job-offers/:id/publication',
    { schema: { operationId: 'publishJobOffer', tags, summary: 'Publier une offre : visible des agents jusqu’à sa date de clôture', params: IdParams, response: { 200: HrOffer, ...problems } }, preHandler: guard },
    async (request) => publishOffer(ctx, await actorOf(ctx, request), idOf(request)),
  );

  app.post(
    '/api/hr/job-offers/:id/closing',
    { schema: { operationId: 'closeJobOffer', tags, summary: 'Clore une offre : plus de nouvelles candidatures, celles en cours continuent', params: IdParams, response: { 200: HrOffer, ...problems } }, preHandler: guard },
    async (request) => closeOffer(ctx, await actorOf(ctx, request), idOf(request)),
  );

  app.get(
    '/api/hr/mobility/applications',
    {
      schema: {
        operationId: 'listHrMobilityApplications',
        tags,
        summary: 'Les candidatures aux offres de ma direction et les demandes spontanées de ses agents, en cours ou terminées ; paginées',
        querystring: HrApplicationQuery,
        response: { 200: HrApplicationList, 403: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => hrApplications(ctx, await actorOf(ctx, request), request.query as z.infer<typeof HrApplicationQuery>),
  );

  app.post(
    '/api/hr/mobility/applications/:id/steps',
    {
      schema: {
        operationId: 'moveMobilityApplication',
        tags,
        summary: 'Passer une candidature à l’étape suivante (examen RH, entretien, décision motivée, date de prise de poste) : l’agent est prévenu',
        params: IdParams,
        body: MoveBody,
        response: { 200: HrApplicationView, ...problems },
      },
      preHandler: guard,
    },
    async (request) => moveApplication(ctx, await actorOf(ctx, request), idOf(request), request.body as z.infer<typeof MoveBody>),
  );

  app.get(
    '/api/hr/mobility/applications/:id/cv',
    {
      schema: { operationId: 'getMobilityApplicationCv', tags, summary: 'Le CV joint à une candidature', params: IdParams, produces: ['application/pdf'], response: { 200: Pdf, 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request, reply) => sendPdf(reply, await hrCv(ctx, await actorOf(ctx, request), idOf(request))),
  );
}
