import type { Db } from '../../db/connection.ts';
import { decide, type TargetAgent } from '../access/index.ts';
import type { AuditActor } from '../audit/index.ts';
import * as repo from './accounts.repo.ts';
import type { MobilityBody } from './accounts.schema.ts';
import { getAgent } from './agent-admin.service.ts';
import { changesBetween, snapshotOf } from './agent-view.ts';
import { agentLabel, assertNotOwnAccount, auditAgent, conflict, type HrContext, invalid, perimeterOf, refuseDeparted } from './hr-context.ts';
import { type LockedAgent, lockedAgent } from './lifecycle.service.ts';
import * as mobilityRepo from './mobility.repo.ts';
import * as lookup from './organisation-lookup.repo.ts';
import { frenchDate, parisDate } from './paris-calendar.ts';
import { resolvePlacement } from './placement.ts';

export type Move = {
  toDepartmentId: string;
  toServiceId: string | null;
  toUnitId: string | null;
  toManagerId: string | null;
  effectiveDate: string;
  reason: string;
  requestedBy: string | null;
};

/**
 * A change of department (mobility), decided by an HR officer who manages the agent today. Effective today
 * (or without a date): the agent, their service and their manager move at once, and the old department's
 * HR loses sight of them. Later: kept, and the lifecycle job moves them when that day begins in Paris.
 */
export async function requestMobility(h: HrContext, on: TargetAgent, body: MobilityBody) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  const today = parisDate(now);
  const effectiveDate = body.effectiveDate ?? today;

  const destination = await lookup.findDepartment(ctx.db, body.departmentCode);
  if (!destination) throw invalid([{ field: 'departmentCode', rule: 'unknown', message: `la direction ${body.departmentCode} n’existe pas` }]);
  if (destination.id === on.departmentId) {
    throw invalid([{ field: 'departmentCode', rule: 'same_department', message: `l’agent est déjà à la ${destination.code} : pour changer de service, modifiez sa fiche` }]);
  }
  if (effectiveDate < today) throw invalid([{ field: 'effectiveDate', rule: 'past', message: 'une mobilité prend effet aujourd’hui ou plus tard' }]);
  const { values, errors } = await resolvePlacement(
    ctx.db,
    { serviceCode: body.serviceCode, unitId: body.unitId, managerBadgeNumber: body.managerBadgeNumber },
    {
      departmentId: destination.id,
      departmentCode: destination.code,
      currentServiceId: null,
      currentUnitId: null,
      agentId: on.agentId,
      organisationWide: perimeterOf(actor, 'account.update').all,
    },
  );
  if (errors.length > 0) throw invalid(errors);

  const move: Move = {
    toDepartmentId: destination.id,
    toServiceId: values.service_id ?? null,
    toUnitId: values.unit_id ?? null,
    toManagerId: values.manager_id ?? null,
    effectiveDate,
    reason: body.reason,
    requestedBy: actor.agentId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await lockedAgent(trx, on.agentId);
    refuseDeparted(agent);
    const waiting = await mobilityRepo.findPendingChange(trx, agent.id);
    if (waiting) {
      throw conflict(`Une mobilité vers la ${waiting.department_code} est déjà prévue le ${frenchDate(waiting.effective_date)} : annulez-la d’abord.`);
    }
    if (agent.departure_date && agent.departure_date <= effectiveDate) {
      throw invalid([{ field: 'effectiveDate', rule: 'after_departure', message: `l’agent part le ${frenchDate(agent.departure_date)}, avant cette mobilité` }]);
    }
    if (effectiveDate === today) {
      await applyMobility(trx, who, agent, move, now);
      return;
    }
    await mobilityRepo.insertDepartmentChange(trx, {
      agent_id: agent.id,
      from_department_id: agent.department_id,
      to_department_id: move.toDepartmentId,
      to_service_id: move.toServiceId,
      to_unit_id: move.toUnitId,
      to_manager_id: move.toManagerId,
      effective_date: effectiveDate,
      reason: body.reason,
      requested_by: actor.agentId,
      requested_at: now,
      applied_at: null,
    });
    await auditAgent(trx, {
      who,
      action: 'account.mobility_schedule',
      agent: { id: agent.id, label: agentLabel(agent), departmentId: agent.department_id },
      changes: { department: { from: (await repo.findAgentDetail(trx, agent.id))?.department_code ?? null, to: destination.code }, effectiveDate },
      reason: body.reason,
      at: now,
    });
  });

  // After the move the agent may be outside the reader's perimeter: they get no detail then.
  const moved = { ...on, departmentId: effectiveDate === today ? destination.id : on.departmentId, serviceId: null, unitId: null };
  const stillVisible = decide(actor, 'account.view', moved).allowed;
  return {
    applied: effectiveDate === today,
    effectiveDate,
    departmentCode: destination.code,
    agent: stillVisible ? await getAgent(ctx, actor, moved) : null,
  };
}

