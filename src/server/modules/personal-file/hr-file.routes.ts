import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, authorizeOnAgent } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { acceptCorrection, correctionDocumentFor, pendingCorrectionsFor, refuseCorrection } from './file-correction.service.ts';
import { CorrectionList, CorrectionView, HrFileQuery, IdParams, PersonalFileResponse, RefuseCorrectionBody } from './personal-file.schema.ts';
import { consultPersonalFile } from './personal-file.service.ts';

const tags = ['dossier personnel (RH)'];
const problems = { 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse };

export async function hrFileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/hr/agents/:id/file',
    {
      schema: {
        operationId: 'consultAgentFile',
        tags,
        summary: 'Consulter le dossier d’un agent de son périmètre, avec un motif (la consultation est tracée et visible par l’agent)',
        params: IdParams,
        querystring: HrFileQuery,
        response: { 200: PersonalFileResponse, 404: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => {
      const actor = await actorOf(ctx, request);
      const target = await authorizeOnAgent(ctx, actor, 'personal_file.view', { agentId: (request.params as { id: string }).id });
      const { label } = await auditActorOf(ctx, request);
      return consultPersonalFile(ctx, actor, label, target, (request.query as z.infer<typeof HrFileQuery>).purpose);
    },
  );

  app.get(
    '/api/hr/file-corrections',
    { schema: { operationId: 'listPendingFileCorrections', tags, summary: 'Les demandes de correction en attente dans son périmètre', response: { 200: CorrectionList, 403: ProblemResponse } }, preHandler: guard },
    async (request) => pendingCorrectionsFor(ctx, await actorOf(ctx, request)),
  );

  app.get(
    '/api/hr/file-corrections/:id/document',
    {
      schema: { operationId: 'getFileCorrectionDocument', tags, summary: 'Le justificatif joint à une demande de correction', params: IdParams, produces: ['application/pdf', 'image/jpeg', 'image/png'], response: { 200: z.unknown(), 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request, reply) => {
      const doc = await correctionDocumentFor(ctx, await actorOf(ctx, request), (request.params as { id: string }).id);
      return reply.type(doc.type).header('content-disposition', `attachment; filename="${encodeURIComponent(doc.name)}"`).send(doc.content);
    },
  );

  app.post(
    '/api/hr/file-corrections/:id/accept',
    { schema: { operationId: 'acceptFileCorrection', tags, summary: 'Accepter une demande de correction : le dossier est mis à jour et l’agent prévenu', params: IdParams, response: { 200: CorrectionView, ...problems } }, preHandler: guard },
    async (request) => acceptCorrection(ctx, await actorOf(ctx, request), await auditActorOf(ctx, request), (request.params as { id: string }).id),
  );

  app.post(
    '/api/hr/file-corrections/:id/refuse',
    {
      schema: { operationId: 'refuseFileCorrection', tags, summary: 'Refuser une demande de correction avec un motif, envoyé à l’agent', params: IdParams, body: RefuseCorrectionBody, response: { 200: CorrectionView, ...problems } },
      preHandler: guard,
    },
    async (request) =>
      refuseCorrection(ctx, await actorOf(ctx, request), await auditActorOf(ctx, request), (request.params as { id: string }).id, (request.body as { reason: string }).reason),
  );
}
