// Who may open an application, and how strongly signed in: the one rule the catalogue, the OpenID Connect
// provider, the gateway and the forward-auth endpoint all apply, so that an app hidden from the catalogue
// cannot be reached another way.

export type AccessLevel = 'password' | 'second_factor' | 'deny';

export type ApplicationRule = {
  enabled: boolean;
  allowedDepartmentIds: readonly string[];
  allowedJobProfileIds: readonly string[];
  allowedRoles: readonly string[];
  insideAccess: AccessLevel;
  outsideAccess: AccessLevel;
};

export type Visitor = {
  departmentId: string;
  jobProfileId: string;
  roles: readonly string[];
  zone: 'internal' | 'external';
  /** The session was opened with a second factor (or raised to one since). */
  secondFactor: boolean;
};

export type AccessAnswer =
  | { outcome: 'allowed' }
  /** Allowed once the agent has proved a second factor in this session. */
  | { outcome: 'step_up'; reason: string }
  | { outcome: 'denied'; reason: string };

export function applicationAccess(rule: ApplicationRule, visitor: Visitor): AccessAnswer {
  if (!rule.enabled) return { outcome: 'denied', reason: 'application désactivée' };
  if (rule.allowedDepartmentIds.length > 0 && !rule.allowedDepartmentIds.includes(visitor.departmentId)) {
    return { outcome: 'denied', reason: 'réservée à d’autres directions' };
  }
  if (rule.allowedJobProfileIds.length > 0 && !rule.allowedJobProfileIds.includes(visitor.jobProfileId)) {
    return { outcome: 'denied', reason: 'réservée à d’autres profils métier' };
  }
  if (rule.allowedRoles.length > 0 && !rule.allowedRoles.some((role) => visitor.roles.includes(role))) {
    return { outcome: 'denied', reason: `réservée aux rôles : ${rule.allowedRoles.join(', ')}` };
  }
  const level = visitor.zone === 'internal' ? rule.insideAccess : rule.outsideAccess;
  if (level === 'deny') {
    return { outcome: 'denied', reason: visitor.zone === 'internal' ? 'fermée depuis le réseau de la collectivité' : 'accessible seulement depuis le réseau de la collectivité' };
  }
  if (level === 'second_factor' && !visitor.secondFactor) return { outcome: 'step_up', reason: 'une vérification en deux étapes est demandée pour cette application' };
  return { outcome: 'allowed' };
}

/** The rule stored on an application row. */
export function ruleOf(row: {
  enabled: boolean;
  allowed_department_ids: string[];
  allowed_job_profile_ids: string[];
  allowed_roles: string[];
  inside_access: string;
  outside_access: string;
}): ApplicationRule {
  return {
    enabled: row.enabled,
    allowedDepartmentIds: row.allowed_department_ids,
    allowedJobProfileIds: row.allowed_job_profile_ids,
    allowedRoles: row.allowed_roles,
    insideAccess: row.inside_access as AccessLevel,
    outsideAccess: row.outside_access as AccessLevel,
  };
}
