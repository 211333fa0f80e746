import type { DepartmentDefinition } from './departments.catalogue.ts';

// How many agents each department and service receives. Every department first gets its minimal
// structure (director, heads of service, one unit manager and one agent per service, an HR officer);
// the rest is shared in proportion to the departments' real relative sizes.

export const DEFAULT_AGENT_COUNT = 300;
export const MAX_AGENT_COUNT = 200_000;

/** The department that hosts IT support, the administrator and the security officer. */
export const IT_DEPARTMENT = 'DSIN';

const AGENTS_PER_UNIT = 15;
const MAX_UNITS_PER_SERVICE = 24;
const AGENTS_PER_HR_OFFICER = 400;
const AGENTS_PER_IT_SUPPORT = 2_500;

export function itSupportCount(totalAgents: number): number {
  return Math.max(2, Math.floor(totalAgents / AGENTS_PER_IT_SUPPORT));
}

export function hrOfficerCount(departmentSize: number): number {
  return Math.max(1, Math.floor(departmentSize / AGENTS_PER_HR_OFFICER));
}

/** People outside the services' budget: IT support and the administrator at DSIN. */
export function extraPeople(department: DepartmentDefinition, totalAgents: number): number {
  return department.code === IT_DEPARTMENT ? itSupportCount(totalAgents) + 1 : 0;
}

function minimalSize(department: DepartmentDefinition, totalAgents: number): number {
  return 1 + 3 * department.services.length + 1 + extraPeople(department, totalAgents);
}

export function minimumAgentCount(departments: readonly DepartmentDefinition[]): number {
  return departments.reduce((sum, d) => sum + minimalSize(d, 0), 0);
}

/** Sizes summing exactly to totalAgents (largest remainder method, so no agent is lost to rounding). */
export function departmentSizes(departments: readonly DepartmentDefinition[], totalAgents: number): number[] {
  const base = departments.map((d) => minimalSize(d, totalAgents));
  const spare = totalAgents - base.reduce((a, b) => a + b, 0);
  if (spare < 0) throw new RangeError(`at least ${minimumAgentCount(departments)} agents are needed`);
  const totalWeight = departments.reduce((sum, d) => sum + d.weight, 0);
  const exact = departments.map((d) => (spare * d.weight) / totalWeight);
  const sizes = exact.map((share, i) => (base[i] ?? 0) + Math.floor(share));
  let left = totalAgents - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((share, i) => [share - Math.floor(share), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  return sizes;
}

/** Splits a budget in near-equal integer parts, the first ones one larger. */
export function splitEvenly(budget: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(budget / parts) + (i < budget % parts ? 1 : 0));
}

/** A service's units: one per ~15 agents, at least one, each with a manager and at least one agent. */
export function unitCount(serviceBudget: number): number {
  return Math.max(1, Math.min(MAX_UNITS_PER_SERVICE, Math.floor(serviceBudget / AGENTS_PER_UNIT), Math.floor(serviceBudget / 2)));
}
