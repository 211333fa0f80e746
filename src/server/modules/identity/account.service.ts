import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { type Clock, systemClock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import type { Keys } from '../../security/keys.ts';
import { DepartmentCode } from '../organisation/index.ts';
import * as repo from './account.repo.ts';
import {
  type AccountSummary,
  BadgeNumber,
  type CreatedAccount,
  CreateAccountInput,
  type IssuedTemporaryPassword,
  organisationWideRoles,
} from './account.schema.ts';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './password-hash.ts';
import { deleteSessionsOfAgent } from './session.repo.ts';

export const DEFAULT_JOB_PROFILE_CODE = 'agent-administratif';

/** Creates an agent, their account (temporary password) and their role, all or nothing. */
export async function createAccount(db: Db, input: CreateAccountInput, clock: Clock = systemClock): Promise<CreatedAccount> {
  const data = parse(CreateAccountInput, input);
  const jobProfileCode = data.jobProfileCode ?? DEFAULT_JOB_PROFILE_CODE;
  const temporaryPassword = generateTemporaryPassword();
  // Hashed before the transaction opens: argon2 takes ~50 ms, no need to hold a connection meanwhile.
  const passwordHash = await hashPassword(temporaryPassword);

  try {
    return await db.transaction().execute(async (trx) => {
      const department = await repo.findDepartmentByCode(trx, data.departmentCode);
      const jobProfile = await repo.findJobProfileByCode(trx, jobProfileCode);
      const manager = data.managerBadgeNumber ? await repo.findAgentByBadgeNumber(trx, data.managerBadgeNumber) : undefined;
      const errors: FieldError[] = [];
      if (!department) errors.push({ field: 'departmentCode', message: `la direction ${data.departmentCode} n'existe pas (créez-la d'abord)` });
      if (!jobProfile) errors.push({ field: 'jobProfileCode', message: `le profil métier ${jobProfileCode} n'existe pas` });
      if (data.managerBadgeNumber && !manager) {
        errors.push({ field: 'managerBadgeNumber', message: `aucun agent n'a le matricule ${data.managerBadgeNumber}` });
      }
      if (!department || !jobProfile || errors.length > 0) throw invalid(errors);

      const agentId = await insertAgentWithAccount(
        trx,
        {
          badge_number: data.badgeNumber,
          email: data.email,
          first_name: data.firstName,
          last_name: data.lastName,
          department_id: department.id,
          job_profile_id: jobProfile.id,
          job_title: data.jobTitle ?? jobProfile.name,
          manager_id: manager?.id ?? null,
          start_date: parisDate(clock.now()),
        },
        passwordHash,
      );
      if (data.role) {
        await repo.insertRoleAssignment(trx, agentId, data.role, organisationWideRoles.includes(data.role) ? null : department.id);
      }
      return {
        badgeNumber: data.badgeNumber,
        email: data.email,
        firstName: data.firstName,
        lastName: data.lastName,
        departmentCode: department.code,
        jobProfileCode: jobProfile.code,
        role: data.role ?? null,
        temporaryPassword,
      };
    });
  } catch (error) {
    throw accountConflictOf(error, data.badgeNumber, data.email) ?? error;
  }
}

export type NewAgent = repo.NewAgentRow;

/**
 * Inserts an agent and their account in the caller's transaction, refusing a badge number or an e-mail that
 * another agent holds. With a null hash the account cannot sign in until a temporary password is issued.
 */
export async function insertAgentWithAccount(trx: Db, agent: NewAgent, passwordHash: string | null): Promise<string> {
  const holders = await repo.findAgentsHolding(trx, agent.badge_number, agent.email);
  if (holders.some((holder) => holder.badge_number === agent.badge_number)) throw badgeTaken(agent.badge_number);
  if (holders.length > 0) throw emailTaken(agent.email);
  const { id } = await repo.insertAgent(trx, agent);
  await repo.insertAccount(trx, id, passwordHash);
  return id;
}

/**
 * Many agents at once (an HR import), each with an account that has no password yet, in the caller's
 * transaction. Returns their ids by badge number.
 */
export async function insertAgentsWithAccounts(trx: Db, agents: NewAgent[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < agents.length; i += 500) {
    const chunk = agents.slice(i, i + 500);
    const holders = await repo.findAgentsHoldingAny(trx, chunk.map((a) => a.badge_number), chunk.map((a) => a.email));
    const badgeHolder = holders.find((h) => chunk.some((a) => a.badge_number === h.badge_number));
    if (badgeHolder) throw badgeTaken(badgeHolder.badge_number);
    if (holders[0]) throw emailTaken(holders[0].email);
    const inserted = await repo.insertAgents(trx, chunk);
    await repo.insertAccounts(trx, inserted.map((row) => row.id));
    for (const row of inserted) ids.set(row.badge_number, row.id);
  }
  return ids;
}

/** Two creations racing past the checks: the unique constraints have the last word, in the agent's words. */
export function accountConflictOf(error: unknown, badgeNumber: string, email: string): AppError | undefined {
  if (uniqueViolation(error) === 'agents_badge_number_key') return badgeTaken(badgeNumber);
  if (uniqueViolation(error) === 'agents_email_key') return emailTaken(email);
  return undefined;
}

export async function listAccounts(db: Db, filter: { department?: string } = {}): Promise<AccountSummary[]> {
  if (filter.department === undefined) return repo.listAccounts(db);
  const code = parse(DepartmentCode, filter.department, 'department');
  const department = await repo.findDepartmentByCode(db, code);
  if (!department) throw new AppError('not_found', `La direction ${code} n'existe pas.`);
  return repo.listAccounts(db, department.id);
}

/** Replaces the agent's password with a new temporary one, which they must change at next sign-in. */
export async function issueTemporaryPassword(db: Db, badgeNumber: string): Promise<IssuedTemporaryPassword> {
  const badge = parse(BadgeNumber, badgeNumber, 'badgeNumber');
  const agent = await repo.findAgentByBadgeNumber(db, badge);
  if (!agent) throw new AppError('not_found', `Aucun agent n'a le matricule ${badge}.`);
  if (agent.status === 'departed') {
    throw new AppError('unprocessable', `L'agent ${badge} a quitté la collectivité : son compte ne peut pas être rouvert.`);
  }
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  // Whoever held the account before the new password was issued must not keep a session.
  await db.transaction().execute(async (trx) => {
    await repo.upsertTemporaryPassword(trx, agent.id, passwordHash);
    await deleteSessionsOfAgent(trx, agent.id);
  });
  return { badgeNumber: badge, email: agent.email, temporaryPassword };
}

export const ENROLMENT_CODE_VALIDITY_MS = 72 * 3_600_000;

// Read over the phone by IT support: upper case, no look-alike characters (0/O, 1/I), 40 bits.
const enrolmentAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export type IssuedEnrolmentCode = { badgeNumber: string; email: string; enrolmentCode: string; expiresAt: string };

/** What is stored for a code as the agent types it: dashes, spaces and case do not matter. */
export function enrolmentCodeMac(keys: Keys, typed: string): string {
  return keys.mac('enrolment-code', codeAsTyped(typed));
}

const codeAsTyped = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A fresh code and what is stored of it (its MAC), valid 72 hours from `validFrom` (now by default). */
export function drawEnrolmentCode(keys: Keys, clock: Clock, validFrom?: Date): { enrolmentCode: string; mac: string; expiresAt: Date } {
  let raw = '';
  for (let i = 0; i < 8; i++) raw += enrolmentAlphabet[randomInt(enrolmentAlphabet.length)];
  const from = validFrom && validFrom > clock.now() ? validFrom : clock.now();
  return {
    enrolmentCode: `${raw.slice(0, 4)}-${raw.slice(4)}`,
    mac: enrolmentCodeMac(keys, raw),
    expiresAt: new Date(from.getTime() + ENROLMENT_CODE_VALIDITY_MS),
  };
}

/**
 * Gives an agent outside the city network a code, valid 72 hours, to enrol a second factor; it replaces any
 * earlier code. Only its MAC is stored: the code is shown once, to be read to the agent.
 */
export async function issueEnrolmentCode(db: Db, keys: Keys, clock: Clock, badgeNumber: string): Promise<IssuedEnrolmentCode> {
  const badge = parse(BadgeNumber, badgeNumber, 'badgeNumber');
  const agent = await repo.findAgentByBadgeNumber(db, badge);
  if (!agent) throw new AppError('not_found', `Aucun agent n'a le matricule ${badge}.`);
  if (agent.status === 'departed') {
    throw new AppError('unprocessable', `L'agent ${badge} a quitté la collectivité : aucun code d'enrôlement ne peut lui être donné.`);
  }
  if (agent.status === 'suspended') {
    throw new AppError('unprocessable', `Le compte de l'agent ${badge} est suspendu : aucun code d'enrôlement ne peut lui être donné.`);
  }
  const code = drawEnrolmentCode(keys, clock);
  const stored = await repo.setEnrolmentCode(db, agent.id, code.mac, code.expiresAt);
  if (!stored) {
    throw new AppError('unprocessable', `L'agent ${badge} n'a pas encore de compte : donnez-lui d'abord un mot de passe temporaire.`);
  }
  return { badgeNumber: badge, email: agent.email, enrolmentCode: code.enrolmentCode, expiresAt: code.expiresAt.toISOString() };
}

/** What a welcome letter hands over: a temporary password and an enrolment code, shown once, never stored in clear. */
export type WelcomeCredentials = {
  temporaryPassword: string;
  passwordHash: string;
  enrolmentCode: string;
  enrolmentCodeMac: string;
  enrolmentCodeExpiresAt: Date;
};

/**
 * Draws both secrets, hashing before any transaction opens (argon2 ~50 ms). An agent who starts later gets a
 * code valid 72 hours from `validFrom` (their first day), not from the day HR printed the letter.
 */
export async function drawWelcomeCredentials(keys: Keys, clock: Clock, validFrom?: Date): Promise<WelcomeCredentials> {
  const temporaryPassword = generateTemporaryPassword();
  const code = drawEnrolmentCode(keys, clock, validFrom);
  return {
    temporaryPassword,
    passwordHash: await hashPassword(temporaryPassword),
    enrolmentCode: code.enrolmentCode,
    enrolmentCodeMac: code.mac,
    enrolmentCodeExpiresAt: code.expiresAt,
  };
}

/** In the caller's transaction: the new secrets replace the old ones and whoever was signed in is signed out. */
export async function grantWelcomeCredentials(trx: Db, agentId: string, credentials: WelcomeCredentials): Promise<void> {
  await repo.upsertTemporaryPassword(trx, agentId, credentials.passwordHash);
  await repo.setEnrolmentCode(trx, agentId, credentials.enrolmentCodeMac, credentials.enrolmentCodeExpiresAt);
  await deleteSessionsOfAgent(trx, agentId);
}

/**
 * Are these still the agent's unused welcome secrets (password not yet changed, code not used nor expired)?
 * Lets HR print the letter of what the creation answer showed without the server keeping it.
 */
export async function welcomeCredentialsStillValid(
  db: Db,
  keys: Keys,
  clock: Clock,
  agentId: string,
  typed: { temporaryPassword: string; enrolmentCode: string },
): Promise<{ valid: boolean; enrolmentCodeExpiresAt: Date | null }> {
  const account = await repo.findAccountSecrets(db, agentId);
  const expiresAt = account?.enrolment_code_expires_at ?? null;
  if (!account?.password_hash || !account.password_temporary || !account.enrolment_code_hash || !expiresAt || expiresAt <= clock.now()) {
    return { valid: false, enrolmentCodeExpiresAt: null };
  }
  const codeMatches = keys.verifyMac('enrolment-code', codeAsTyped(typed.enrolmentCode), account.enrolment_code_hash);
  const passwordMatches = await verifyPassword(account.password_hash, typed.temporaryPassword);
  return { valid: codeMatches && passwordMatches, enrolmentCodeExpiresAt: expiresAt };
}

function parse<T extends z.ZodType>(schema: T, input: unknown, field?: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ field: field ?? i.path.join('.'), message: i.message })));
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation_failed', undefined, { errors });
}

function badgeTaken(badge: string): AppError {
  const message = `Le matricule ${badge} est déjà attribué à un agent.`;
  return new AppError('conflict', message, { errors: [{ field: 'badgeNumber', rule: 'taken', message }] });
}

function emailTaken(email: string): AppError {
  const message = `L'adresse ${email} est déjà utilisée par un agent.`;
  return new AppError('conflict', message, { errors: [{ field: 'email', rule: 'taken', message }] });
}

function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' ? e.constraint : undefined;
}

/** The calendar date in Paris: an agent created at 00:30 on 1 March starts on 1 March, not 28 February. */
function parisDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}
