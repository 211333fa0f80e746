import { normaliseAttribute } from './scim-filter.ts';
import { CORE_USER, ENTERPRISE_USER, keyOf, NOMADES_USER, type ScimResource } from './scim-protocol.ts';

// An agent as SCIM sees them (RFC 7643 §4.1 and §4.3): userName and employeeNumber are the badge number,
// the department travels as its code, the manager as their SCIM id.

export type ScimUserRow = {
  id: string;
  badge_number: string;
  email: string;
  first_name: string;
  last_name: string;
  job_title: string;
  professional_phone: string | null;
  status: string;
  created_at: Date;
  updated_at: Date;
  department_id: string;
  department_code: string;
  job_profile_code: string;
  service_code: string | null;
  manager_id: string | null;
  manager_first_name: string | null;
  manager_last_name: string | null;
  external_id: string | null;
};

export type ScimLinks = { baseUrl: string; organization: string };

export function userLocation(links: ScimLinks, id: string): string {
  return `${links.baseUrl}/Users/${id}`;
}

export function toScimUser(row: ScimUserRow, links: ScimLinks): ScimResource {
  const fullName = `${row.first_name} ${row.last_name}`;
  const user: ScimResource = {
    schemas: [CORE_USER, ENTERPRISE_USER, NOMADES_USER],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.badge_number,
    name: { formatted: fullName, givenName: row.first_name, familyName: row.last_name },
    displayName: fullName,
    title: row.job_title,
    // A pending agent (start date to come) is provisioned and will open on that date: not disabled.
    active: row.status === 'active' || row.status === 'pending',
    emails: [{ value: row.email, type: 'work', primary: true }],
    ...(row.professional_phone ? { phoneNumbers: [{ value: row.professional_phone, type: 'work', primary: true }] } : {}),
    groups: [{ value: row.department_id, display: row.department_code, $ref: `${links.baseUrl}/Groups/${row.department_id}`, type: 'direct' }],
    [ENTERPRISE_USER]: {
      employeeNumber: row.badge_number,
      organization: links.organization,
      department: row.department_code,
      ...(row.manager_id
        ? { manager: { value: row.manager_id, $ref: userLocation(links, row.manager_id), displayName: `${row.manager_first_name} ${row.manager_last_name}` } }
        : {}),
    },
    [NOMADES_USER]: { jobProfile: row.job_profile_code, ...(row.service_code ? { service: row.service_code } : {}) },
    meta: {
      resourceType: 'User',
      created: row.created_at.toISOString(),
      lastModified: row.updated_at.toISOString(),
      location: userLocation(links, row.id),
    },
  };
  return user;
}

/**
 * `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5), at the level of top-level attributes and
 * extensions: asking for name.givenName returns the whole name. id and schemas always come back.
 */
export function project(resource: ScimResource, attributes: string | undefined, excluded: string | undefined): ScimResource {
  const topLevel = (list: string) =>
    list
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => {
        const normal = normaliseAttribute(a);
        if (normal.startsWith('enterprise:')) return ENTERPRISE_USER.toLowerCase();
        if (normal.startsWith('nomades:')) return NOMADES_USER.toLowerCase();
        if (normal.startsWith('urn:')) return normal;
        return normal.split('.')[0]!.split('[')[0]!;
      });
  const always = new Set(['id', 'schemas']);
  if (attributes) {
    const wanted = new Set([...topLevel(attributes), ...always]);
    return Object.fromEntries(Object.entries(resource).filter(([k]) => wanted.has(k.toLowerCase()))) as ScimResource;
  }
  if (excluded) {
    const unwanted = new Set(topLevel(excluded));
    return Object.fromEntries(Object.entries(resource).filter(([k]) => always.has(k) || !unwanted.has(k.toLowerCase()))) as ScimResource;
  }
  return resource;
}

export function wantsAttribute(name: string, attributes: string | undefined, excluded: string | undefined): boolean {
  const probe: ScimResource = { schemas: [], [name]: true };
  return keyOf(project(probe, attributes, excluded), name) !== undefined;
}
