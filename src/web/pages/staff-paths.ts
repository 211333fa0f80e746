import { paths } from '../router/paths.ts';

// The pages loaded on demand (the agent's papers, the staff areas, the public verification): their addresses
// with a parameter (always their last segment), and which page an address opens.

export const staffPaths = {
  directoryAgent: (id: string) => `${paths.directory}/agents/${encodeURIComponent(id)}`,
  directoryDepartment: (code: string) => `${paths.directory}/directions/${encodeURIComponent(code)}`,
  hrAgent: (id: string) => `${paths.hrAgents}/${encodeURIComponent(id)}`,
  supportAccount: (badgeNumber: string) => `${paths.supportAccounts}/${encodeURIComponent(badgeNumber)}`,
  myPayslip: (month: string) => `${paths.myPayslips}/${encodeURIComponent(month)}`,
  request: (id: string) => `${paths.myRequests}/${encodeURIComponent(id)}`,
  jobOffer: (id: string) => `${paths.mobility}/offres/${encodeURIComponent(id)}`,
  trainingCourse: (id: string) => `${paths.training}/stages/${encodeURIComponent(id)}`,
  helpTicket: (id: string) => `${paths.help}/tickets/${encodeURIComponent(id)}`,
  helpArticle: (slug: string) => `${paths.help}/articles/${encodeURIComponent(slug)}`,
  supportTicket: (id: string) => `${paths.supportTickets}/${encodeURIComponent(id)}`,
  verifyCertificate: (code: string) => `${paths.verifyCertificate}/${encodeURIComponent(code)}`,
};

export type StaffRoute =
  | 'myRequests'
  | 'request'
  | 'leave'
  | 'teamCalendar'
  | 'telework'
  | 'mobility'
  | 'jobOffer'
  | 'training'
  | 'trainingCourse'
  | 'inbox'
  | 'delegations'
  | 'notifications'
  | 'hrAbsences'
  | 'help'
  | 'helpNewTicket'
  | 'helpTicket'
  | 'helpArticle'
  | 'cannotSignIn'
  | 'serviceStatus'
  | 'supportTickets'
  | 'supportTicket'
  | 'supportAnnouncements'
  | 'supportFaq'
  | 'adminApplications'
  | 'adminSsoClients'
  | 'adminGateway'
  | 'applications'
  | 'stepUp'
  | 'hrMobility'
  | 'hrTraining'
  | 'myFile'
  | 'myFileCorrections'
  | 'myBankDetails'
  | 'myFileConsultations'
  | 'myData'
  | 'myPayslips'
  | 'myPayslip'
  | 'myCertificates'
  | 'myCard'
  | 'verifyForm'
  | 'verifyCertificate'
  | 'hrFileCorrections'
  | 'hrCardReplacements'
  | 'hrPayroll'
  | 'directory'
  | 'directoryAgent'
  | 'directoryDepartment'
  | 'hrAgents'
  | 'hrNewAgent'
  | 'hrAgent'
  | 'hrImport'
  | 'supportAccounts'
  | 'supportAccount'
  | 'supportAlerts'
  | 'audit'
  | 'adminRoles'
  | 'adminScimTokens';

const exact: Record<string, StaffRoute> = {
  [paths.myRequests]: 'myRequests',
  [paths.leave]: 'leave',
  [paths.teamCalendar]: 'teamCalendar',
  [paths.telework]: 'telework',
  [paths.mobility]: 'mobility',
  [paths.training]: 'training',
  [paths.inbox]: 'inbox',
  [paths.delegations]: 'delegations',
  [paths.notifications]: 'notifications',
  [paths.hrAbsences]: 'hrAbsences',
  [paths.help]: 'help',
  [paths.helpNewTicket]: 'helpNewTicket',
  [paths.cannotSignIn]: 'cannotSignIn',
  [paths.serviceStatus]: 'serviceStatus',
  [paths.supportTickets]: 'supportTickets',
  [paths.supportAnnouncements]: 'supportAnnouncements',
  [paths.supportFaq]: 'supportFaq',
  [paths.adminApplications]: 'adminApplications',
  [paths.adminSsoClients]: 'adminSsoClients',
  [paths.adminGateway]: 'adminGateway',
  [paths.applications]: 'applications',
  [paths.stepUp]: 'stepUp',
  [paths.hrMobility]: 'hrMobility',
  [paths.hrTraining]: 'hrTraining',
  [paths.myFile]: 'myFile',
  [paths.myFileCorrections]: 'myFileCorrections',
  [paths.myBankDetails]: 'myBankDetails',
  [paths.myFileConsultations]: 'myFileConsultations',
  [paths.myData]: 'myData',
  [paths.myPayslips]: 'myPayslips',
  [paths.myCertificates]: 'myCertificates',
  [paths.myCard]: 'myCard',
  [paths.verifyCertificate]: 'verifyForm',
  [paths.hrFileCorrections]: 'hrFileCorrections',
  [paths.hrCardReplacements]: 'hrCardReplacements',
  [paths.hrPayroll]: 'hrPayroll',
  [paths.directory]: 'directory',
  [paths.hrAgents]: 'hrAgents',
  [paths.hrNewAgent]: 'hrNewAgent',
  [paths.hrImport]: 'hrImport',
  [paths.supportAccounts]: 'supportAccounts',
  [paths.supportAlerts]: 'supportAlerts',
  [paths.audit]: 'audit',
  [paths.adminRoles]: 'adminRoles',
  [paths.adminScimTokens]: 'adminScimTokens',
};

const withParameter: ReadonlyArray<[prefix: string, route: StaffRoute]> = [
  [`${paths.directory}/agents/`, 'directoryAgent'],
  [`${paths.directory}/directions/`, 'directoryDepartment'],
  [`${paths.hrAgents}/`, 'hrAgent'],
  [`${paths.supportAccounts}/`, 'supportAccount'],
  [`${paths.myPayslips}/`, 'myPayslip'],
  [`${paths.myRequests}/`, 'request'],
  [`${paths.help}/tickets/`, 'helpTicket'],
  [`${paths.help}/articles/`, 'helpArticle'],
  [`${paths.supportTickets}/`, 'supportTicket'],
  [`${paths.mobility}/offres/`, 'jobOffer'],
  [`${paths.training}/stages/`, 'trainingCourse'],
  [`${paths.verifyCertificate}/`, 'verifyCertificate'],
];

/** The staff page this address opens, if any: exact addresses first ("/rh/agents/nouveau" is not an agent). */
export function staffRouteOf(pathname: string): StaffRoute | undefined {
  const found = exact[pathname];
  if (found) return found;
  for (const [prefix, route] of withParameter) {
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
    if (rest && !rest.includes('/')) return route;
  }
  return undefined;
}

/** The parameter of a staff address: its last segment, decoded. */
export function parameterOf(pathname: string): string {
  const segment = pathname.slice(pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
