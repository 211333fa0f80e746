import { z } from 'zod';
import { AppError, type FieldError } from '../../http/errors.ts';
import { CORE_USER, ENTERPRISE_USER, isPlainObject, NOMADES_USER, UUID_PATTERN } from './scim-protocol.ts';

// Reads a SCIM User (POST, PUT, or the result of a PATCH) into what the portal stores, and names every
// attribute it cannot honour: nothing is silently dropped that a client meant us to keep.
// Tolerated and not stored: read-only or derived attributes (id, meta, groups, displayName, name.formatted,
// organization) and empty values (null, "", []) of attributes we do not support, which ask for nothing.

export type ScimUserInput = {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  /** null: the job profile's name, as for accounts HR creates. */
  title: string | null;
  phone: string | null;
  /** undefined: not said (created active, left as is on replace). */
  active: boolean | undefined;
  externalId: string | null;
  /** undefined: the extension is absent from the body, its attributes stay as they are. */
  enterprise: { department: string; managerId: string | null } | undefined;
  nomades: { jobProfile: string | undefined; service: string | null } | undefined;
};

const known = new Set([CORE_USER, ENTERPRISE_USER, NOMADES_USER].map((s) => s.toLowerCase()));
const ignoredCore = new Set(['schemas', 'id', 'meta', 'groups', 'displayname']);
const unsupportedCore = new Set(['nickname', 'profileurl', 'usertype', 'preferredlanguage', 'locale', 'timezone', 'ims', 'photos', 'addresses', 'entitlements', 'roles', 'x509certificates']);

const Email = z.email();
const PHONE = /^\+?[0-9][0-9 ().-]{4,28}[0-9]$/;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export function readScimUser(body: unknown, mode: 'create' | 'replace'): ScimUserInput {
  const issues: FieldError[] = [];
  const issue = (field: string, message: string, rule = 'invalidValue') => issues.push({ field, rule, message });
  if (!isPlainObject(body)) throw new AppError('validation_failed', undefined, { errors: [{ field: 'body', rule: 'invalidSyntax', message: 'un objet User est attendu' }] });

  const text = (value: unknown, field: string, max: number, required: boolean): string | null => {
    if (isEmpty(value)) {
      if (required) issue(field, 'obligatoire');
      return null;
    }
    if (typeof value !== 'string') {
      issue(field, 'une chaîne de caractères est attendue');
      return null;
    }
    const clean = value.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (CONTROL.test(clean) || !clean.isWellFormed()) issue(field, 'caractère de contrôle ou invalide interdit');
    else if (clean.length > max) issue(field, `${max} caractères au plus`);
    else if (clean === '' && required) issue(field, 'obligatoire');
    else return clean === '' ? null : clean;
    return null;
  };

  const fields = lowerKeys(body);
  for (const [lower, { key, value }] of fields) {
    if (lower.startsWith('urn:')) {
      if (!known.has(lower) && !isEmpty(value)) issue(key, 'extension de schéma inconnue');
      continue;
    }
    if (ignoredCore.has(lower) || ['externalid', 'username', 'name', 'title', 'active', 'emails', 'phonenumbers'].includes(lower)) continue;
    if (lower === 'password') {
      if (!isEmpty(value)) issue(key, 'non pris en charge : les mots de passe ne sont jamais provisionnés (mot de passe temporaire remis par les RH ou lien « mot de passe oublié »)');
      continue;
    }
    if (!isEmpty(value)) issue(key, unsupportedCore.has(lower) ? 'attribut non pris en charge par Nomades (retirez-le du mappage du connecteur)' : 'attribut inconnu');
  }

  const schemas = fields.get('schemas')?.value;
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === CORE_USER.toLowerCase())) {
    issue('schemas', `doit contenir « ${CORE_USER} »`);
  } else {
    for (const s of schemas) if (typeof s !== 'string' || !known.has(s.toLowerCase())) issue('schemas', `schéma inconnu « ${String(s)} »`);
  }

  const userName = text(fields.get('username')?.value, 'userName', 50, true);
  if (userName !== null && !/^\d{7}$/.test(userName)) issue('userName', 'un matricule de 7 chiffres (ex. 1234567)');

  let givenName: string | null = null;
  let familyName: string | null = null;
  const name = fields.get('name')?.value;
  if (name !== undefined && name !== null && !isPlainObject(name)) issue('name', 'un objet {givenName, familyName} est attendu');
  const nameFields = lowerKeys(isPlainObject(name) ? name : {});
  givenName = text(nameFields.get('givenname')?.value, 'name.givenName', 100, true);
  familyName = text(nameFields.get('familyname')?.value, 'name.familyName', 100, true);
  for (const [lower, { key, value }] of nameFields) {
    if (['givenname', 'familyname', 'formatted'].includes(lower) || isEmpty(value)) continue;
    issue(`name.${key}`, ['middlename', 'honorificprefix', 'honorificsuffix'].includes(lower) ? 'attribut non pris en charge par Nomades' : 'attribut inconnu');
  }

  const email = readEmails(fields.get('emails')?.value, issue);
  const phone = readPhones(fields.get('phonenumbers')?.value, issue);
  const title = text(fields.get('title')?.value, 'title', 200, false);
  const externalId = text(fields.get('externalid')?.value, 'externalId', 200, false);

  let active: boolean | undefined;
  const rawActive = fields.get('active')?.value;
  if (typeof rawActive === 'boolean') active = rawActive;
  else if (typeof rawActive === 'string' && /^(true|false)$/i.test(rawActive.trim())) active = rawActive.trim().toLowerCase() === 'true';
  else if (rawActive !== undefined && rawActive !== null) issue('active', 'true ou false');

  const enterprise = readEnterprise(fields.get(ENTERPRISE_USER.toLowerCase())?.value, userName, mode, issue, text);
  const nomades = readNomades(fields.get(NOMADES_USER.toLowerCase())?.value, issue, text);

  if (issues.length > 0) throw new AppError('validation_failed', undefined, { errors: issues });
  return { userName: userName!, givenName: givenName!, familyName: familyName!, email: email!, title, phone, active, externalId, enterprise, nomades };
}

