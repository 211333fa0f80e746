import type { MeResponse } from '../../server/modules/identity/sign-in.schema.ts';
import { paths } from '../router/paths.ts';

// Which staff area each role opens. The server decides on every request; this only keeps the menu to what
// the agent can use, and lets a page say "reserved to…" before asking the API.
export type StaffArea = 'directory' | 'hr' | 'support' | 'audit' | 'administration';

const areaRoles: Record<StaffArea, readonly string[] | 'everyone'> = {
  directory: 'everyone',
  hr: ['hr_officer', 'administrator'],
  support: ['it_support', 'administrator', 'security_officer'],
  audit: ['security_officer', 'administrator'],
  administration: ['administrator'],
};

export const staffAreas: readonly StaffArea[] = ['directory', 'hr', 'support', 'audit', 'administration'];

export const areaHome: Record<StaffArea, string> = {
  directory: paths.directory,
  hr: paths.hrAgents,
  support: paths.supportAccounts,
  audit: paths.audit,
  administration: paths.adminRoles,
};

/** The first segment of each area's addresses, to mark the menu entry of any page inside it. */
export const areaPrefix: Record<StaffArea, string> = {
  directory: '/annuaire',
  hr: '/rh',
  support: '/assistance',
  audit: '/audit',
  administration: '/administration',
};

export function mayUseArea(area: StaffArea, roles: MeResponse['roles']): boolean {
  const allowed = areaRoles[area];
  return allowed === 'everyone' || roles.some((assignment) => allowed.includes(assignment.role));
}

export function areasOf(roles: MeResponse['roles']): StaffArea[] {
  return staffAreas.filter((area) => mayUseArea(area, roles));
}

export type NavItem = {
  href: string;
  label: string;
  /** Pages under this path mark the entry as the current area. */
  area?: string;
  /** The same, for an entry whose pages live under several paths. */
  areas?: readonly string[];
};

/** The main menu's entries for the staff areas this agent may use. */
export function staffNavItems(roles: MeResponse['roles'], labels: Record<StaffArea, string>): NavItem[] {
  return areasOf(roles).map((area) => ({ href: areaHome[area], label: labels[area], area: areaPrefix[area] }));
}
