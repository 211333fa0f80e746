import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { DEFAULT_JOB_PROFILE_CODE, endAllAccess, generateTemporaryPassword, hashPassword } from '../identity/index.ts';
import { parseFilter } from './scim-filter.ts';
import { applyPatch, readPatchRequest } from './scim-patch.ts';
import { ENTERPRISE_USER, NOMADES_USER, type ScimResource, UUID_PATTERN } from './scim-protocol.ts';
import type { AgentValues, StoredUser } from './scim-users.repo.ts';
import * as repo from './scim-users.repo.ts';
import { type ScimUserInput, readScimUser } from './scim-user.input.ts';
import { userCondition } from './scim-user-filter.ts';
import { type ScimLinks, toScimUser } from './scim-user.representation.ts';
import { type ScimClient, scimAuditActor } from './scim-tokens.service.ts';

// Provisioning of agents by an HR system or a directory sync. Every change is one transaction with its
// audit entry; `active: false` disables the account and ends its sessions in that same transaction.
// Roles are never given through SCIM: provisioning says who works here, the portal says who may do what.

export type ScimCall = { ctx: AppContext; client: ScimClient; ip: string; method: string };

export function scimLinks(ctx: AppContext): ScimLinks {
  return { baseUrl: `${ctx.config.publicUrl}/scim/v2`, organization: ctx.config.org.name };
}

export async function getUser(ctx: AppContext, id: string): Promise<ScimResource> {
  const row = UUID_PATTERN.test(id) ? await repo.findUser(ctx.db, id.toLowerCase()) : undefined;
  if (!row) throw notFound(id);
  return toScimUser(row, scimLinks(ctx));
}

export async function listUsers(ctx: AppContext, query: { filter?: string; startIndex: number; count: number }) {
  const condition = query.filter ? userCondition(parseFilter(query.filter)) : undefined;
  const [total, rows] = await Promise.all([
    repo.countUsers(ctx.db, condition),
    repo.listUsers(ctx.db, condition, query.startIndex - 1, query.count),
  ]);
  const links = scimLinks(ctx);
  return { total, resources: rows.map((r) => toScimUser(r, links)) };
}

export async function createUser(call: ScimCall, body: unknown): Promise<ScimResource> {
  const input = readScimUser(body, 'create');
  // A password nobody knows: the agent gets one from HR or IT support, or through "mot de passe oublié".
  // Hashed before the transaction: argon2 takes ~50 ms, no need to hold a connection meanwhile.
  const passwordHash = await hashPassword(generateTemporaryPassword(24));
  const id = await write(call, async (trx, at) => {
    const resolved = await resolve(trx, input, undefined);
    await assertUnique(trx, input, undefined);
    const status = input.active === false ? 'suspended' : 'active';
    const suspended = status === 'suspended' ? suspension(call, at) : {};
    const agent = await repo.insertAgent(trx, { ...resolved.values, ...suspended, status, start_date: parisDate(at), created_at: at, updated_at: at });
    await repo.insertAccount(trx, agent.id, passwordHash);
    if (input.externalId) await repo.setExternalId(trx, agent.id, input.externalId);
    await audit(call, trx, at, 'account.create', { id: agent.id, ...input }, resolved.departmentId, describe(undefined, resolved.labels, input, status));
    return agent.id;
  }, () => input);
  return getUser(call.ctx, id);
}

export async function replaceUser(call: ScimCall, id: string, body: unknown): Promise<ScimResource> {
  const input = readScimUser(body, 'replace');
  await update(call, id, () => input);
  return getUser(call.ctx, id);
}

export async function patchUser(call: ScimCall, id: string, body: unknown): Promise<ScimResource> {
  const operations = readPatchRequest(body);
  const links = scimLinks(call.ctx);
  await update(call, id, (current) => {
    const before = toScimUser(current, links);
    // Derived from userName: left out so that a PATCH of userName alone is not refused for a stale copy.
    delete (before[ENTERPRISE_USER] as Record<string, unknown>).employeeNumber;
    const after = applyPatch(before, operations);
    // A move to another department without a service leaves the old one behind, as a PUT would.
    const department = (r: Record<string, unknown>) => String((r[ENTERPRISE_USER] as Record<string, unknown> | undefined)?.department ?? '').toUpperCase();
    const nomades = after[NOMADES_USER] as Record<string, unknown> | undefined;
    if (nomades && department(after) !== department(before) && nomades.service === current.service_code) delete nomades.service;
    return readScimUser(after, 'replace');
  });
  return getUser(call.ctx, id);
}

