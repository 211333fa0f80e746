import { type ComponentType, lazy } from 'react';
import { usePathname } from '../router/history.ts';
import type { Access } from '../session/access.ts';
import { parameterOf, type StaffRoute, staffRouteOf } from './staff-paths.ts';

// The staff pages (directory, HR, IT support, audit, administration), each in its own file loaded on demand.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const components: Record<StaffRoute, ComponentType> = {
  directory: page(() => import('./directory/DirectoryPage.tsx'), 'DirectoryPage'),
  directoryAgent: page(() => import('./directory/DirectoryCardPage.tsx'), 'DirectoryCardPage'),
  directoryDepartment: page(() => import('./directory/OrganisationChartPage.tsx'), 'OrganisationChartPage'),
  hrAgents: page(() => import('./hr/HrAgentsPage.tsx'), 'HrAgentsPage'),
  hrNewAgent: page(() => import('./hr/HrNewAgentPage.tsx'), 'HrNewAgentPage'),
  hrAgent: page(() => import('./hr/HrAgentPage.tsx'), 'HrAgentPage'),
  hrImport: page(() => import('./hr/HrImportPage.tsx'), 'HrImportPage'),
  supportAccounts: page(() => import('./support/SupportAccountsPage.tsx'), 'SupportAccountsPage'),
  supportAccount: page(() => import('./support/SupportAccountPage.tsx'), 'SupportAccountPage'),
  supportAlerts: page(() => import('./support/SecurityAlertsPage.tsx'), 'SecurityAlertsPage'),
  audit: page(() => import('./audit/AuditPage.tsx'), 'AuditPage'),
  adminRoles: page(() => import('./admin/RolesPage.tsx'), 'RolesPage'),
  adminScimTokens: page(() => import('./admin/ScimTokensPage.tsx'), 'ScimTokensPage'),
};

/** The staff page at this address, if there is one; every one of them needs a signed-in agent. */
export function staffPage(pathname: string): { component: ComponentType; access: Access } | undefined {
  const route = staffRouteOf(pathname);
  return route ? { component: components[route], access: 'signed-in' } : undefined;
}

/** The parameter of the current address (its last segment), decoded. */
export function useRouteParameter(): string {
  return parameterOf(usePathname());
}
