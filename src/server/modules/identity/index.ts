export {
  accountConflictOf,
  createAccount,
  DEFAULT_JOB_PROFILE_CODE,
  drawWelcomeCredentials,
  grantWelcomeCredentials,
  insertAgentsWithAccounts,
  insertAgentWithAccount,
  welcomeCredentialsStillValid,
  ENROLMENT_CODE_VALIDITY_MS,
  enrolmentCodeMac,
  type IssuedEnrolmentCode,
  issueEnrolmentCode,
  issueTemporaryPassword,
  listAccounts,
} from './account.service.ts';
export {
  AccountRole,
  type AccountSummary,
  BadgeNumber,
  type CreatedAccount,
  CreateAccountInput,
  type IssuedTemporaryPassword,
  organisationWideRoles,
  PersonName,
  ProfessionalEmail,
} from './account.schema.ts';
export { generateTemporaryPassword, hashPassword, verifyPassword } from './password-hash.ts';
export { remindExpiringPasswords } from './password-expiry.ts';
export { endAllAccess } from './account-access.ts';
export { type ConnectionEventView, connectionHistoryPage } from './connection-history.service.ts';
export { resolveSession, resolveSessionById, type Session, signOutSession } from './session.service.ts';
