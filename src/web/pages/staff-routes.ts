import { type ComponentType, lazy } from 'react';
import { usePathname } from '../router/history.ts';
import type { Access } from '../session/access.ts';
import { parameterOf, type StaffRoute, staffRouteOf } from './staff-paths.ts';

// The agent's papers, the staff pages (directory, HR, IT support, audit, administration) and the public
// certificate check, each in its own file loaded on demand.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const components: Record<StaffRoute, ComponentType> = {
  myRequests: page(() => import('./requests/MyRequestsPage.tsx'), 'MyRequestsPage'),
  request: page(() => import('./requests/RequestPage.tsx'), 'RequestPage'),
  inbox: page(() => import('./requests/InboxPage.tsx'), 'InboxPage'),
  delegations: page(() => import('./requests/DelegationsPage.tsx'), 'DelegationsPage'),
  notifications: page(() => import('./requests/NotificationsPage.tsx'), 'NotificationsPage'),
  leave: page(() => import('./leave/LeavePage.tsx'), 'LeavePage'),
  teamCalendar: page(() => import('./leave/TeamCalendarPage.tsx'), 'TeamCalendarPage'),
  hrAbsences: page(() => import('./hr/HrAbsencesPage.tsx'), 'HrAbsencesPage'),
  telework: page(() => import('./telework/TeleworkPage.tsx'), 'TeleworkPage'),
  mobility: page(() => import('./mobility/MobilityPage.tsx'), 'MobilityPage'),
  jobOffer: page(() => import('./mobility/JobOfferPage.tsx'), 'JobOfferPage'),
  hrMobility: page(() => import('./hr/HrMobilityPage.tsx'), 'HrMobilityPage'),
  training: page(() => import('./training/TrainingPage.tsx'), 'TrainingPage'),
  trainingCourse: page(() => import('./training/TrainingCoursePage.tsx'), 'TrainingCoursePage'),
  adminApplications: page(() => import('./admin/ApplicationsAdminPage.tsx'), 'ApplicationsAdminPage'),
  adminSsoClients: page(() => import('./admin/SsoClientsPage.tsx'), 'SsoClientsPage'),
  adminGateway: page(() => import('./admin/GatewayRoutesPage.tsx'), 'GatewayRoutesPage'),
  applications: page(() => import('./applications/ApplicationsPage.tsx'), 'ApplicationsPage'),
  stepUp: page(() => import('./sign-in/StepUpPage.tsx'), 'StepUpPage'),
  help: page(() => import('./help/HelpPage.tsx'), 'HelpPage'),
  helpNewTicket: page(() => import('./help/NewTicketPage.tsx'), 'NewTicketPage'),
  helpTicket: page(() => import('./help/TicketPage.tsx'), 'TicketPage'),
  helpArticle: page(() => import('./help/ArticlePage.tsx'), 'ArticlePage'),
  cannotSignIn: page(() => import('./help/CannotSignInPage.tsx'), 'CannotSignInPage'),
  serviceStatus: page(() => import('./help/ServiceStatusPage.tsx'), 'ServiceStatusPage'),
  supportTickets: page(() => import('./support/TicketQueuePage.tsx'), 'TicketQueuePage'),
  supportTicket: page(() => import('./support/SupportTicketPage.tsx'), 'SupportTicketPage'),
  supportAnnouncements: page(() => import('./support/AnnouncementsAdminPage.tsx'), 'AnnouncementsAdminPage'),
  supportFaq: page(() => import('./support/FaqAdminPage.tsx'), 'FaqAdminPage'),
  hrTraining: page(() => import('./hr/HrTrainingPage.tsx'), 'HrTrainingPage'),
  myFile: page(() => import('./my-file/MyFilePage.tsx'), 'MyFilePage'),
  myFileCorrections: page(() => import('./my-file/MyFileCorrectionsPage.tsx'), 'MyFileCorrectionsPage'),
  myBankDetails: page(() => import('./my-file/MyBankDetailsPage.tsx'), 'MyBankDetailsPage'),
  myFileConsultations: page(() => import('./my-file/MyFileConsultationsPage.tsx'), 'MyFileConsultationsPage'),
  myData: page(() => import('./my-file/MyDataPage.tsx'), 'MyDataPage'),
  myPayslips: page(() => import('./payslips/MyPayslipsPage.tsx'), 'MyPayslipsPage'),
  myPayslip: page(() => import('./payslips/MyPayslipPage.tsx'), 'MyPayslipPage'),
  myCertificates: page(() => import('./certificates/MyCertificatesPage.tsx'), 'MyCertificatesPage'),
  myCard: page(() => import('./professional-card/MyCardPage.tsx'), 'MyCardPage'),
  verifyForm: page(() => import('./certificates/VerifyFormPage.tsx'), 'VerifyFormPage'),
  verifyCertificate: page(() => import('./certificates/VerifyCertificatePage.tsx'), 'VerifyCertificatePage'),
  hrFileCorrections: page(() => import('./hr/HrFileCorrectionsPage.tsx'), 'HrFileCorrectionsPage'),
  hrCardReplacements: page(() => import('./hr/HrCardReplacementsPage.tsx'), 'HrCardReplacementsPage'),
  hrPayroll: page(() => import('./hr/HrPayrollPage.tsx'), 'HrPayrollPage'),
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

// Whoever holds a certificate (a landlord, a bank) checks it without an account.
// The help for an agent who cannot sign in, and the service status, are open to everyone as well.
const publicRoutes: ReadonlySet<StaffRoute> = new Set(['verifyForm', 'verifyCertificate', 'cannotSignIn', 'serviceStatus', 'help', 'helpArticle']);

/** The page at this address, if there is one; all but the certificate check need a signed-in agent. */
export function staffPage(pathname: string): { component: ComponentType; access: Access } | undefined {
  const route = staffRouteOf(pathname);
  return route ? { component: components[route], access: publicRoutes.has(route) ? 'public' : 'signed-in' } : undefined;
}

/** The parameter of the current address (its last segment), decoded. */
export function useRouteParameter(): string {
  return parameterOf(usePathname());
}
