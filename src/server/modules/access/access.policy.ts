// Who may do what, in one table. Rights follow roles (and, through them, job profiles), never grades.
// Deny by default: an action missing here is refused to everyone.

export type Role = 'agent' | 'manager' | 'hr_officer' | 'it_support' | 'security_officer' | 'administrator';

export type RoleAssignment = {
  role: Exclude<Role, 'agent'>;
  departmentId: string | null;
  departmentCode: string | null;
  serviceId: string | null;
  unitId: string | null;
};

export type Actor = {
  agentId: string;
  departmentId: string;
  roles: RoleAssignment[];
};

// The person an action is about, located in the organisation.
export type TargetAgent = {
  agentId: string;
  departmentId: string;
  serviceId: string | null;
  unitId: string | null;
  managerId: string | null;
};

export type Action =
  | 'directory.search'
  | 'agent.view_professional'
  | 'account.view'
  | 'account.create'
  | 'account.update'
  | 'account.suspend'
  | 'account.depart'
  | 'account.import'
  | 'account.unlock'
  | 'account.issue_temporary_password'
  | 'account.reset_second_factors'
  | 'account.end_sessions'
  | 'account.view_connections'
  | 'security_alert.view'
  | 'personal_file.view'
  | 'team.view'
  | 'audit.search'
  | 'role.grant'
  | 'scim_token.manage'
  | 'department.configure'
  | 'access.explain'
  | 'personal_file.decide_correction'
  | 'payslip.view'
  | 'payroll.import'
  | 'certificate.issue'
  | 'certificate.revoke'
  | 'professional_card.manage'
  | 'request.decide_hr'
  | 'absence.record'
  | 'job_offer.manage'
  | 'training.manage'
  | 'application.manage'
  | 'faq.edit'
  | 'ticket.handle'
  | 'announcement.publish';

type Rule = {
  // 'self': the actor's own record; 'anyone': every agent of the city; 'perimeter': the role's scope must
  // cover the target; 'global': no target (the role itself is enough).
  roles: readonly Role[];
  scope: 'self' | 'anyone' | 'perimeter' | 'global';
  selfAllowed?: boolean;
};

export const rules: Readonly<Record<Action, Rule>> = {
  'directory.search': { roles: ['agent'], scope: 'global' },
  'agent.view_professional': { roles: ['agent'], scope: 'anyone' },
  'account.view': { roles: ['hr_officer', 'it_support', 'administrator'], scope: 'perimeter', selfAllowed: true },
  'account.create': { roles: ['hr_officer', 'administrator'], scope: 'perimeter' },
  'account.update': { roles: ['hr_officer', 'administrator'], scope: 'perimeter' },
  'account.suspend': { roles: ['hr_officer', 'administrator', 'security_officer'], scope: 'perimeter' },
  'account.depart': { roles: ['hr_officer', 'administrator'], scope: 'perimeter' },
  'account.import': { roles: ['hr_officer', 'administrator'], scope: 'global' },
  'account.unlock': { roles: ['it_support', 'administrator'], scope: 'perimeter' },
  'account.issue_temporary_password': { roles: ['it_support', 'hr_officer', 'administrator'], scope: 'perimeter' },
  'account.reset_second_factors': { roles: ['it_support', 'administrator'], scope: 'perimeter' },
  'account.end_sessions': { roles: ['it_support', 'administrator', 'security_officer'], scope: 'perimeter' },
  'account.view_connections': { roles: ['it_support', 'administrator', 'security_officer'], scope: 'perimeter', selfAllowed: true },
  'security_alert.view': { roles: ['it_support', 'security_officer', 'administrator'], scope: 'perimeter' },
  'personal_file.view': { roles: ['hr_officer'], scope: 'perimeter', selfAllowed: true },
  'team.view': { roles: ['manager'], scope: 'perimeter' },
  'audit.search': { roles: ['security_officer', 'administrator'], scope: 'global' },
  'role.grant': { roles: ['administrator'], scope: 'global' },
  'scim_token.manage': { roles: ['administrator'], scope: 'global' },
  'department.configure': { roles: ['administrator'], scope: 'global' },
  'access.explain': { roles: ['administrator'], scope: 'global' },
  'personal_file.decide_correction': { roles: ['hr_officer'], scope: 'perimeter' },
  'payslip.view': { roles: ['hr_officer'], scope: 'perimeter', selfAllowed: true },
  'payroll.import': { roles: ['hr_officer', 'administrator'], scope: 'global' },
  'certificate.issue': { roles: ['hr_officer'], scope: 'perimeter', selfAllowed: true },
  'certificate.revoke': { roles: ['hr_officer'], scope: 'perimeter' },
  'professional_card.manage': { roles: ['hr_officer'], scope: 'perimeter' },
  // The manager's step follows the line of management (requests/approvers.ts), not this table.
  'request.decide_hr': { roles: ['hr_officer'], scope: 'perimeter' },
  'absence.record': { roles: ['hr_officer'], scope: 'perimeter' },
  'job_offer.manage': { roles: ['hr_officer', 'administrator'], scope: 'global' },
  'training.manage': { roles: ['hr_officer', 'administrator'], scope: 'global' },
  'application.manage': { roles: ['administrator'], scope: 'global' },
  // An article is for the whole city, whatever the writer's perimeter.
  'faq.edit': { roles: ['it_support', 'administrator'], scope: 'global' },
  'ticket.handle': { roles: ['it_support', 'administrator'], scope: 'perimeter' },
  // IT support and administrators speak to the whole city; a security officer reads alerts but does not publish.
  'announcement.publish': { roles: ['it_support', 'administrator'], scope: 'global' },
};

