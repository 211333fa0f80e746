import { scimInvalid } from './scim-errors.ts';
import { type Filter, matches, parseFilter } from './scim-filter.ts';
import { CORE_USER, ENTERPRISE_USER, isPlainObject, keyOf, NOMADES_USER, PATCH_OP } from './scim-protocol.ts';

// PATCH (RFC 7644 §3.5.2) applied to the resource's JSON: the result then goes through the same checks as
// a PUT, so a PATCH can never store what a PUT would refuse. Written for what connectors really send:
// Azure AD's "Replace" with capitals, its path-less values keyed by paths ("name.givenName",
// "urn:…:enterprise:2.0:User:department"), and "add" on emails[type eq "work"].value that does not exist yet.

export type PatchPath = {
  /** The top-level key holding the attribute: '' for the core schema, or an extension URN. */
  extension: string;
  /** null: the extension object as a whole. */
  attribute: string | null;
  filter: Filter | null;
  subAttribute: string | null;
  text: string;
};

type Operation = { op: 'add' | 'replace' | 'remove'; path: PatchPath | null; value: unknown };

const extensions = [ENTERPRISE_USER, NOMADES_USER];
const multiValued = new Set(['emails', 'phonenumbers', 'addresses', 'ims', 'photos', 'entitlements', 'roles', 'x509certificates', 'groups', 'members']);
// Attributes a client may never write (id, meta) or that the server alone derives from others (groups).
const immutable = new Set(['id', 'meta', 'groups', 'schemas']);
const MAX_OPERATIONS = 1000;

export function parsePath(text: string): PatchPath {
  const lower = text.toLowerCase();
  let extension = '';
  let rest = text;
  if (lower.startsWith('urn:')) {
    const urn = [...extensions, CORE_USER].find((u) => lower === u.toLowerCase() || lower.startsWith(`${u.toLowerCase()}:`));
    if (!urn) throw scimInvalid('invalidPath', 'path', `schéma inconnu dans « ${text} »`);
    if (lower === urn.toLowerCase()) {
      if (urn === CORE_USER) throw scimInvalid('invalidPath', 'path', `« ${text} » ne désigne aucun attribut`);
      return { extension: urn, attribute: null, filter: null, subAttribute: null, text };
    }
    extension = urn === CORE_USER ? '' : urn;
    rest = text.slice(urn.length + 1);
  }
  const match = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s.exec(rest);
  if (!match) throw scimInvalid('invalidPath', 'path', `chemin invalide « ${text} »`);
  const [, attribute, filterText, subAttribute] = match;
  return { extension, attribute: attribute!, filter: filterText ? parseFilter(filterText) : null, subAttribute: subAttribute ?? null, text };
}

/** Reads the PatchOp message; a malformed one is a 400 invalidSyntax naming what is wrong. */
export function readPatchRequest(body: unknown): Operation[] {
  if (!isPlainObject(body)) throw scimInvalid('invalidSyntax', 'body', 'un objet PatchOp est attendu');
  const schemasKey = keyOf(body, 'schemas');
  const schemas = schemasKey ? body[schemasKey] : undefined;
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP.toLowerCase())) {
    throw scimInvalid('invalidSyntax', 'schemas', `doit contenir « ${PATCH_OP} »`);
  }
  const opsKey = keyOf(body, 'Operations');
  const ops = opsKey ? body[opsKey] : undefined;
  if (!Array.isArray(ops) || ops.length === 0) throw scimInvalid('invalidSyntax', 'Operations', 'une liste d’opérations non vide est attendue');
  if (ops.length > MAX_OPERATIONS) throw scimInvalid('tooMany', 'Operations', `${MAX_OPERATIONS} opérations au plus`);
  return ops.map((raw, index) => {
    const where = `Operations[${index}]`;
    if (!isPlainObject(raw)) throw scimInvalid('invalidSyntax', where, 'un objet {op, path, value} est attendu');
    const get = (name: string) => {
      const key = keyOf(raw, name);
      return key === undefined ? undefined : raw[key];
    };
    const op = typeof get('op') === 'string' ? (get('op') as string).toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw scimInvalid('invalidSyntax', `${where}.op`, 'add, replace ou remove');
    const pathText = get('path');
    if (pathText !== undefined && pathText !== null && (typeof pathText !== 'string' || pathText.trim() === '')) {
      throw scimInvalid('invalidPath', `${where}.path`, 'un chemin d’attribut est attendu');
    }
    const path = typeof pathText === 'string' ? parsePath(pathText.trim()) : null;
    if (op === 'remove' && !path) throw scimInvalid('noTarget', `${where}.path`, 'obligatoire pour remove');
    if (op !== 'remove' && get('value') === undefined) throw scimInvalid('invalidValue', `${where}.value`, `obligatoire pour ${op}`);
    return { op, path, value: get('value') };
  });
}

