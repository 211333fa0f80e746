import { scimInvalid } from './scim-errors.ts';
import { type Filter, normaliseAttribute } from './scim-filter.ts';
import { UUID_PATTERN } from './scim-protocol.ts';

// Which filters on Users the database answers: equality on the attributes connectors match accounts by.
// Anything else is a 400 invalidFilter naming it, rather than a silently wrong result.

export type UserColumn = 'id' | 'userName' | 'email' | 'externalId' | 'active' | 'givenName' | 'familyName' | 'department' | 'title';

export type UserCondition =
  | { kind: 'and' | 'or'; items: UserCondition[] }
  | { kind: 'not'; item: UserCondition }
  | { kind: 'eq'; column: UserColumn; value: string | boolean }
  | { kind: 'constant'; value: boolean };

const columns: Record<string, UserColumn> = {
  id: 'id',
  username: 'userName',
  'enterprise:employeenumber': 'userName',
  'emails.value': 'email',
  emails: 'email',
  externalid: 'externalId',
  active: 'active',
  'name.givenname': 'givenName',
  'name.familyname': 'familyName',
  'enterprise:department': 'department',
  title: 'title',
};

const SUPPORTED = 'userName, emails.value, externalId, id, active, name.givenName, name.familyName, title, employeeNumber, department';

export function userCondition(filter: Filter): UserCondition {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, items: filter.items.map(userCondition) };
    case 'not':
      return { kind: 'not', item: userCondition(filter.item) };
    case 'present':
      throw scimInvalid('invalidFilter', 'filter', `opérateur « pr » non pris en charge (seul eq est pris en charge, sur ${SUPPORTED})`);
    case 'valuePath':
      if (normaliseAttribute(filter.attribute) !== 'emails') throw unsupported(filter.attribute);
      return emailEntry(filter.filter);
    case 'compare': {
      const column = columns[normaliseAttribute(filter.attribute)];
      if (!column) throw unsupported(filter.attribute);
      if (filter.operator !== 'eq') {
        throw scimInvalid('invalidFilter', 'filter', `opérateur « ${filter.operator} » non pris en charge sur ${filter.attribute} (seul eq)`);
      }
      return compare(column, filter.value);
    }
  }
}

function compare(column: UserColumn, raw: string | number | boolean | null): UserCondition {
  if (column === 'active') {
    const value = raw === true || raw === false ? raw : typeof raw === 'string' && /^(true|false)$/i.test(raw) ? raw.toLowerCase() === 'true' : undefined;
    if (value === undefined) throw scimInvalid('invalidFilter', 'filter', 'active se compare à true ou false');
    return { kind: 'eq', column, value };
  }
  if (raw === null || typeof raw === 'boolean') return { kind: 'constant', value: false };
  const value = String(raw);
  // An id that is not a UUID matches nobody (and must not reach a uuid column).
  if (column === 'id' && !UUID_PATTERN.test(value)) return { kind: 'constant', value: false };
  return { kind: 'eq', column, value };
}

// emails[type eq "work" and value eq "…"]: the portal's one address is the work and primary one.
function emailEntry(filter: Filter): UserCondition {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, items: filter.items.map(emailEntry) };
    case 'not':
      return { kind: 'not', item: emailEntry(filter.item) };
    case 'compare': {
      const attribute = normaliseAttribute(filter.attribute);
      if (filter.operator !== 'eq') throw scimInvalid('invalidFilter', 'filter', `opérateur « ${filter.operator} » non pris en charge dans emails[…] (seul eq)`);
      if (attribute === 'value') return compare('email', filter.value);
      if (attribute === 'type') return { kind: 'constant', value: typeof filter.value === 'string' && filter.value.toLowerCase() === 'work' };
      if (attribute === 'primary') return { kind: 'constant', value: filter.value === true || filter.value === 'true' };
      throw unsupported(`emails.${filter.attribute}`);
    }
    default:
      throw unsupported('emails[…]');
  }
}

function unsupported(attribute: string) {
  return scimInvalid('invalidFilter', 'filter', `filtre sur « ${attribute} » non pris en charge (possibles : ${SUPPORTED})`);
}