/** The agent has left: the account is disabled and its sessions ended; the record stays (departed). */
export async function deleteUser(call: ScimCall, id: string): Promise<void> {
  await write(call, async (trx, at) => {
    const current = await lockAndLoad(trx, id);
    const today = parisDate(at);
    const departure = current.departure_date && current.departure_date < today ? current.departure_date : today;
    await repo.updateAgent(trx, current.id, { status: 'departed', departure_date: departure, departed_at: at, updated_at: at });
    // Its externalId is the client's, not ours: freed so that the client may provision the same key again.
    await repo.setExternalId(trx, current.id, null);
    const sessionsEnded = await endAllAccess(trx, current.id);
    await audit(call, trx, at, 'account.depart', { id: current.id, userName: current.badge_number, givenName: current.first_name, familyName: current.last_name }, current.department_id, {
      status: { from: current.status, to: 'departed' },
      departureDate: { from: current.departure_date, to: departure },
      sessionsEnded,
    });
  });
}

async function update(call: ScimCall, id: string, inputOf: (current: StoredUser) => ScimUserInput): Promise<void> {
  let input: ScimUserInput | undefined;
  await write(call, async (trx, at) => {
    const current = await lockAndLoad(trx, id);
    input = inputOf(current);
    const resolved = await resolve(trx, input, current);
    await assertUnique(trx, input, current);
    const status = nextStatus(current, input.active, parisDate(at));
    const changes = describe(current, resolved.labels, input, status);
    if (Object.keys(changes).length === 0) return;
    const values: Parameters<typeof repo.updateAgent>[2] = { ...resolved.values, status, updated_at: at };
    if (resolved.values.service_id !== current.service_id) values.unit_id = null;
    // The same columns HR's suspension uses, so the portal shows why the account is disabled.
    if (status === 'suspended' && current.status !== 'suspended') Object.assign(values, suspension(call, at));
    if (current.status === 'suspended' && status !== 'suspended') Object.assign(values, { suspended_at: null, suspension_reason: null });
    await repo.updateAgent(trx, current.id, values);
    if ('externalId' in changes) await repo.setExternalId(trx, current.id, input.externalId);
    const action = status === current.status ? 'account.update' : status === 'suspended' ? 'account.suspend' : 'account.reactivate';
    const ended = action === 'account.suspend' ? { sessionsEnded: await endAllAccess(trx, current.id) } : {};
    await audit(call, trx, at, action, { id: current.id, ...input }, resolved.departmentId, { ...changes, ...ended });
  }, () => input);
}

function suspension(call: ScimCall, at: Date) {
  return { suspended_at: at, suspension_reason: `Désactivé par le provisionnement SCIM (jeton « ${call.client.name} »)` };
}

function nextStatus(current: StoredUser, active: boolean | undefined, today: string): string {
  if (active === false && (current.status === 'active' || current.status === 'pending')) return 'suspended';
  // Reactivated before their first day, an agent is pending again: the lifecycle job opens the account that day.
  if (active === true && current.status === 'suspended') return current.start_date > today ? 'pending' : 'active';
  return current.status;
}

async function lockAndLoad(trx: Db, id: string): Promise<StoredUser> {
  const live = UUID_PATTERN.test(id) && (await repo.lockUser(trx, id.toLowerCase()));
  const row = live ? await repo.findUser(trx, id.toLowerCase()) : undefined;
  if (!row) throw notFound(id);
  return row;
}

type Labels = { department: string; manager: string | null; jobProfile: string; service: string | null; title: string };

/** Turns codes and ids into rows, naming every reference that does not exist. */
async function resolve(trx: Db, input: ScimUserInput, current: StoredUser | undefined) {
  const issues: FieldError[] = [];
  const issue = (field: string, message: string) => issues.push({ field, rule: 'invalidValue', message });

  let department = current ? { id: current.department_id, code: current.department_code } : undefined;
  if (input.enterprise) {
    department = await repo.findDepartment(trx, input.enterprise.department);
    if (!department) issue(`${ENTERPRISE_USER}:department`, `la direction « ${input.enterprise.department} » n’existe pas dans le portail (code attendu, ex. DASCO)`);
  }

  let manager = current?.manager_id ? { id: current.manager_id, badge_number: current.manager_badge_number ?? '' } : undefined;
  if (input.enterprise) {
    const managerId = input.enterprise.managerId;
    manager = managerId ? await repo.findLiveAgent(trx, managerId) : undefined;
    if (managerId && !manager) issue(`${ENTERPRISE_USER}:manager`, `aucun agent présent n’a l’identifiant ${managerId}`);
    if (managerId && current && managerId === current.id) issue(`${ENTERPRISE_USER}:manager`, 'un agent ne peut pas être son propre encadrant');
  }

  const jobProfileCode = input.nomades?.jobProfile;
  const jobProfile = jobProfileCode
    ? await repo.findJobProfile(trx, jobProfileCode)
    : current
      ? await repo.findJobProfileById(trx, current.job_profile_id)
      : await repo.findJobProfile(trx, DEFAULT_JOB_PROFILE_CODE);
  if (!jobProfile) issue(`${NOMADES_USER}:jobProfile`, `le profil métier « ${jobProfileCode ?? DEFAULT_JOB_PROFILE_CODE} » n’existe pas`);

  // A service belongs to a department: moving to another department leaves the old service behind.
  let service: { id: string; code: string } | undefined;
  const departmentMoved = current !== undefined && department !== undefined && department.id !== current.department_id;
  if (input.nomades?.service && department) {
    service = await repo.findService(trx, department.id, input.nomades.service);
    if (!service) issue(`${NOMADES_USER}:service`, `le service « ${input.nomades.service} » n’existe pas dans la direction ${department.code}`);
  } else if (!input.nomades && current?.service_id && !departmentMoved) {
    service = { id: current.service_id, code: current.service_code ?? '' };
  }

  if (issues.length > 0 || !department || !jobProfile) throw new AppError('validation_failed', undefined, { errors: issues });
  const values: Omit<AgentValues, 'status'> = {
    badge_number: input.userName,
    email: input.email,
    first_name: input.givenName,
    last_name: input.familyName,
    department_id: department.id,
    service_id: service?.id ?? null,
    job_profile_id: jobProfile.id,
    job_title: input.title ?? jobProfile.name,
    manager_id: manager?.id ?? null,
    professional_phone: input.phone,
  };
  const labels: Labels = { department: department.code, manager: manager?.badge_number ?? null, jobProfile: jobProfile.code, service: service?.code ?? null, title: values.job_title };
  return { values, labels, departmentId: department.id };
}

