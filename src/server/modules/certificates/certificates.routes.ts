import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, authorizeOnAgent } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import {
  AgentIdParams,
  Certificate,
  CertificateIdParams,
  CertificateList,
  CertificateVerification,
  IssueAgentCertificateBody,
  IssueMyCertificateBody,
  RevokeCertificateBody,
  VerificationCodeParams,
} from './certificates.schema.ts';
import { certificatePdf, issueCertificate, listCertificates, revokeCertificate, verifyCertificate } from './certificates.service.ts';

const tags = ['attestations'];
const Pdf = z.unknown().describe('L’attestation, un PDF A4 (application/pdf), identique à chaque téléchargement');
const problems = { 400: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse, 422: ProblemResponse };

export async function certificateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/certificates',
    {
      schema: { operationId: 'listMyCertificates', tags, summary: 'Mes attestations, les plus récentes d’abord', response: { 200: CertificateList } },
      preHandler: requireSession(ctx),
    },
    async (request) => ({ items: await listCertificates(ctx, currentSession(request).agentId) }),
  );

  app.post(
    '/api/me/certificates',
    {
      schema: {
        operationId: 'issueMyCertificate',
        tags,
        summary: 'Obtenir tout de suite une attestation employeur ou une attestation de salaire sur une période',
        body: IssueMyCertificateBody,
        response: { 201: Certificate, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const agentId = currentSession(request).agentId;
      const issued = await issueCertificate(ctx, agentId, request.body as IssueMyCertificateBody, { agentId, audit: await auditActorOf(ctx, request) });
      return reply.code(201).send(issued);
    },
  );

  app.get(
    '/api/certificates/:id/pdf',
    {
      schema: {
        operationId: 'downloadCertificate',
        tags,
        summary: 'Télécharger une attestation (son titulaire, ou un gestionnaire RH de son périmètre)',
        params: CertificateIdParams,
        produces: ['application/pdf'],
        response: { 200: Pdf, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { reference, pdf, sha256 } = await certificatePdf(ctx, await actorOf(ctx, request), (request.params as { id: string }).id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${reference}.pdf"`)
        .header('x-content-sha256', sha256)
        .send(pdf);
    },
  );

  app.get(
    '/api/hr/agents/:id/certificates',
    {
      schema: {
        operationId: 'listAgentCertificates',
        tags,
        summary: 'Les attestations d’un agent du périmètre',
        params: AgentIdParams,
        response: { 200: CertificateList, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const target = await authorizeOnAgent(ctx, await actorOf(ctx, request), 'certificate.issue', { agentId: (request.params as { id: string }).id });
      return { items: await listCertificates(ctx, target.agentId) };
    },
  );

  app.post(
    '/api/hr/agents/:id/certificates',
    {
      schema: {
        operationId: 'issueAgentCertificate',
        tags,
        summary: 'Délivrer une attestation à un agent du périmètre, dont l’attestation de fin de fonctions d’un agent parti',
        params: AgentIdParams,
        body: IssueAgentCertificateBody,
        response: { 201: Certificate, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request);
      const target = await authorizeOnAgent(ctx, actor, 'certificate.issue', { agentId: (request.params as { id: string }).id });
      const issued = await issueCertificate(ctx, target.agentId, request.body as IssueAgentCertificateBody, {
        agentId: actor.agentId,
        audit: await auditActorOf(ctx, request),
      });
      return reply.code(201).send(issued);
    },
  );

  app.post(
    '/api/hr/certificates/:id/revoke',
    {
      schema: {
        operationId: 'revokeCertificate',
        tags,
        summary: 'Révoquer une attestation (motif obligatoire) : la page de vérification le dira',
        params: CertificateIdParams,
        body: RevokeCertificateBody,
        response: { 200: Certificate, ...problems },
      },
      preHandler: requireSession(ctx),
    },
    async (request) =>
      revokeCertificate(
        ctx,
        await actorOf(ctx, request),
        await auditActorOf(ctx, request),
        (request.params as { id: string }).id,
        (request.body as { reason: string }).reason,
      ),
  );

  app.get(
    '/api/public/certificates/:code',
    {
      schema: {
        operationId: 'verifyCertificate',
        tags,
        summary: 'Vérifier une attestation par son code (public) : type, titulaire, date de délivrance et révocation éventuelle',
        params: VerificationCodeParams,
        response: { 200: CertificateVerification, 404: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request) => verifyCertificate(ctx, (request.params as { code: string }).code, request.ip),
  );
}
