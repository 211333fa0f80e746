import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { perimeterOf } from './perimeter.ts';
import * as repo from './security-alerts.repo.ts';
import { assertMayUse, type SupportCaller } from './support-caller.ts';
import type { ActingCaller } from './support-actions.service.ts';
import type { AlertsQuery, AlertsResponse, SecurityAlert } from './support-console.schema.ts';

export function toSecurityAlert(r: repo.AlertRow): SecurityAlert {
  return {
    id: r.id,
    agent: { badgeNumber: r.badgeNumber, firstName: r.firstName, lastName: r.lastName, email: r.email, department: r.departmentCode },
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
    ip: r.ip,
    networkZone: r.network_zone as 'internal' | 'external',
    detail: r.detail,
    handled: r.handled_at
      ? {
          at: r.handled_at.toISOString(),
          by: r.handlerBadgeNumber ? `${r.handlerFirstName} ${r.handlerLastName} (${r.handlerBadgeNumber})` : null,
          note: r.handling_note,
        }
      : null,
  };
}

// "Ce n'était pas moi" reports of the caller's perimeter: unhandled first, newest first.
export async function listSecurityAlerts(ctx: AppContext, caller: SupportCaller, q: AlertsQuery): Promise<AlertsResponse> {
  assertMayUse(caller, 'security_alert.view');
  const perimeter = perimeterOf(caller.actor, 'security_alert.view');
  const rows = await repo.listAlerts(ctx.db, { perimeter, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const counts = await repo.countAlerts(ctx.db, { perimeter });
  const total = q.status === 'all' ? counts.total : q.status === 'open' ? counts.open : counts.total - counts.open;
  return { items: rows.map(toSecurityAlert), total, openCount: counts.open, page: q.page, pageSize: q.pageSize };
}

async function findInPerimeter(ctx: AppContext, caller: SupportCaller, alertId: string): Promise<repo.AlertRow> {
  const perimeter = perimeterOf(caller.actor, 'security_alert.view');
  const [alert] = await repo.listAlerts(ctx.db, { perimeter, alertId, status: 'all', limit: 1, offset: 0 });
  if (!alert) throw new AppError('not_found', 'Aucune alerte correspondante.');
  return alert;
}

/** Records what was done about an alert, once: a second support agent arriving later gets 409 and sees who did. */
export async function handleSecurityAlert(ctx: AppContext, caller: ActingCaller, alertId: string, note: string): Promise<SecurityAlert> {
  assertMayUse(caller, 'security_alert.view');
  const alert = await findInPerimeter(ctx, caller, alertId);
  if (alert.agentId === caller.actor.agentId) {
    throw new AppError('forbidden', 'Cette alerte concerne votre propre compte : un collègue doit la traiter.');
  }
  const alreadyHandled = () => new AppError('conflict', 'Cette alerte a déjà été traitée.');
  if (alert.handled_at) throw alreadyHandled();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.markAlertHandled(trx, alertId, caller.actor.agentId, note, now))) throw alreadyHandled();
    await recordAudit(trx, {
      actor: caller.audit,
      action: 'security_alert.handle',
      target: { type: 'agent', id: alert.agentId, label: `${alert.firstName} ${alert.lastName} (${alert.badgeNumber})` },
      departmentId: alert.departmentId,
      changes: { alert: { id: alertId, kind: alert.kind, createdAt: alert.created_at.toISOString() }, handled: { from: false, to: true } },
      reason: note,
      at: now,
    });
  });
  return toSecurityAlert(await findInPerimeter(ctx, caller, alertId));
}
