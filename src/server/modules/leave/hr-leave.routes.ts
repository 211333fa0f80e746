import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { BadgeParams, BalanceAdjustmentBody, HrAgentLeave, HrLeaveQuery, NewAbsenceBody } from './hr-leave.schema.ts';
import { adjustBalance, agentLeave, recordAbsence } from './hr-leave.service.ts';
import { tags } from './leave.schema.ts';

const problems = { 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 422: ProblemResponse };
const RecordedAbsence = z.object({ id: z.uuid(), halfDays: z.number().int() });

export async function hrLeaveRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);
  const badgeOf = (params: unknown) => (params as { badgeNumber: string }).badgeNumber;

  app.get(
    '/api/hr/leave/agents/:badgeNumber',
    {
      schema: { operationId: 'getAgentLeave', tags, summary: 'Les soldes de congés d’un agent de mon périmètre, leurs lignes et les absences enregistrées', params: BadgeParams, querystring: HrLeaveQuery, response: { 200: HrAgentLeave, 404: ProblemResponse } },
      preHandler: guard,
    },
    async (request) => agentLeave(ctx, await actorOf(ctx, request), badgeOf(request.params), (request.query as { year?: number }).year),
  );

  app.post(
    '/api/hr/leave/agents/:badgeNumber/absences',
    {
      schema: { operationId: 'recordAbsence', tags, summary: 'Enregistrer un arrêt maladie ou une absence d’un agent de mon périmètre (sans validation, dates passées admises)', params: BadgeParams, body: NewAbsenceBody, response: { 201: RecordedAbsence, ...problems } },
      preHandler: guard,
    },
    async (request, reply) => {
      const recorded = await recordAbsence(ctx, await actorOf(ctx, request), await auditActorOf(ctx, request), badgeOf(request.params), request.body as NewAbsenceBody);
      return reply.code(201).send(recorded);
    },
  );

  app.post(
    '/api/hr/leave/agents/:badgeNumber/adjustments',
    {
      schema: { operationId: 'adjustLeaveBalance', tags, summary: 'Corriger un solde de congés (ajout ou retrait) avec son motif, inscrit au journal d’audit', params: BadgeParams, body: BalanceAdjustmentBody, response: { 201: HrAgentLeave, ...problems } },
      preHandler: guard,
    },
    async (request, reply) => reply.code(201).send(await adjustBalance(ctx, await actorOf(ctx, request), await auditActorOf(ctx, request), badgeOf(request.params), request.body as BalanceAdjustmentBody)),
  );
}
