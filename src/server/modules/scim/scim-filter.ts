import { scimInvalid } from './scim-errors.ts';
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, isPlainObject, keyOf, NOMADES_USER } from './scim-protocol.ts';

// SCIM filters (RFC 7644 §3.4.2.2): `userName eq "1234567" and emails[type eq "work"].value ...`. Parsed once
// into a tree; the user list turns it into SQL, PATCH paths and groups evaluate it on JSON.

export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

export type Filter =
  | { kind: 'compare'; attribute: string; operator: CompareOperator; value: FilterValue }
  | { kind: 'present'; attribute: string }
  | { kind: 'valuePath'; attribute: string; filter: Filter }
  | { kind: 'and' | 'or'; items: Filter[] }
  | { kind: 'not'; item: Filter };

const compareOperators = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const MAX_FILTER_LENGTH = 1000;
const MAX_DEPTH = 10;

type Token = { kind: 'word' | 'string' | 'punct'; text: string; value?: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if ('()[]'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw invalidFilter('chaîne non terminée (guillemet fermant manquant)');
      const text = input.slice(i, j + 1);
      let value: string;
      try {
        value = JSON.parse(text) as string;
      } catch {
        throw invalidFilter(`chaîne invalide ${text}`);
      }
      // Escapes can spell what the raw text may not: NUL (PostgreSQL refuses it) or half a surrogate pair.
      if (/\p{Cc}/u.test(value) || !value.isWellFormed()) throw invalidFilter(`caractère interdit dans ${text.slice(0, 80)}`);
      tokens.push({ kind: 'string', text, value });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()[\]"]/.test(input[j]!)) j += 1;
      tokens.push({ kind: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function invalidFilter(message: string) {
  return scimInvalid('invalidFilter', 'filter', message);
}

/** Parses a filter; any syntax it does not know is a 400 invalidFilter saying what was not understood. */
export function parseFilter(input: string): Filter {
  if (input.length > MAX_FILTER_LENGTH) throw invalidFilter(`${MAX_FILTER_LENGTH} caractères au plus`);
  if (/[\p{Cc}]/u.test(input.replace(/[\t\n\r]/g, ' '))) throw invalidFilter('caractère de contrôle');
  const tokens = tokenize(input);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text.toLowerCase() === word;
  const expect = (text: string) => {
    const t = tokens[at];
    if (t?.kind !== 'punct' || t.text !== text) throw invalidFilter(`« ${text} » attendu${t ? ` avant « ${t.text} »` : ' en fin de filtre'}`);
    at += 1;
  };

  const parseOr = (depth: number): Filter => {
    if (depth > MAX_DEPTH) throw invalidFilter('trop de niveaux de parenthèses');
    const items = [parseAnd(depth)];
    while (isWord(peek(), 'or')) {
      at += 1;
      items.push(parseAnd(depth));
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const parseAnd = (depth: number): Filter => {
    const items = [parseUnary(depth)];
    while (isWord(peek(), 'and')) {
      at += 1;
      items.push(parseUnary(depth));
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseUnary = (depth: number): Filter => {
    const t = peek();
    if (!t) throw invalidFilter('expression attendue en fin de filtre');
    if (isWord(t, 'not')) {
      at += 1;
      expect('(');
      const item = parseOr(depth + 1);
      expect(')');
      return { kind: 'not', item };
    }
    if (t.kind === 'punct' && t.text === '(') {
      at += 1;
      const inner = parseOr(depth + 1);
      expect(')');
      return inner;
    }
    if (t.kind !== 'word' || !/^[A-Za-z$][\w$:.-]*$/.test(t.text)) throw invalidFilter(`nom d’attribut attendu au lieu de « ${t.text} »`);
    at += 1;
    const attribute = t.text;
    const next = peek();
    if (next?.kind === 'punct' && next.text === '[') {
      at += 1;
      const filter = parseOr(depth + 1);
      expect(']');
      return { kind: 'valuePath', attribute, filter };
    }
    if (next?.kind !== 'word') throw invalidFilter(`opérateur attendu après « ${attribute} »`);
    const operator = next.text.toLowerCase();
    at += 1;
    if (operator === 'pr') return { kind: 'present', attribute };
    if (!compareOperators.has(operator)) throw invalidFilter(`opérateur inconnu « ${next.text} » (eq, ne, co, sw, ew, gt, ge, lt, le, pr)`);
    const literal = peek();
    if (!literal || literal.kind === 'punct') throw invalidFilter(`valeur attendue après « ${attribute} ${next.text} »`);
    at += 1;
    return { kind: 'compare', attribute, operator: operator as CompareOperator, value: literalValue(literal) };
  };

  const filter = parseOr(0);
  if (at < tokens.length) throw invalidFilter(`« ${tokens[at]!.text} » inattendu`);
  return filter;
}

function literalValue(t: Token): FilterValue {
  if (t.kind === 'string') return t.value ?? '';
  const lower = t.text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t.text)) return Number(t.text);
  throw invalidFilter(`valeur invalide « ${t.text} » (une chaîne entre guillemets, true, false, null ou un nombre)`);
}

const schemaPrefixes: [string, string][] = [
  [`${CORE_USER.toLowerCase()}:`, ''],
  [`${CORE_GROUP.toLowerCase()}:`, ''],
  [`${ENTERPRISE_USER.toLowerCase()}:`, 'enterprise:'],
  [`${NOMADES_USER.toLowerCase()}:`, 'nomades:'],
];

/** `urn:…:enterprise:2.0:User:department` → `enterprise:department`; core names lose their URN; lower case. */
export function normaliseAttribute(attribute: string): string {
  const lower = attribute.toLowerCase();
  for (const [prefix, short] of schemaPrefixes) if (lower.startsWith(prefix)) return short + lower.slice(prefix.length);
  return lower;
}

/** Evaluates a filter on a JSON object (a multi-valued entry, a group): strings compare without case. */
export function matches(filter: Filter, object: Record<string, unknown>): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.items.every((f) => matches(f, object));
    case 'or':
      return filter.items.some((f) => matches(f, object));
    case 'not':
      return !matches(filter.item, object);
    case 'present':
      return valuesAt(object, filter.attribute).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
    case 'valuePath':
      return valuesAt(object, filter.attribute).some((v) => isPlainObject(v) && matches(filter.filter, v));
    case 'compare':
      return valuesAt(object, filter.attribute).some((v) => compare(v, filter.operator, filter.value));
  }
}

// Every value at a dotted path, looking into arrays on the way (SCIM's "any value matches").
function valuesAt(object: Record<string, unknown>, attribute: string): unknown[] {
  let current: unknown[] = [object];
  for (const part of normaliseAttribute(attribute).split('.')) {
    const next: unknown[] = [];
    for (const item of current.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (!isPlainObject(item)) continue;
      const key = keyOf(item, part);
      if (key !== undefined) next.push(item[key]);
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function compare(actual: unknown, operator: CompareOperator, expected: FilterValue): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  const a = norm(typeof actual === 'string' && typeof expected === 'boolean' ? actual.toLowerCase() === 'true' : actual);
  const e = norm(expected);
  switch (operator) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return typeof a === 'string' && typeof e === 'string' && a.includes(e);
    case 'sw':
      return typeof a === 'string' && typeof e === 'string' && a.startsWith(e);
    case 'ew':
      return typeof a === 'string' && typeof e === 'string' && a.endsWith(e);
    default:
      if ((typeof a === 'number' && typeof e === 'number') || (typeof a === 'string' && typeof e === 'string')) {
        return operator === 'gt' ? a > e : operator === 'ge' ? a >= e : operator === 'lt' ? a < e : a <= e;
      }
      return false;
  }
}