async function assertUnique(trx: Db, input: ScimUserInput, current: StoredUser | undefined): Promise<void> {
  const holders = await repo.findHolders(trx, input.userName, input.email, current?.id ?? null);
  const badge = holders.find((h) => h.badge_number === input.userName);
  if (badge) throw badgeTaken(input.userName, badge.status);
  if (holders.length > 0) throw emailTaken(input.email);
  if (input.externalId) {
    const holder = await repo.findExternalIdHolder(trx, input.externalId);
    if (holder && holder.agent_id !== current?.id) throw externalIdTaken(input.externalId);
  }
}

/** The fields that change, as the audit trail shows them (codes and badge numbers, never ids). */
function describe(current: StoredUser | undefined, labels: Labels, input: ScimUserInput, status: string): Record<string, { from: unknown; to: unknown }> {
  const pairs: [string, unknown, unknown][] = [
    ['badgeNumber', current?.badge_number, input.userName],
    ['email', current?.email, input.email],
    ['firstName', current?.first_name, input.givenName],
    ['lastName', current?.last_name, input.familyName],
    ['jobTitle', current?.job_title, labels.title],
    ['professionalPhone', current?.professional_phone, input.phone],
    ['department', current?.department_code, labels.department],
    ['manager', current?.manager_badge_number, labels.manager],
    ['jobProfile', current?.job_profile_code, labels.jobProfile],
    ['service', current?.service_code, labels.service],
    ['externalId', current?.external_id, input.externalId],
    ['status', current?.status, status],
  ];
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, from, to] of pairs) {
    if ((from ?? null) !== (to ?? null)) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

async function audit(
  call: ScimCall,
  trx: Db,
  at: Date,
  action: string,
  agent: { id: string; userName: string; givenName: string; familyName: string },
  departmentId: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, {
    actor: scimAuditActor(call.client, call.ip),
    action,
    target: { type: 'agent', id: agent.id, label: `${agent.givenName} ${agent.familyName} (${agent.userName})` },
    departmentId,
    changes,
    reason: `Provisionnement SCIM (${call.method})`,
    at,
  });
}

/** One transaction; two writes racing past the checks meet the unique constraints, which have the last word. */
async function write<T>(call: ScimCall, work: (trx: Db, at: Date) => Promise<T>, inputOf: () => ScimUserInput | undefined = () => undefined): Promise<T> {
  try {
    return await call.ctx.db.transaction().execute((trx) => work(trx, call.ctx.clock.now()));
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    const input = inputOf();
    if (e?.code === '23505' && input) {
      if (e.constraint === 'agents_badge_number_key') throw badgeTaken(input.userName, 'active');
      if (e.constraint === 'agents_email_key') throw emailTaken(input.email);
      if (e.constraint === 'scim_external_ids_external_id_key') throw externalIdTaken(input.externalId ?? '');
    }
    throw error;
  }
}

function notFound(id: string): AppError {
  return new AppError('not_found', `Aucun utilisateur SCIM avec l’id « ${id.slice(0, 64)} ».`);
}

function badgeTaken(badge: string, status: string): AppError {
  const departed = status === 'departed' ? ' (un agent parti : un matricule n’est jamais réattribué ; un retour se fait par les RH dans le portail)' : '';
  return conflict('userName', `le matricule ${badge} est déjà attribué à un agent${departed}`);
}

function emailTaken(email: string): AppError {
  return conflict('emails', `l’adresse ${email} est déjà celle d’un autre agent`);
}

function externalIdTaken(externalId: string): AppError {
  return conflict('externalId', `« ${externalId} » désigne déjà un autre agent`);
}

function conflict(field: string, message: string): AppError {
  return new AppError('conflict', undefined, { errors: [{ field, rule: 'uniqueness', message }] });
}

/** The calendar date in Paris: an agent provisioned at 00:30 on 1 March starts on 1 March. */
function parisDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}
