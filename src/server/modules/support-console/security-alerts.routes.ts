import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { requireSession } from '../identity/session.guard.ts';
import { handleSecurityAlert, listSecurityAlerts } from './security-alerts.service.ts';
import { AlertIdParams, AlertResponse, AlertsQuery, AlertsResponse, HandleAlertBody } from './support-console.schema.ts';
import { actingCallerOf, callerOf, tags } from './support-request.ts';

export async function securityAlertsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/support/security-alerts',
    {
      schema: {
        operationId: 'listSecurityAlerts',
        tags,
        summary: 'Alertes « Ce n’était pas moi » de son périmètre : non traitées d’abord, puis des plus récentes aux plus anciennes',
        querystring: AlertsQuery,
        response: { 200: AlertsResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => listSecurityAlerts(ctx, await callerOf(ctx, request), request.query as AlertsQuery),
  );

  app.post(
    '/api/support/security-alerts/:alertId/handle',
    {
      schema: {
        operationId: 'handleSecurityAlert',
        tags,
        summary: 'Marquer une alerte traitée, avec une note sur ce qui a été fait (gardée dans le journal d’audit)',
        params: AlertIdParams,
        body: HandleAlertBody,
        response: { 200: AlertResponse, 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 409: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) =>
      handleSecurityAlert(ctx, await actingCallerOf(ctx, request), (request.params as { alertId: string }).alertId, (request.body as HandleAlertBody).note),
  );
}
