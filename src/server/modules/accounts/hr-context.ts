import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type Action, type Actor, departmentScope } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';

// Who acts: the signed-in HR officer (their roles, and how the audit trail names them), or the job.
export type HrContext = { ctx: AppContext; actor: Actor; who: AuditActor };

export const LIFECYCLE_JOB_ACTOR: AuditActor = {
  agentId: null,
  label: 'Nomades (tâche planifiée des arrivées, départs et mobilités)',
  ip: null,
};

export type Perimeter = { all: boolean; departmentIds: readonly string[] };

/** The departments where the actor may do this action (all of them for an organisation-wide role). */
export function perimeterOf(actor: Actor, action: Action): Perimeter {
  const scope = departmentScope(actor, action);
  return scope.all ? { all: true, departmentIds: [] } : { all: false, departmentIds: scope.departmentIds };
}

export function inPerimeter(perimeter: Perimeter, departmentId: string): boolean {
  return perimeter.all || perimeter.departmentIds.includes(departmentId);
}

// Separation of duties: an HR officer's own record is changed by a colleague, never by themselves.
export function assertNotOwnAccount(actor: Actor, agentId: string): void {
  if (actor.agentId === agentId) {
    throw new AppError('forbidden', 'Vous ne pouvez pas administrer votre propre compte : demandez-le à un autre gestionnaire RH.');
  }
}

export function agentLabel(agent: { first_name: string; last_name: string; badge_number: string }): string {
  return `${agent.first_name} ${agent.last_name} (${agent.badge_number})`;
}

export function invalid(errors: FieldError[]): AppError {
  return new AppError('validation_failed', undefined, { errors });
}

export function conflict(message: string, field?: string): AppError {
  return new AppError('conflict', message, field ? { errors: [{ field, message }] } : {});
}

export function refuseDeparted(agent: { status: string; badge_number: string }): void {
  if (agent.status === 'departed') {
    throw conflict(`L’agent ${agent.badge_number} a quitté la collectivité : son compte ne peut plus être modifié ni rouvert.`);
  }
}

/** One line of the audit trail about an agent, in the caller's transaction. */
export async function auditAgent(
  trx: Db,
  entry: {
    who: AuditActor;
    action: string;
    agent: { id: string; label: string; departmentId: string };
    changes?: Record<string, unknown>;
    reason?: string | null;
    at: Date;
  },
): Promise<void> {
  await recordAudit(trx, {
    actor: entry.who,
    action: entry.action,
    target: { type: 'agent', id: entry.agent.id, label: entry.agent.label },
    departmentId: entry.agent.departmentId,
    changes: entry.changes ?? {},
    reason: entry.reason ?? null,
    at: entry.at,
  });
}
