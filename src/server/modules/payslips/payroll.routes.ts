import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { importPayroll, type PayrollActor, payrollMonths, publishMonth } from './payroll-import.service.ts';
import { PAYROLL_COLUMNS } from './payroll.csv.ts';
import { ImportPayrollBody, ImportPayrollReport, MAX_PAYROLL_LINES, MonthParams, PayrollMonths, PublishReport, tags } from './payslips.schema.ts';

async function payrollActor(ctx: AppContext, request: FastifyRequest): Promise<PayrollActor> {
  const actor = await actorOf(ctx, request);
  assertAllowed(actor, 'payroll.import');
  return { ctx, actor, who: await auditActorOf(ctx, request) };
}

// The monthly payroll, by the HR officers (or administrators) of a perimeter: import, then publish to the agents.
export async function payrollRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/hr/payroll/months',
    {
      schema: {
        operationId: 'listPayrollMonths',
        tags,
        summary: 'Les mois de paie de mon périmètre (deux ans en arrière et les mois à venir) : bulletins importés, en attente de publication, publiés',
        response: { 200: PayrollMonths, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => payrollMonths(await payrollActor(ctx, request)),
  );

  app.post(
    '/api/hr/payroll/imports',
    {
      // 60,000 lines of about 200 characters: above the API's usual 1 MiB.
      bodyLimit: MAX_PAYROLL_LINES * 256,
      schema: {
        operationId: 'importPayroll',
        tags,
        summary: `Importer la paie d’un mois depuis le logiciel de paie, soit en JSON {month, lines:[{badgeNumber, indexMajore, nbiPoints, children, workTimePercent, residenceZone, ifseMonthlyCents, taxRateBasisPoints}]}, soit en CSV {month, csv} avec les colonnes ${Object.keys(PAYROLL_COLUMNS).join(';')} (matricule et indice_majore obligatoires ; montants en centimes, taux en points de base : 7,5 % = 750). Tout ou rien, erreurs par ligne (422, avec le numéro de ligne et la colonne), réimport identique sans effet ; un bulletin publié ne change que par une rectification motivée`,
        body: ImportPayrollBody,
        response: { 200: ImportPayrollReport, 400: ProblemResponse, 403: ProblemResponse, 413: ProblemResponse, 422: ProblemResponse },
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
