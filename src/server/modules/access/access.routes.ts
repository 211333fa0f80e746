import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { auditActorOf, recordAudit } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { type Action, decide } from './access.policy.ts';
import { loadActor, loadTargetAgent } from './access.repo.ts';
import { ExplainQuery, ExplainResponse, RoleAssignmentList, type RoleGrant, RoleGrant as RoleGrantBody } from './access.schema.ts';
import { actorOf, assertAllowed } from './access.service.ts';
import { roleLabels } from './access.policy.ts';

const tags = ['droits d’accès'];
const BadgeParams = z.object({ badge: z.string().regex(/^\d{7}$/, { message: 'un matricule de 7 chiffres' }) });

async function agentByBadge(ctx: AppContext, badge: string) {
  const agent = await ctx.db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'badge_number', 'department_id'])
    .where('badge_number', '=', badge)
    .executeTakeFirst();
  if (!agent) throw new AppError('not_found', `Aucun agent n’a le matricule ${badge}.`);
  return agent;
}

const label = (a: { first_name: string; last_name: string; badge_number: string }) => `${a.first_name} ${a.last_name} (${a.badge_number})`;

export async function accessRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/admin/access/explain',
    {
      schema: {
        operationId: 'explainAccessDecision',
        tags,
        summary: 'Dire si un agent peut faire une action (sur un autre agent) et pourquoi',
        querystring: ExplainQuery,
        response: { 200: ExplainResponse, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'access.explain');
      const q = request.query as z.infer<typeof ExplainQuery>;
      const subject = await agentByBadge(ctx, q.actor);
      const actor = await loadActor(ctx.db, subject.id);
      const targetAgent = q.target ? await agentByBadge(ctx, q.target) : undefined;
      const target = targetAgent ? await loadTargetAgent(ctx.db, { agentId: targetAgent.id }) : undefined;
      const decision = decide(actor!, q.action as Action, target);
      return { ...decision, actor: label(subject), target: targetAgent ? label(targetAgent) : null };
    },
  );

  app.get(
    '/api/admin/agents/:badge/roles',
    {
      schema: {
        operationId: 'listRolesOfAgent',
        tags,
        summary: 'Les rôles d’un agent et leur périmètre',
        params: BadgeParams,
        response: { 200: RoleAssignmentList, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      assertAllowed(await actorOf(ctx, request), 'role.grant');
      const agent = await agentByBadge(ctx, (request.params as { badge: string }).badge);
      const rows = await ctx.db
        .selectFrom('role_assignments as r')
        .leftJoin('departments as d', 'd.id', 'r.department_id')
        .leftJoin('services as s', 's.id', 'r.service_id')
        .leftJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.role', 'd.code', 's.name as service', 'u.name as unit', 'r.granted_at'])
        .where('r.agent_id', '=', agent.id)
        .orderBy('r.role')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          role: r.role,
          perimeter: r.code ? `direction ${r.code}` : r.service ? `service ${r.service}` : r.unit ? `unité ${r.unit}` : 'toute la collectivité',
          grantedAt: r.granted_at.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/admin/agents/:badge/roles',
    {
      schema: {
        operationId: 'grantRole',
        tags,
        summary: 'Donner un rôle à un agent sur un périmètre (motif obligatoire, tracé)',
        params: BadgeParams,
        body: RoleGrantBody,
        response: { 204: NoContent, 404: ProblemResponse, 409: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      assertAllowed(await actorOf(ctx, request), 'role.grant');
      const agent = await agentByBadge(ctx, (request.params as { badge: string }).badge);
      const grant = request.body as RoleGrant;
      let departmentId: string | null = null;
      if (grant.departmentCode) {
        const department = await ctx.db.selectFrom('departments').select('id').where('code', '=', grant.departmentCode).executeTakeFirst();
        if (!department) throw new AppError('validation_failed', undefined, { errors: [{ field: 'departmentCode', message: `direction ${grant.departmentCode} inconnue` }] });
        departmentId = department.id;
      }
      const actor = await auditActorOf(ctx, request);
      await ctx.db.transaction().execute(async (trx) => {
        const exists = await trx
          .selectFrom('role_assignments')
          .select('id')
          .where('agent_id', '=', agent.id)
          .where('role', '=', grant.role)
          .where('department_id', grant.departmentCode ? '=' : 'is', departmentId)
          .where('service_id', grant.serviceId ? '=' : 'is', grant.serviceId ?? null)
          .where('unit_id', grant.unitId ? '=' : 'is', grant.unitId ?? null)
          .executeTakeFirst();
        if (exists) throw new AppError('conflict', 'Cet agent a déjà ce rôle sur ce périmètre.');
        await trx
          .insertInto('role_assignments')
          .values({ agent_id: agent.id, role: grant.role, department_id: departmentId, service_id: grant.serviceId ?? null, unit_id: grant.unitId ?? null, granted_at: ctx.clock.now() })
          .execute();
        await recordAudit(trx, {
          actor,
          action: 'role.grant',
          target: { type: 'agent', id: agent.id, label: label(agent) },
          departmentId: agent.department_id,
          changes: { role: { from: null, to: `${roleLabels[grant.role]} — ${grant.departmentCode ?? grant.serviceId ?? grant.unitId ?? 'toute la collectivité'}` } },
          reason: grant.reason,
          at: ctx.clock.now(),
        });
      });
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/admin/agents/:badge/roles/:id',
    {
      schema: {
        operationId: 'revokeRole',
        tags,
        summary: 'Retirer un rôle (motif obligatoire, tracé)',
        params: BadgeParams.extend({ id: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(5).max(500) }).strict(),
        response: { 204: NoContent, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      assertAllowed(await actorOf(ctx, request), 'role.grant');
      const { badge, id } = request.params as { badge: string; id: string };
      const agent = await agentByBadge(ctx, badge);
      const actor = await auditActorOf(ctx, request);
      await ctx.db.transaction().execute(async (trx) => {
        const removed = await trx.deleteFrom('role_assignments').where('id', '=', id).where('agent_id', '=', agent.id).returning('role').executeTakeFirst();
        if (!removed) throw new AppError('not_found', 'Ce rôle n’existe pas pour cet agent.');
        await recordAudit(trx, {
          actor,
          action: 'role.revoke',
          target: { type: 'agent', id: agent.id, label: label(agent) },
          departmentId: agent.department_id,
          changes: { role: { from: removed.role, to: null } },
          reason: (request.body as { reason: string }).reason,
          at: ctx.clock.now(),
        });
      });
      return reply.code(204).send();
    },
  );
}
