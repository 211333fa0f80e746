import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { MinimumStaffing, MinimumStaffingBody, TeamCalendar, TeamCalendarQuery } from './team-calendar.schema.ts';
import { changeMinimumStaffing, teamCalendar } from './team-calendar.service.ts';
import { tags } from './leave.schema.ts';

export async function teamCalendarRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const guard = requireSession(ctx);

  app.get(
    '/api/leave/team-calendar',
    {
      schema: {
        operationId: 'getTeamCalendar',
        tags,
        summary: 'Le calendrier de l’équipe (encadrant : ses agents, le type de congé et l’effectif minimum) ou de l’unité (agent : « absent » seulement), congés et télétravail',
        querystring: TeamCalendarQuery,
        response: { 200: TeamCalendar, 400: ProblemResponse, 403: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => teamCalendar(ctx, await actorOf(ctx, request), request.query as TeamCalendarQuery),
  );

  app.put(
    '/api/leave/team-calendar/minimum-staffing',
    {
      schema: {
        operationId: 'setTeamMinimumStaffing',
        tags,
        summary: 'Fixer l’effectif minimum de mon équipe (null : aucun) : les jours en dessous sont signalés',
        body: MinimumStaffingBody,
        response: { 200: MinimumStaffing, 400: ProblemResponse, 403: ProblemResponse },
      },
      preHandler: guard,
    },
    async (request) => changeMinimumStaffing(ctx, await actorOf(ctx, request), (request.body as { minimum: number | null }).minimum),
  );
}