export async function cancelMobility(h: HrContext, on: TargetAgent, reason: string) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const agent = await lockedAgent(trx, on.agentId);
    const waiting = await mobilityRepo.findPendingChange(trx, agent.id);
    if (!waiting) throw conflict(`Aucune mobilité n’est prévue pour l’agent ${agent.badge_number}.`);
    await mobilityRepo.cancelPendingChange(trx, agent.id, now);
    await auditAgent(trx, {
      who,
      action: 'account.mobility_cancel',
      agent: { id: agent.id, label: agentLabel(agent), departmentId: agent.department_id },
      changes: { department: { from: waiting.department_code, to: null }, effectiveDate: waiting.effective_date },
      reason,
      at: now,
    });
  });
  return getAgent(ctx, actor, on, 'account.update');
}

/**
 * Moves the agent now, in the caller's transaction: department, service, unit and manager together; the roles
 * they held over the department they leave end (organisation-wide roles stay). Recorded in the agent's
 * assignment history and the audit trail (under the department they leave).
 */
export async function applyMobility(trx: Db, who: AuditActor, agent: LockedAgent, move: Move, now: Date, changeId?: string): Promise<void> {
  const before = await repo.findAgentDetail(trx, agent.id);
  if (!before) return;
  await repo.updateAgent(
    trx,
    agent.id,
    { department_id: move.toDepartmentId, service_id: move.toServiceId, unit_id: move.toUnitId, manager_id: move.toManagerId },
    now,
  );
  const rolesEnded = await recordMove(trx, agent.id, agent.department_id, move, now, changeId);
  const after = await repo.findAgentDetail(trx, agent.id);
  if (!after) return;
  await auditAgent(trx, {
    who,
    action: 'account.mobility',
    agent: { id: agent.id, label: agentLabel(agent), departmentId: agent.department_id },
    changes: { ...changesBetween(snapshotOf(before), snapshotOf(after)), ...(rolesEnded.length ? { rolesEnded } : {}) },
    reason: move.reason,
    at: now,
  });
}

/**
 * The bookkeeping of a move already written on the agent: the roles held over the department left end
 * (organisation-wide roles stay) and the assignment history gets its line. Returns the roles ended.
 */
export async function recordMove(trx: Db, agentId: string, fromDepartmentId: string, move: Move, now: Date, changeId?: string): Promise<string[]> {
  const rolesEnded = await mobilityRepo.revokeRolesScopedTo(trx, agentId, fromDepartmentId);
  if (changeId) {
    await mobilityRepo.markChangeApplied(trx, changeId, now);
  } else {
    await mobilityRepo.insertDepartmentChange(trx, {
      agent_id: agentId,
      from_department_id: fromDepartmentId,
      to_department_id: move.toDepartmentId,
      to_service_id: move.toServiceId,
      to_unit_id: move.toUnitId,
      to_manager_id: move.toManagerId,
      effective_date: move.effectiveDate,
      reason: move.reason,
      requested_by: move.requestedBy,
      requested_at: now,
      applied_at: now,
    });
  }
  return rolesEnded;
}
