import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed, authorizeOnAgent } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { importPayroll, type PayrollActor, publishMonth } from './payroll-import.service.ts';
import { listPayslips, payslipDetail, payslipPdf, recordPayslipConsultation } from './payslips.service.ts';
import { ImportPayrollBody, ImportPayrollReport, Month, MAX_PAYROLL_LINES, PayslipDetail, PayslipList, PublishReport, YearQuery } from './payslips.schema.ts';

const tags = ['bulletins de paie'];
const Pdf = z.unknown().describe('Le bulletin de paie, un PDF A4 (application/pdf), identique à chaque téléchargement');
const MonthParams = z.object({ month: Month });
const AgentMonthParams = z.object({ agentId: z.uuid({ message: 'identifiant invalide' }), month: Month });

async function payrollActor(ctx: AppContext, request: Parameters<typeof actorOf>[1]): Promise<PayrollActor> {
  const actor = await actorOf(ctx, request);
  assertAllowed(actor, 'payroll.import');
  return { ctx, actor, who: await auditActorOf(ctx, request) };
}

function sendPdf(reply: FastifyReply, file: { pdf: Buffer; sha256: string }, name: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.pdf);
}

export async function payslipRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/payslips',
    {
      schema: { operationId: 'listMyPayslips', tags, summary: 'Mes bulletins de paie publiés d’une année (l’année en cours par défaut), avec le net payé', querystring: YearQuery, response: { 200: PayslipList } },
      preHandler: requireSession(ctx),
    },
    async (request) => listPayslips(ctx, currentSession(request).agentId, (request.query as z.infer<typeof YearQuery>).year),
  );

  app.get(
    '/api/me/payslips/:month.pdf',
    {
      schema: { operationId: 'downloadMyPayslip', tags, summary: 'Télécharger mon bulletin de paie en PDF', params: MonthParams, produces: ['application/pdf'], response: { 200: Pdf, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { month } = request.params as { month: string };
      return sendPdf(reply, await payslipPdf(ctx, currentSession(request).agentId, month), `bulletin-de-paie-${month}.pdf`);
    },
  );

  app.get(
    '/api/me/payslips/:month',
    {
      schema: { operationId: 'getMyPayslip', tags, summary: 'Mon bulletin de paie d’un mois, chaque ligne expliquée et comparée au mois précédent', params: MonthParams, response: { 200: PayslipDetail, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => payslipDetail(ctx, currentSession(request).agentId, (request.params as { month: string }).month),
  );

  // HR of the agent's perimeter; anyone else gets 404 (outside a perimeter the person does not exist).
  app.get(
    '/api/hr/agents/:agentId/payslips/:month',
    {
      schema: { operationId: 'getAgentPayslip', tags, summary: 'Le bulletin de paie d’un agent de mon périmètre (consultation enregistrée)', params: AgentMonthParams, response: { 200: PayslipDetail, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { agentId, month } = request.params as z.infer<typeof AgentMonthParams>;
      const target = await authorizeOnAgent(ctx, await actorOf(ctx, request), 'payslip.view', { agentId });
      const detail = await payslipDetail(ctx, agentId, month);
      if (target.agentId !== currentSession(request).agentId) await recordPayslipConsultation(ctx, await auditActorOf(ctx, request), target, month, 'detail');
      return detail;
    },
  );

  app.post(
    '/api/hr/payroll/imports',
    {
      // 60,000 lines of about 200 characters: above the API's usual 1 MiB.
      bodyLimit: MAX_PAYROLL_LINES * 256,
      schema: {
        operationId: 'importPayroll',
        tags,
        summary:
          'Importer la paie d’un mois depuis le logiciel de paie (JSON {month, lines:[{badgeNumber, indexMajore, nbiPoints, children, workTimePercent, residenceZone, ifseMonthlyCents, taxRateBasisPoints}]}) : tout ou rien, erreurs par ligne (422), réimport identique sans effet ; un bulletin publié ne change que par une rectification motivée',
        body: ImportPayrollBody,
        response: { 200: ImportPayrollReport, 400: ProblemResponse, 403: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => importPayroll(await payrollActor(ctx, request), request.body as ImportPayrollBody),
  );

  app.post(
    '/api/hr/payroll/:month/publication',
    {
      schema: { operationId: 'publishPayroll', tags, summary: 'Publier aux agents de mon périmètre les bulletins du mois en attente', params: MonthParams, response: { 200: PublishReport, 403: ProblemResponse, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => publishMonth(await payrollActor(ctx, request), (request.params as { month: string }).month),
  );
}
