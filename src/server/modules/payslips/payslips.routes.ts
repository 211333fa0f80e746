import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, authorizeOnAgent } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { payrollRoutes } from './payroll.routes.ts';
import { listPayslips, payslipDetail, payslipPdf, recordPayslipConsultation } from './payslips.service.ts';
import { AgentMonthParams, AgentParams, MonthParams, PayslipDetail, PayslipList, tags, YearQuery } from './payslips.schema.ts';

const Pdf = z.unknown().describe('Le bulletin de paie, un PDF A4 (application/pdf), identique à chaque téléchargement');

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
  // Gives what writes the reading down once done (a payslip that does not exist was not read); the agent's own
  // readings are not recorded.
  async function hrReader(request: FastifyRequest, agentId: string) {
    const target = await authorizeOnAgent(ctx, await actorOf(ctx, request), 'payslip.view', { agentId });
    return async (read: Parameters<typeof recordPayslipConsultation>[3]) => {
      if (target.agentId !== currentSession(request).agentId) await recordPayslipConsultation(ctx, await auditActorOf(ctx, request), target, read);
    };
  }

  app.get(
    '/api/hr/agents/:agentId/payslips',
    {
      schema: {
        operationId: 'listAgentPayslips',
        tags,
        summary: 'Les bulletins de paie publiés d’un agent de mon périmètre pour une année (l’année en cours par défaut ; consultation enregistrée)',
        params: AgentParams,
        querystring: YearQuery,
        response: { 200: PayslipList, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { agentId } = request.params as z.infer<typeof AgentParams>;
      const record = await hrReader(request, agentId);
      const list = await listPayslips(ctx, agentId, (request.query as z.infer<typeof YearQuery>).year);
      await record({ what: 'list', year: list.year });
      return list;
    },
  );

  app.get(
    '/api/hr/agents/:agentId/payslips/:month.pdf',
    {
      schema: {
        operationId: 'downloadAgentPayslip',
        tags,
        summary: 'Télécharger en PDF le bulletin de paie d’un agent de mon périmètre (consultation enregistrée)',
        params: AgentMonthParams,
        produces: ['application/pdf'],
        response: { 200: Pdf, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const { agentId, month } = request.params as z.infer<typeof AgentMonthParams>;
      const record = await hrReader(request, agentId);
      const file = await payslipPdf(ctx, agentId, month);
      await record({ what: 'pdf', month });
      return sendPdf(reply, file, `bulletin-de-paie-${month}.pdf`);
    },
  );

  app.get(
    '/api/hr/agents/:agentId/payslips/:month',
    {
      schema: { operationId: 'getAgentPayslip', tags, summary: 'Le bulletin de paie d’un agent de mon périmètre (consultation enregistrée)', params: AgentMonthParams, response: { 200: PayslipDetail, 404: ProblemResponse } },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const { agentId, month } = request.params as z.infer<typeof AgentMonthParams>;
      const record = await hrReader(request, agentId);
      const detail = await payslipDetail(ctx, agentId, month);
      await record({ what: 'detail', month });
      return detail;
    },
  );

  await payrollRoutes(app, ctx);
}
