import { type Action, type Actor, decide } from '../access/index.ts';

// The people an actor may reach for an action, as ids a query can filter on. Lists are filtered in SQL,
// so a page of results never shows someone outside the perimeter (nor counts them).
export type Perimeter =
  | { all: true }
  | { all: false; departmentIds: string[]; serviceIds: string[]; unitIds: string[]; agentIds: string[] };

export function perimeterOf(actor: Actor, action: Action): Perimeter {
  // Each role held is asked to the policy on its own: the policy stays the one place that names who may act.
  const eligible = actor.roles.filter((role) => decide({ ...actor, roles: [role] }, action).allowed);
  if (eligible.some((a) => !a.departmentId && !a.serviceId && !a.unitId)) return { all: true };
  const self = { agentId: actor.agentId, departmentId: actor.departmentId, serviceId: null, unitId: null, managerId: null };
  return {
    all: false,
    departmentIds: eligible.flatMap((a) => (a.departmentId && !a.serviceId && !a.unitId ? [a.departmentId] : [])),
    serviceIds: eligible.flatMap((a) => (a.serviceId && !a.unitId ? [a.serviceId] : [])),
    unitIds: eligible.flatMap((a) => (a.unitId ? [a.unitId] : [])),
    agentIds: decide({ ...actor, roles: [] }, action, self).allowed ? [actor.agentId] : [],
  };
}
