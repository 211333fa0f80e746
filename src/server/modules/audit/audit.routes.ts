import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { csvLine } from '../../http/csv.ts';
import { actorOf, assertAllowed, departmentScope } from '../access/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import * as repo from './audit.repo.ts';
import { AuditPageResponse, AuditQuery } from './audit.schema.ts';

const tags = ['journal d’audit'];

function filterOf(q: AuditQuery, scope: ReturnType<typeof departmentScope>, limit: number): repo.AuditFilter {
  const day = (d: string | undefined, plus = 0) => (d ? new Date(new Date(`${d}T00:00:00Z`).getTime() + plus * 86_400_000) : undefined);
  return {
    actor: q.actor,
    action: q.action,
    target: q.target,
    from: day(q.from),
    to: day(q.to, 1),
    text: q.q,
    beforeId: q.before,
    departmentIds: scope.all ? undefined : scope.departmentIds,
    limit,
  };
}

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        operationId: 'searchAuditTrail',
        tags,
        summary: 'Rechercher dans le journal des actions d’administration (responsable sécurité, administrateur)',
        querystring: AuditQuery,
        response: { 200: AuditPageResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const actor = await actorOf(ctx, request);
      assertAllowed(actor, 'audit.search');
      const q = request.query as AuditQuery;
      const rows = await repo.searchAudit(ctx.db, filterOf(q, departmentScope(actor, 'audit.search'), q.limit + 1));
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.occurred_at.toISOString(),
          actor: r.actor_label,
          actorIp: r.actor_ip,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          target: r.target_label,
          department: r.department_code,
          changes: r.changes,
          reason: r.reason,
        })),
        nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        operationId: 'exportAuditTrail',
        tags,
        summary: 'Exporter le journal filtré en CSV (cellules neutralisées contre l’injection de formules)',
        querystring: AuditQuery.omit({ limit: true, before: true }),
        produces: ['text/csv'],
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request);
      assertAllowed(actor, 'audit.search');
      const rows = await repo.searchAudit(ctx.db, filterOf({ ...(request.query as AuditQuery), limit: 50_000 }, departmentScope(actor, 'audit.search'), 50_000));
      let csv = '\ufeff' + csvLine(['id', 'date (UTC)', 'auteur', 'adresse IP', 'action', 'cible', 'direction', 'modifications', 'motif', 'empreinte']);
      for (const r of rows) {
        csv += csvLine([r.id, r.occurred_at.toISOString(), r.actor_label, r.actor_ip, r.action, r.target_label, r.department_code, r.changes, r.reason, r.hash]);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-audit-${ctx.clock.now().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
}