export const roleLabels: Record<Role, string> = {
  agent: 'agent',
  manager: 'encadrant',
  hr_officer: 'gestionnaire RH',
  it_support: 'support informatique',
  security_officer: 'responsable de la sécurité',
  administrator: 'administrateur',
};

export type Decision = { allowed: boolean; reason: string };

function perimeterLabel(a: RoleAssignment): string {
  if (a.unitId) return 'de son unité';
  if (a.serviceId) return 'de son service';
  if (a.departmentCode) return `de la ${a.departmentCode}`;
  return 'de toute la collectivité';
}

// Does this assignment's scope contain the target? A manager's scope is their unit and their direct reports.
export function covers(a: RoleAssignment, target: TargetAgent, actorAgentId: string): boolean {
  if (a.role === 'manager' && target.managerId === actorAgentId) return true;
  if (!a.departmentId && !a.serviceId && !a.unitId) return true;
  if (a.unitId) return a.unitId === target.unitId;
  if (a.serviceId) return a.serviceId === target.serviceId;
  return a.departmentId === target.departmentId;
}

// Answers "may this person do this action on this object?" and says why, in words an administrator reads.
export function decide(actor: Actor, action: Action, target?: TargetAgent): Decision {
  const rule = rules[action];
  if (!rule) return { allowed: false, reason: 'action inconnue : refusée par défaut' };
  if (target && target.agentId === actor.agentId && (rule.selfAllowed || rule.scope === 'self')) {
    return { allowed: true, reason: 'autorisé car : il s’agit de son propre compte' };
  }
  if (rule.scope === 'self') return { allowed: false, reason: 'réservé à l’agent lui-même' };
  if (rule.roles.includes('agent') && (rule.scope === 'anyone' || rule.scope === 'global')) {
    return { allowed: true, reason: 'autorisé car : tout agent de la collectivité' };
  }
  const candidates = actor.roles.filter((a) => rule.roles.includes(a.role));
  if (candidates.length === 0) {
    return { allowed: false, reason: `réservé à : ${rule.roles.map((r) => roleLabels[r]).join(', ')}` };
  }
  if (rule.scope === 'global' || !target) {
    const a = candidates[0]!;
    return { allowed: true, reason: `autorisé car : ${roleLabels[a.role]} ${perimeterLabel(a)}` };
  }
  const match = candidates.find((a) => covers(a, target, actor.agentId));
  if (!match) return { allowed: false, reason: 'hors du périmètre de ses rôles' };
  return { allowed: true, reason: `autorisé car : ${roleLabels[match.role]} ${perimeterLabel(match)}` };
}

// Departments an actor may act on for an action (null = all), to filter lists in SQL rather than after.
export function departmentScope(actor: Actor, action: Action): { all: true } | { all: false; departmentIds: string[]; agentIds: string[] } {
  const rule = rules[action];
  const candidates = actor.roles.filter((a) => rule.roles.includes(a.role));
  if (candidates.some((a) => !a.departmentId && !a.serviceId && !a.unitId)) return { all: true };
  return {
    all: false,
    departmentIds: candidates.flatMap((a) => (a.departmentId && !a.serviceId && !a.unitId ? [a.departmentId] : [])),
    agentIds: rule.selfAllowed ? [actor.agentId] : [],
  };
}
