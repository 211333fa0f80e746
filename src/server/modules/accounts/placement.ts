import type { Db } from '../../db/connection.ts';
import type { FieldError } from '../../http/errors.ts';
import type { AgentChanges } from './accounts.repo.ts';
import * as lookup from './organisation-lookup.repo.ts';

// Where an agent sits (service, unit, site), what they do (job profile, grade) and who manages them, from
// the codes and ids a page sends. undefined leaves a field alone, null clears it; every problem is a field error.
export type PlacementInput = {
  serviceCode?: string | null;
  unitId?: string | null;
  siteId?: string | null;
  jobProfileCode?: string;
  gradeCode?: string | null;
  managerBadgeNumber?: string | null;
};

export type PlacementContext = {
  departmentId: string;
  departmentCode: string;
  /** The agent's service today, to check a unit given alone; null for a new agent. */
  currentServiceId: string | null;
  currentUnitId: string | null;
  /** The agent themselves (a manager cannot be their own), absent on creation. */
  agentId?: string;
  /** An organisation-wide actor may give a manager from another department. */
  organisationWide: boolean;
};

export async function resolvePlacement(
  db: Db,
  input: PlacementInput,
  at: PlacementContext,
): Promise<{ values: AgentChanges; errors: FieldError[] }> {
  const values: AgentChanges = {};
  const errors: FieldError[] = [];

  let serviceId = at.currentServiceId;
  if (input.serviceCode === null) {
    values.service_id = serviceId = null;
  } else if (input.serviceCode !== undefined) {
    const service = await lookup.findService(db, at.departmentId, input.serviceCode);
    if (service) values.service_id = serviceId = service.id;
    else errors.push({ field: 'serviceCode', rule: 'unknown', message: `la ${at.departmentCode} n’a pas de service ${input.serviceCode}` });
  }

  if (input.unitId === null) {
    values.unit_id = null;
  } else if (input.unitId !== undefined) {
    const unit = await lookup.findUnit(db, input.unitId);
    if (!unit) errors.push({ field: 'unitId', rule: 'unknown', message: 'cette unité n’existe pas' });
    else if (unit.service_id !== serviceId) errors.push({ field: 'unitId', rule: 'mismatch', message: `l’unité « ${unit.name} » ne fait pas partie du service choisi` });
    else values.unit_id = unit.id;
  } else if (values.service_id !== undefined && at.currentUnitId) {
    // A new service: the old unit belonged to the old one.
    const unit = await lookup.findUnit(db, at.currentUnitId);
    if (unit?.service_id !== serviceId) values.unit_id = null;
  }

  if (input.siteId === null) {
    values.site_id = null;
  } else if (input.siteId !== undefined) {
    const site = await lookup.findSite(db, input.siteId);
    if (site) values.site_id = site.id;
    else errors.push({ field: 'siteId', rule: 'unknown', message: 'ce site n’existe pas' });
  }

  if (input.jobProfileCode !== undefined) {
    const profile = await lookup.findJobProfile(db, input.jobProfileCode);
    if (profile) values.job_profile_id = profile.id;
    else errors.push({ field: 'jobProfileCode', rule: 'unknown', message: `le profil métier ${input.jobProfileCode} n’existe pas` });
  }

  if (input.gradeCode === null) {
    values.grade_id = null;
  } else if (input.gradeCode !== undefined) {
    const grade = await lookup.findGrade(db, input.gradeCode);
    if (grade) values.grade_id = grade.id;
    else errors.push({ field: 'gradeCode', rule: 'unknown', message: `le grade ${input.gradeCode} n’existe pas` });
  }

  if (input.managerBadgeNumber === null) {
    values.manager_id = null;
  } else if (input.managerBadgeNumber !== undefined) {
    const problem = await managerProblem(db, input.managerBadgeNumber, at);
    if (typeof problem === 'string') errors.push({ field: 'managerBadgeNumber', rule: 'manager', message: problem });
    else values.manager_id = problem.id;
  }

  return { values, errors };
}

async function managerProblem(db: Db, badge: string, at: PlacementContext): Promise<string | { id: string }> {
  const manager = await lookup.findAgentByBadge(db, badge);
  if (!manager) return `aucun agent n’a le matricule ${badge}`;
  if (manager.id === at.agentId) return 'un agent ne peut pas être son propre encadrant';
  if (manager.status === 'departed') return `${manager.first_name} ${manager.last_name} (${badge}) a quitté la collectivité`;
  if (manager.department_id !== at.departmentId && !at.organisationWide) {
    return `l’encadrant doit appartenir à la même direction (${at.departmentCode})`;
  }
  return { id: manager.id };
}
