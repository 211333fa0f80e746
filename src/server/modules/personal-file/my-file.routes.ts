import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { changeBankDetails } from './bank-details.service.ts';
import { renderDataExport } from './data-export.pdf.ts';
import { DataExport } from './data-export.schema.ts';
import { exportMyData } from './data-export.service.ts';
import { myCorrections, requestCorrection } from './file-correction.service.ts';
import {
  BankDetailsChange,
  ChangeBankDetailsBody,
  ConsultationList,
  CorrectionList,
  CorrectionRequestBody,
  CorrectionView,
  PersonalFileResponse,
} from './personal-file.schema.ts';
import { consultationsOfMyFile, personalFileOf } from './personal-file.service.ts';
import { MAX_DOCUMENT_BYTES } from './supporting-document.ts';

const tags = ['dossier personnel'];
const Pdf = z.unknown().describe('Mes données personnelles, un PDF A4 (application/pdf)');
// A 2 MiB supporting document grows by a third in base64: this route alone accepts more than the 1 MiB default.
const CORRECTION_BODY_LIMIT = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024;

export async function myFileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/me/file',
    { schema: { operationId: 'getMyFile', tags, summary: 'Mon dossier personnel (IBAN masqué)', response: { 200: PersonalFileResponse, 404: ProblemResponse } }, preHandler: guard },
    async (request) => personalFileOf(ctx, currentSession(request).agentId),
  );

  app.get(
    '/api/me/file/consultations',
    { schema: { operationId: 'listMyFileConsultations', tags, summary: 'Qui a consulté mon dossier : rôle, direction, date et motif', response: { 200: ConsultationList } }, preHandler: guard },
    async (request) => consultationsOfMyFile(ctx, currentSession(request).agentId),
  );

  app.get(
    '/api/me/file/corrections',
    { schema: { operationId: 'listMyFileCorrections', tags, summary: 'Mes demandes de correction et leur suivi', response: { 200: CorrectionList } }, preHandler: guard },
    async (request) => myCorrections(ctx, currentSession(request).agentId),
  );

  app.post(
    '/api/me/file/corrections',
    {
      bodyLimit: CORRECTION_BODY_LIMIT,
      schema: {
        operationId: 'requestFileCorrection',
        tags,
        summary: 'Demander la correction de mon dossier (RGPD art. 16), avec un justificatif PDF, JPEG ou PNG de 2 Mo au plus',
        body: CorrectionRequestBody,
        response: { 201: CorrectionView, 404: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request, reply) => reply.code(201).send(await requestCorrection(ctx, currentSession(request).agentId, request.body as CorrectionRequestBody)),
  );

  app.put(
    '/api/me/file/bank-details',
    {
      schema: {
        operationId: 'changeMyBankDetails',
        tags,
        summary: 'Changer mes coordonnées bancaires (après confirmation de mon identité ; effectif à la prochaine paie)',
        body: ChangeBankDetailsBody,
        response: { 200: BankDetailsChange, 403: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => changeBankDetails(ctx, currentSession(request), await auditActorOf(ctx, request), request.body as z.infer<typeof ChangeBankDetailsBody>),
  );

  app.get(
    '/api/me/data-export.json',
    { schema: { operationId: 'exportMyDataJson', tags, summary: 'Toutes mes données (RGPD art. 15), en JSON', response: { 200: DataExport } }, preHandler: guard },
    async (request, reply) => {
      const data = await exportMyData(ctx, currentSession(request).agentId, 'json', request.ip);
      return reply.header('content-disposition', 'attachment; filename="mes-donnees.json"').send(data);
    },
  );

  app.get(
    '/api/me/data-export.pdf',
    { schema: { operationId: 'exportMyDataPdf', tags, summary: 'Toutes mes données (RGPD art. 15), en PDF lisible', produces: ['application/pdf'], response: { 200: Pdf } }, preHandler: guard },
    async (request, reply) => {
      const data = await exportMyData(ctx, currentSession(request).agentId, 'pdf', request.ip);
      const pdf = await renderDataExport(data, ctx.config.org.name);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="mes-donnees.pdf"').send(pdf);
    },
  );
}