type Issue = (field: string, message: string, rule?: string) => void;
type Text = (value: unknown, field: string, max: number, required: boolean) => string | null;

function readEmails(value: unknown, issue: Issue): string | null {
  const entries = multiValued(value, 'emails', issue);
  const usable = entries.filter((e) => !isEmpty(e.value));
  const chosen = usable.find((e) => isTrueish(e.primary)) ?? usable.find((e) => typeOf(e) === 'work') ?? (usable.length === 1 ? usable[0] : undefined);
  if (!chosen) {
    issue('emails', usable.length === 0 ? 'obligatoire : l’adresse e-mail professionnelle' : 'indiquez l’adresse professionnelle (primary: true ou type "work")');
    return null;
  }
  // The portal keeps one address, the professional one; another kind of address would be lost: said so.
  for (const other of usable) {
    const type = typeOf(other);
    if (other !== chosen && type !== 'work' && other.value !== chosen.value) issue(`emails[type eq "${type ?? ''}"]`, 'seule l’adresse e-mail professionnelle est gérée');
  }
  if (typeof chosen.value !== 'string') {
    issue('emails.value', 'une adresse e-mail est attendue');
    return null;
  }
  const address = chosen.value.trim().toLowerCase();
  if (address.length > 254 || !Email.safeParse(address).success) {
    issue('emails.value', `adresse e-mail invalide « ${chosen.value.slice(0, 80)} »`);
    return null;
  }
  return address;
}

function readPhones(value: unknown, issue: Issue): string | null {
  const entries = multiValued(value, 'phoneNumbers', issue).filter((e) => !isEmpty(e.value));
  const work = entries.filter((e) => typeOf(e) === undefined || typeOf(e) === 'work');
  for (const other of entries) if (!work.includes(other)) issue(`phoneNumbers[type eq "${typeOf(other)}"]`, 'seul le téléphone professionnel (type "work") est géré');
  const chosen = work.find((e) => isTrueish(e.primary)) ?? work[0];
  if (!chosen) return null;
  if (typeof chosen.value !== 'string' || !PHONE.test(chosen.value.trim())) {
    issue('phoneNumbers[type eq "work"].value', 'un numéro de téléphone (chiffres, espaces, +, ., -, parenthèses)');
    return null;
  }
  return chosen.value.trim();
}