/** Applies the operations to a copy of the resource, all or none (the caller validates the result). */
export function applyPatch(resource: Record<string, unknown>, operations: Operation[]): Record<string, unknown> {
  const doc = structuredClone(resource);
  for (const operation of operations) {
    if (operation.path) {
      applyAt(doc, operation.op, operation.path, operation.value);
    } else {
      // No path: the value is a set of attributes, each applied as if named by a path (RFC 7644 §3.5.2.1/.3).
      if (!isPlainObject(operation.value)) throw scimInvalid('invalidValue', 'value', 'un objet d’attributs est attendu sans path');
      for (const [key, value] of Object.entries(operation.value)) {
        const extension = extensions.find((u) => u.toLowerCase() === key.toLowerCase());
        if (extension && isPlainObject(value)) {
          for (const [attribute, inner] of Object.entries(value)) applyAt(doc, operation.op, parsePath(`${extension}:${attribute}`), inner);
        } else {
          applyAt(doc, operation.op, parsePath(key), value);
        }
      }
    }
  }
  return doc;
}

function applyAt(doc: Record<string, unknown>, op: Operation['op'], path: PatchPath, value: unknown): void {
  if (!path.extension && path.attribute && immutable.has(path.attribute.toLowerCase())) {
    throw scimInvalid('mutability', path.text, 'attribut en lecture seule');
  }
  // The object that holds the attribute: the resource itself, or its extension object.
  let container = doc;
  if (path.extension) {
    const key = keyOf(doc, path.extension) ?? path.extension;
    if (path.attribute === null) {
      if (op === 'remove') delete doc[key];
      else if (!isPlainObject(value)) throw scimInvalid('invalidValue', path.text, 'un objet est attendu');
      else doc[key] = op === 'replace' || !isPlainObject(doc[key]) ? { ...value } : { ...(doc[key] as object), ...value };
      return;
    }
    if (!isPlainObject(doc[key])) {
      if (op === 'remove') return;
      doc[key] = {};
    }
    container = doc[key] as Record<string, unknown>;
  }
  const name = path.attribute!;
  const key = keyOf(container, name) ?? name;
  const current = container[key];

  if (path.filter) {
    const entries = Array.isArray(current) ? [...current] : [];
    const hits = entries.filter((e) => isPlainObject(e) && matches(path.filter!, e)) as Record<string, unknown>[];
    if (op === 'remove') {
      container[key] = path.subAttribute
        ? entries.map((e) => (hits.includes(e as Record<string, unknown>) ? withoutKey(e as Record<string, unknown>, path.subAttribute!) : e))
        : entries.filter((e) => !hits.includes(e as Record<string, unknown>));
      return;
    }
    if (hits.length === 0) {
      // Azure AD adds emails[type eq "work"].value on a user without one: create the entry the filter describes.
      const created = { ...equalities(path.filter), ...(path.subAttribute ? { [path.subAttribute]: value } : isPlainObject(value) ? value : { value }) };
      container[key] = [...entries, created];
      return;
    }
    for (const hit of hits) {
      const index = entries.indexOf(hit);
      entries[index] = path.subAttribute ? { ...hit, [keyOf(hit, path.subAttribute) ?? path.subAttribute]: value } : isPlainObject(value) ? { ...hit, ...value } : hit;
    }
    container[key] = entries;
    return;
  }

  if (path.subAttribute) {
    if (op === 'remove') {
      if (isPlainObject(current)) container[key] = withoutKey(current, path.subAttribute);
      return;
    }
    const holder = isPlainObject(current) ? { ...current } : {};
    holder[keyOf(holder, path.subAttribute) ?? path.subAttribute] = value;
    container[key] = holder;
    return;
  }

  if (op === 'remove') {
    delete container[key];
    return;
  }
  const isMulti = multiValued.has(name.toLowerCase()) || Array.isArray(current) || Array.isArray(value);
  if (isMulti) {
    const incoming = Array.isArray(value) ? value : [value];
    if (op === 'replace' || !Array.isArray(current)) {
      container[key] = incoming;
    } else {
      // A new primary value demotes the previous one (RFC 7643 §2.4: one primary at most).
      const demoted = incoming.some((v) => isPlainObject(v) && isTrue(v[keyOf(v, 'primary') ?? 'primary']))
        ? current.map((e) => (isPlainObject(e) ? { ...e, [keyOf(e, 'primary') ?? 'primary']: false } : e))
        : current;
      container[key] = [...demoted, ...incoming.filter((v) => !demoted.some((e) => JSON.stringify(e) === JSON.stringify(v)))];
    }
    return;
  }
  // A complex attribute is merged: sub-attributes not named stay as they were (RFC 7644 §3.5.2.3).
  container[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
}

function withoutKey(object: Record<string, unknown>, name: string): Record<string, unknown> {
  const key = keyOf(object, name);
  if (key === undefined) return object;
  const copy = { ...object };
  delete copy[key];
  return copy;
}

// `type eq "work" and primary eq true` → { type: 'work', primary: true }: what a new entry must look like.
function equalities(filter: Filter): Record<string, unknown> {
  if (filter.kind === 'compare' && filter.operator === 'eq' && !filter.attribute.includes('.')) return { [filter.attribute]: filter.value };
  if (filter.kind === 'and') return Object.assign({}, ...filter.items.map(equalities));
  return {};
}

export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}
