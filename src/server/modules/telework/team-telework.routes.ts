import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { teamTelework } from './team-telework.service.ts';
import { endTeamMemberTelework } from './telework-ending.service.ts';
import { refuseAfterInterview } from './telework-request.service.ts';
import { EndingReport, ManagerEndingBody, RefusalBody, TeamTelework, TeleworkRequestIdParams } from './telework.schema.ts';

const tags = ['télétravail'];
const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };
const idOf = (params: unknown) => (params as z.infer<typeof TeleworkRequestIdParams>).id;

// The manager's side: the requests of my team to answer (approval goes through POST /api/requests/:id/decision;
// a refusal only here, after an interview) and the arrangements in force, which I may end with notice.
export async function teamTeleworkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/team/telework',
    { schema: { operationId: 'getTeamTelework', tags, summary: 'Le télétravail de mon équipe : demandes à examiner (avec le délai d’un mois) et télétravail en cours', response: { 200: TeamTelework } }, preHandler: guard },
    async (request) => teamTelework(ctx, await actorOf(ctx, request)),
  );

  app.post(
    '/api/telework/requests/:id/refusal',
    {
      schema: {
        operationId: 'refuseTeleworkAfterInterview',
        tags,
        summary: 'Refuser une demande de télétravail, motifs et entretien préalable (date, participants) à l’appui',
        params: TeleworkRequestIdParams,
        body: RefusalBody,
        response: { 200: z.object({ outcome: z.literal('refused') }), ...problems },
      },
      preHandler: guard,
    },
    async (request) => ({ outcome: await refuseAfterInterview(ctx, await actorOf(ctx, request), idOf(request.params), request.body as RefusalBody) }),
  );

  app.post(
    '/api/telework/arrangements/:id/ending',
    {
      schema: {
        operationId: 'endTeamMemberTelework',
        tags,
        summary: 'Mettre fin au télétravail d’un agent de mon équipe, motifs à l’appui (préavis de 2 mois, 1 pendant l’adaptation)',
        params: TeleworkRequestIdParams,
        body: ManagerEndingBody,
        response: { 200: EndingReport, ...problems },
      },
      preHandler: guard,
    },
    async (request) => endTeamMemberTelework(ctx, await actorOf(ctx, request), idOf(request.params), (request.body as z.infer<typeof ManagerEndingBody>).reason),
  );
}