function readEnterprise(value: unknown, userName: string | null, mode: 'create' | 'replace', issue: Issue, text: Text): ScimUserInput['enterprise'] {
  const at = (name: string) => `${ENTERPRISE_USER}:${name}`;
  if (value === undefined || value === null) {
    if (mode === 'create') issue(at('department'), 'obligatoire : le code de la direction de l’agent (ex. DASCO)');
    return undefined;
  }
  if (!isPlainObject(value)) {
    issue(ENTERPRISE_USER, 'un objet est attendu');
    return undefined;
  }
  const fields = lowerKeys(value);
  for (const [lower, { key, value: v }] of fields) {
    if (['department', 'manager', 'employeenumber', 'organization'].includes(lower) || isEmpty(v)) continue;
    issue(at(key), ['costcenter', 'division'].includes(lower) ? 'attribut non pris en charge par Nomades' : 'attribut inconnu');
  }
  const department = text(fields.get('department')?.value, at('department'), 200, true);
  const employeeNumber = text(fields.get('employeenumber')?.value, at('employeeNumber'), 50, false);
  if (employeeNumber !== null && userName !== null && employeeNumber !== userName) issue(at('employeeNumber'), 'doit être le matricule, égal à userName');

  let managerId: string | null = null;
  const manager = fields.get('manager')?.value;
  // Azure AD sends the manager's id as a bare string in PATCH, an object {value} elsewhere.
  const managerValue = isPlainObject(manager) ? lowerKeys(manager).get('value')?.value : manager;
  if (!isEmpty(managerValue)) {
    if (typeof managerValue !== 'string' || !UUID_PATTERN.test(managerValue.trim())) issue(at('manager'), 'l’identifiant SCIM (id) de l’encadrant est attendu dans manager.value');
    else managerId = managerValue.trim().toLowerCase();
  }
  return department === null ? undefined : { department, managerId };
}

function readNomades(value: unknown, issue: Issue, text: Text): ScimUserInput['nomades'] {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    issue(NOMADES_USER, 'un objet est attendu');
    return undefined;
  }
  const fields = lowerKeys(value);
  for (const [lower, { key, value: v }] of fields) if (!['jobprofile', 'service'].includes(lower) && !isEmpty(v)) issue(`${NOMADES_USER}:${key}`, 'attribut inconnu');
  const jobProfile = text(fields.get('jobprofile')?.value, `${NOMADES_USER}:jobProfile`, 100, false);
  const service = text(fields.get('service')?.value, `${NOMADES_USER}:service`, 100, false);
  return { jobProfile: jobProfile ?? undefined, service };
}

type Entry = Record<string, unknown> & { value?: unknown; primary?: unknown; type?: unknown };

function multiValued(value: unknown, field: string, issue: Issue): Entry[] {
  if (isEmpty(value)) return [];
  if (!Array.isArray(value)) {
    issue(field, 'une liste est attendue');
    return [];
  }
  const entries: Entry[] = [];
  for (const item of value) {
    if (!isPlainObject(item)) {
      issue(field, 'une liste d’objets {value, type, primary} est attendue');
      continue;
    }
    const f = lowerKeys(item);
    for (const [lower, { key, value: v }] of f) if (!['value', 'type', 'primary', 'display'].includes(lower) && !isEmpty(v)) issue(`${field}.${key}`, 'attribut inconnu');
    entries.push({ value: f.get('value')?.value, type: f.get('type')?.value, primary: f.get('primary')?.value });
  }
  return entries;
}

function typeOf(entry: Entry): string | undefined {
  return typeof entry.type === 'string' && entry.type.trim() !== '' ? entry.type.trim().toLowerCase() : undefined;
}

function isTrueish(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function lowerKeys(object: Record<string, unknown>): Map<string, { key: string; value: unknown }> {
  const map = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(object)) map.set(key.toLowerCase(), { key, value });
  return map;
}
