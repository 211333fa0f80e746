import type { AgentRow } from './accounts.repo.ts';
import type { AgentDetail, AgentStatus } from './accounts.schema.ts';

// How an agent reads in the audit trail: each field as a person names it (codes, names), so "what changed"
// needs no lookup. Keys avoid words the trail redacts as secrets (code, key, token…).
export type AgentSnapshot = Record<string, string | null>;

const person = (badge: string | null, first: string | null, last: string | null) => (badge ? `${first} ${last} (${badge})` : null);

export function snapshotOf(row: AgentRow): AgentSnapshot {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    department: row.department_code,
    service: row.service_code,
    unit: row.unit_name,
    site: row.site_name,
    jobProfile: row.job_profile_code,
    grade: row.grade_code,
    jobTitle: row.job_title,
    manager: person(row.manager_badge_number, row.manager_first_name, row.manager_last_name),
    professionalPhone: row.professional_phone,
    status: row.status,
    startDate: row.start_date,
    departureDate: row.departure_date,
  };
}

export type FieldChanges = Record<string, { from: string | null; to: string | null }>;

export function changesBetween(before: AgentSnapshot, after: AgentSnapshot): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field] ?? null;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

/** A created agent: every field set, from nothing. */
export function creationChanges(after: AgentSnapshot): FieldChanges {
  return changesBetween({}, after);
}

export type AccountExtras = { lastSignInAt: Date | null; secondFactors: number; now: Date; visibleBecause: string };

export function toAgentDetail(row: AgentRow, extras: AccountExtras, mobility: AgentDetail['scheduledMobility']): AgentDetail {
  const named = (code: string | null, name: string | null) => (code && name ? { code, name } : null);
  return {
    id: row.id,
    badgeNumber: row.badge_number,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    professionalPhone: row.professional_phone,
    department: { code: row.department_code, name: row.department_name },
    service: named(row.service_code, row.service_name),
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    site: row.site_id && row.site_name ? { id: row.site_id, name: row.site_name } : null,
    jobProfile: { code: row.job_profile_code, name: row.job_profile_name },
    grade: row.grade_code && row.grade_name ? { code: row.grade_code, name: row.grade_name, category: row.grade_category ?? '' } : null,
    jobTitle: row.job_title,
    manager: row.manager_badge_number
      ? { badgeNumber: row.manager_badge_number, firstName: row.manager_first_name ?? '', lastName: row.manager_last_name ?? '' }
      : null,
    status: row.status as AgentStatus,
    startDate: row.start_date,
    departureDate: row.departure_date,
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    suspensionReason: row.suspension_reason,
    departedAt: row.departed_at?.toISOString() ?? null,
    scheduledMobility: mobility,
    account: {
      passwordIssued: row.password_hash !== null && row.password_hash !== undefined,
      temporaryPasswordPending: Boolean(row.password_hash) && row.password_temporary === true,
      locked: row.locked_until !== null && row.locked_until > extras.now,
      lockedUntil: row.locked_until && row.locked_until > extras.now ? row.locked_until.toISOString() : null,
      lastSignInAt: extras.lastSignInAt?.toISOString() ?? null,
      secondFactors: extras.secondFactors,
      enrolmentCodeExpiresAt:
        row.enrolment_code_expires_at && row.enrolment_code_expires_at > extras.now ? row.enrolment_code_expires_at.toISOString() : null,
    },
    visibleBecause: extras.visibleBecause,
  };
}
