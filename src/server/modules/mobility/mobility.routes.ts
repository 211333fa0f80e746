import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { MAX_DOCUMENT_BYTES } from '../personal-file/supporting-document.ts';
import { IdempotencyHeaders } from '../requests/index.ts';
import { applyToOffer, fileSpontaneousRequest, myApplications, myCv, type Submitted, withdrawApplication } from './applications.service.ts';
import { hrMobilityRoutes } from './hr-mobility.routes.ts';
import { offerForAgent, searchOffers } from './job-offers.service.ts';
import { ApplicationView, ApplyBody, IdParams, MyApplicationList, OfferDetail, OfferList, OfferQuery, SpontaneousBody, WithdrawBody } from './mobility.schema.ts';

const tags = ['mobilité'];
const problems = { 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };
// A 2 MiB CV grows by a third in base64, with a letter beside it: this route accepts more than the 1 MiB default.
const APPLICATION_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;
export const Pdf = z.unknown().describe('Le CV joint, un PDF (application/pdf)');

const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;
const keyOf = (request: { headers: unknown }) => (request.headers as { 'idempotency-key': string })['idempotency-key'];
// Created the first time; the same key again answers the same application, as it was.
const sendSubmitted = (reply: FastifyReply, { application, replayed }: Submitted) => reply.code(replayed ? 200 : 201).send(application);

export function sendPdf(reply: FastifyReply, file: { content: Buffer; name: string }) {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`).send(file.content);
}

// Internal mobility (bourse des emplois). Applications have their own tables and timeline rather than the
// approval engine's requests: HR runs them (review, interview, decision, start date), no manager approves.
export async function mobilityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/job-offers',
    {
      schema: { operationId: 'searchJobOffers', tags, summary: 'Les offres d’emploi internes publiées et ouvertes, par direction, catégorie et mots ; paginées', querystring: OfferQuery, response: { 200: OfferList } },
      preHandler: guard,
    },
    async (request) => searchOffers(ctx, request.query as z.infer<typeof OfferQuery>),
  );

  app.get(
    '/api/job-offers/:id',
    { schema: { operationId: 'getJobOffer', tags, summary: 'Une offre d’emploi publiée, et ma candidature s’il y en a une', params: IdParams, response: { 200: OfferDetail, 404: ProblemResponse } }, preHandler: guard },
    async (request) => offerForAgent(ctx, currentSession(request).agentId, idOf(request)),
  );

  app.post(
    '/api/job-offers/:id/applications',
    {
      bodyLimit: APPLICATION_BODY_LIMIT,
      schema: {
        operationId: 'applyToJobOffer',
        tags,
        summary: 'Candidater à une offre : lettre de motivation (5 000 caractères au plus) et CV PDF facultatif de 2 Mo au plus ; une candidature par offre',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ApplyBody,
        response: { 200: ApplicationView, 201: ApplicationView, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => sendSubmitted(reply, await applyToOffer(ctx, currentSession(request).agentId, idOf(request), request.body as z.infer<typeof ApplyBody>, keyOf(request))),
  );

  app.post(
    '/api/me/mobility/requests',
    {
      schema: {
        operationId: 'fileSpontaneousMobilityRequest',
        tags,
        summary: 'Demander une mobilité sans offre : directions souhaitées, poste, motivation ; examinée par les RH de ma direction',
        headers: IdempotencyHeaders,
        body: SpontaneousBody,
        response: { 200: ApplicationView, 201: ApplicationView, ...problems },
      },
      preHandler: guard,
    },
    async (request, reply) => sendSubmitted(reply, await fileSpontaneousRequest(ctx, currentSession(request).agentId, request.body as z.infer<typeof SpontaneousBody>, keyOf(request))),
  );

  app.get(
    '/api/me/mobility/applications',
    { schema: { operationId: 'listMyMobilityApplications', tags, summary: 'Mes candidatures et demandes de mobilité, chacune avec ses étapes datées', response: { 200: MyApplicationList } }, preHandler: guard },
    async (request) => myApplications(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/mobility/applications/:id/withdrawal',
    {
      schema: { operationId: 'withdrawMyMobilityApplication', tags, summary: 'Retirer ma candidature tant que la décision n’est pas prise', params: IdParams, body: WithdrawBody, response: { 200: ApplicationView, ...problems } },
      preHandler: guard,
    },
    async (request) => withdrawApplication(ctx, currentSession(request).agentId, idOf(request), (request.body as z.infer<typeof WithdrawBody>).comment || null),
  );

  app.get(
    '/api/me/mobility/applications/:id/cv',
    {
      schema: { operationId: 'getMyApplicationCv', tags, summary: 'Le CV que j’ai joint à une candidature', params: IdParams, produces: ['application/pdf'], response: { 200: Pdf, 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request, reply) => sendPdf(reply, await myCv(ctx, currentSession(request).agentId, idOf(request))),
  );

  await hrMobilityRoutes(app, ctx);
}
