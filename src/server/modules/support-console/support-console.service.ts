import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { type Action, decide, type TargetAgent } from '../access/index.ts';
import { PRIVILEGED_ROLES, passwordExpiresAt } from '../identity/sign-in.policy.ts';
import { identityCheckItems } from './identity-check.ts';
import { perimeterOf } from './perimeter.ts';
import * as alertsRepo from './security-alerts.repo.ts';
import { toSecurityAlert } from './security-alerts.service.ts';
import { assertMayUse, reachAgent, type SupportCaller, supportDecision } from './support-caller.ts';
import * as repo from './support-console.repo.ts';
import { connectionHistoryPage } from '../identity/index.ts';
import type {
  AccountCardResponse,
  AccountSearchQuery,
  AccountSearchResponse,
  ConnectionsQuery,
  ConnectionsResponse,
} from './support-console.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// What was typed: a badge number (whole, or its first digits), the start of an e-mail, or words of a name.
export function parseAccountQuery(raw: string): repo.AccountMatch {
  const value = raw.normalize('NFKC').trim();
  const digits = value.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length === 7) return { badgeNumber: digits };
    if (digits.length >= 3 && digits.length < 7) return { badgePrefix: digits };
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'querystring.q', message: 'Un matricule compte 7 chiffres : saisissez-en au moins les 3 premiers.' }],
    });
  }
  if (value.includes('@')) return { emailPrefix: value.toLowerCase() };
  const nameWords = value.split(/[\s'’.-]+/).filter(Boolean).slice(0, 5);
  if (nameWords.length === 0) {
    throw new AppError('validation_failed', undefined, { errors: [{ field: 'querystring.q', message: 'Saisissez un matricule, un e-mail ou un nom.' }] });
  }
  return { nameWords };
}

export async function searchAccounts(ctx: AppContext, caller: SupportCaller, q: AccountSearchQuery): Promise<AccountSearchResponse> {
  assertMayUse(caller, 'account.view');
  const now = ctx.clock.now();
  const { rows, total } = await repo.searchAccounts(ctx.db, {
    perimeter: perimeterOf(caller.actor, 'account.view'),
    match: q.q ? parseAccountQuery(q.q) : undefined,
    lockedAt: q.locked === 'true' ? now : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      badgeNumber: r.badgeNumber,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      department: { code: r.departmentCode, name: r.departmentName },
      service: r.serviceName,
      jobTitle: r.jobTitle,
      status: r.status as AccountSearchResponse['items'][number]['status'],
      hasAccount: r.accountAgentId !== null,
      locked: r.lockedUntil !== null && r.lockedUntil > now,
      passwordTemporary: r.passwordTemporary ?? false,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function accountCard(ctx: AppContext, caller: SupportCaller, badgeNumber: string): Promise<AccountCardResponse> {
  const target = await reachAgent(ctx, caller, 'account.view', badgeNumber);
  const row = await repo.findAccountCard(ctx.db, target.agentId);
  if (!row) throw new AppError('not_found', 'Aucun agent correspondant.');
  const now = ctx.clock.now();
  const [roles, factors, recoveryCodesLeft] = await Promise.all([
    repo.rolesOf(ctx.db, target.agentId),
    repo.listSecondFactors(ctx.db, target.agentId),
    repo.countRecoveryCodesLeft(ctx.db, target.agentId),
  ]);
  const mayViewConnections = decide(caller.actor, 'account.view_connections', target).allowed;
  const mayViewAlerts = decide(caller.actor, 'security_alert.view', target).allowed;
  const sessions = mayViewConnections ? await repo.listOpenSessions(ctx.db, target.agentId, now, ctx.config.auth.sessionIdleMs) : undefined;
  const alerts = mayViewAlerts
    ? await alertsRepo.listAlerts(ctx.db, { perimeter: { all: true }, agentId: target.agentId, status: 'open', limit: 50, offset: 0 })
    : undefined;
  const action = (a: Action, handsOverAccess: boolean) => supportDecision(caller, a, target, roles, handsOverAccess);

  return {
    visibleBecause: decide(caller.actor, 'account.view', target).reason,
    agent: {
      badgeNumber: row.badgeNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      department: { code: row.departmentCode, name: row.departmentName },
      service: row.serviceCode && row.serviceName ? { code: row.serviceCode, name: row.serviceName } : null,
      unit: row.unitName,
      jobTitle: row.jobTitle,
      jobProfile: row.jobProfileName,
      professionalPhone: row.professionalPhone,
      manager: row.managerBadgeNumber
        ? { badgeNumber: row.managerBadgeNumber, firstName: row.managerFirstName ?? '', lastName: row.managerLastName ?? '', email: row.managerEmail ?? '' }
        : null,
      status: row.status as AccountCardResponse['agent']['status'],
      startDate: String(row.startDate),
      departureDate: row.departureDate === null ? null : String(row.departureDate),
    },
    account: accountState(ctx, row, roles, now),
    secondFactors: {
      requiredOutside: row.enhancedAuthOutside,
      requiredInside: row.enhancedAuthInside,
      items: factors.map((f) => ({ id: f.id, kind: f.kind, label: f.label, createdAt: f.created_at.toISOString(), lastUsedAt: iso(f.last_used_at) })),
      recoveryCodesLeft,
    },
    sessions: sessions
      ? {
          count: sessions.length,
          items: sessions.map((s) => ({
            stage: s.stage,
            deviceLabel: s.device_label,
            ip: s.ip,
            networkZone: s.network_zone as 'internal' | 'external',
            startedAt: s.created_at.toISOString(),
            lastSeenAt: s.last_seen_at.toISOString(),
          })),
        }
      : null,
    openSecurityAlerts: alerts ? alerts.map(toSecurityAlert) : null,
    actions: {
      unlock: action('account.unlock', false),
      issueTemporaryPassword: action('account.issue_temporary_password', true),
      issueEnrolmentCode: action('account.reset_second_factors', true),
      resetSecondFactors: action('account.reset_second_factors', true),
      endSessions: action('account.end_sessions', false),
      viewConnections: decide(caller.actor, 'account.view_connections', target),
    },
  };
}

function accountState(ctx: AppContext, row: repo.AccountCardRow, roles: string[], now: Date): AccountCardResponse['account'] {
  if (row.accountAgentId === null) return null;
  const maxAgeDays = roles.some((r) => PRIVILEGED_ROLES.has(r)) ? ctx.config.auth.passwordMaxAgeDaysPrivileged : ctx.config.auth.passwordMaxAgeDays;
  const expiresAt = passwordExpiresAt(row.passwordChangedAt, maxAgeDays);
  const codeValid = row.enrolmentCodeExpiresAt !== null && row.enrolmentCodeExpiresAt > now;
  return {
    passwordTemporary: row.passwordTemporary ?? false,
    passwordChangeRequired: row.passwordChangeRequired ?? false,
    passwordChangedAt: iso(row.passwordChangedAt),
    passwordExpiresAt: iso(expiresAt),
    passwordExpired: expiresAt !== null && expiresAt <= now,
    failedAttempts: row.failedAttempts ?? 0,
    lockedUntil: row.lockedUntil !== null && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    enrolmentCodeExpiresAt: codeValid ? iso(row.enrolmentCodeExpiresAt) : null,
  };
}

export async function connectionHistory(
  ctx: AppContext,
  caller: SupportCaller,
  badgeNumber: string,
  q: ConnectionsQuery,
): Promise<ConnectionsResponse> {
  const target: TargetAgent = await reachAgent(ctx, caller, 'account.view_connections', badgeNumber);
  return connectionHistoryPage(ctx.db, target.agentId, q, ctx.clock.now());
}

export function identityChecklist() {
  return { items: identityCheckItems.map((item) => ({ key: item.key, label: item.label, mandatory: item.mandatory })) };
}
