// Addresses are the same in every language so that a shared link works for everyone.
export const paths = {
  home: '/',
  accessibility: '/accessibilite',
  apiReference: '/reference-api',
  signIn: '/connexion',
  signInSecondFactor: '/connexion/verification',
  signInNewPassword: '/connexion/nouveau-mot-de-passe',
  signInEnrolment: '/connexion/double-authentification',
  forgottenPassword: '/mot-de-passe-oublie',
  resetPassword: '/mot-de-passe/nouveau',
  account: '/compte',
  accountPassword: '/compte/mot-de-passe',
  accountSecondFactors: '/compte/verification',
  accountSessions: '/compte/sessions',
  accountHistory: '/compte/historique',
  devOutbox: '/dev/boite-mail',
  // The agent's own papers (see pages/staff-routes.ts for a payslip's and a verification's address).
  myFile: '/mon-dossier',
  myFileCorrections: '/mon-dossier/corrections',
  myBankDetails: '/mon-dossier/coordonnees-bancaires',
  myFileConsultations: '/mon-dossier/consultations',
  myData: '/mon-dossier/mes-donnees',
  myPayslips: '/mes-bulletins',
  myCertificates: '/mes-attestations',
  myCard: '/ma-carte',
  // Requests and approvals (see pages/staff-routes.ts for a request's address).
  myRequests: '/demandes',
  leave: '/conges',
  teamCalendar: '/conges/equipe',
  telework: '/teletravail',
  mobility: '/mobilite',
  training: '/formation',
  inbox: '/validations',
  delegations: '/validations/delegations',
  notifications: '/notifications',
  // Help: the agents' help centre (FAQ, tickets), the way in for locked-out agents, the service status.
  help: '/aide',
  helpNewTicket: '/aide/demande',
  cannotSignIn: '/connexion/aide',
  serviceStatus: '/etat-des-services',
  supportTickets: '/assistance/tickets',
  supportAnnouncements: '/assistance/annonces',
  supportFaq: '/assistance/faq',
  // Printed in every certificate's QR code: the one address not in French, so that it reads anywhere.
  verifyCertificate: '/verify',
  // Staff areas (see pages/staff-routes.ts for the addresses with a parameter).
  directory: '/annuaire',
  hrAgents: '/rh/agents',
  hrNewAgent: '/rh/agents/nouveau',
  hrImport: '/rh/import',
  hrFileCorrections: '/rh/corrections',
  hrCardReplacements: '/rh/cartes',
  hrPayroll: '/rh/paie',
  hrAbsences: '/rh/absences',
  hrMobility: '/rh/mobilite',
  hrTraining: '/rh/formation',
  supportAccounts: '/assistance/comptes',
  supportAlerts: '/assistance/alertes',
  audit: '/audit',
  adminRoles: '/administration/roles',
  adminScimTokens: '/administration/jetons-scim',
  adminApplications: '/administration/applications',
  adminSsoClients: '/administration/sso',
  adminGateway: '/administration/passerelle',
  applications: '/applications',
  // Asked by an application that wants a second factor the session has not proved yet (?retour=…).
  stepUp: '/connexion/verification-renforcee',
} as const;

export const returnParameter = 'retour';

// Only a path of this app may be a destination after signing in: never another site ("//evil.example"),
// never a sign-in step (it would loop).
const base = 'https://portal.invalid';

export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  const url = new URL(value, base);
  if (url.origin !== base) return undefined;
  if (url.pathname === paths.signIn || url.pathname.startsWith(`${paths.signIn}/`)) return undefined;
  return url.pathname + url.search;
}

export function returnPathFrom(search: string): string | undefined {
  return safeReturnPath(new URLSearchParams(search).get(returnParameter));
}

/** `path` with `?retour=…` when there is somewhere to come back to. */
export function withReturn(path: string, returnTo: string | undefined): string {
  if (!returnTo || returnTo === paths.home) return path;
  return `${path}?${new URLSearchParams({ [returnParameter]: returnTo })}`;
}
