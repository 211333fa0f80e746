// The actions the audit trail records (see recordAudit calls on the server), in the order offered as a filter.
export const auditActions = [
  'account.create',
  'account.update',
  'account.welcome_letter',
  'account.suspend',
  'account.reactivate',
  'account.depart',
  'account.departure_cancel',
  'account.departed',
  'account.activate',
  'account.mobility',
  'account.mobility_schedule',
  'account.mobility_cancel',
  'account.import',
  'account.unlock',
  'account.issue_temporary_password',
  'account.issue_enrolment_code',
  'account.reset_second_factors',
  'account.end_sessions',
  'security_alert.handle',
  'role.grant',
  'role.revoke',
  'scim_token.create',
  'scim_token.revoke',
  'personal_file.bank_details_changed',
  'personal_file.correction_accepted',
  'personal_file.correction_refused',
  'payroll.import',
  'payroll.rectify',
  'payroll.publish',
  'payslip.view',
  'certificate.issue',
  'certificate.revoke',
  'professional_card.manage',
  'application.create',
  'application.update',
  'application.disable',
  'application.enable',
  'sso_client.create',
  'sso_client.rotate_secret',
  'sso_client.delete',
  'faq.create',
  'faq.update',
  'faq.publish',
  'faq.unpublish',
  'announcement.publish',
  'announcement.update',
  'announcement.end',
] as const;

export type AuditAction = (typeof auditActions)[number];

export type ChangeLine = { field: string; from?: string; to?: string; value?: string };

const show = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The recorded changes as lines: "field: from → to" for a change, "field: value" for anything else. */
export function changeLines(changes: unknown): ChangeLine[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return changes === null || changes === undefined ? [] : [{ field: '', value: show(changes) }];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && ('from' in value || 'to' in value)) {
      const change = value as { from?: unknown; to?: unknown };
      return { field, from: show(change.from), to: show(change.to) };
    }
    return { field, value: show(value) };
  });
}
