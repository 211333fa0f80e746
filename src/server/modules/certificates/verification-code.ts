// Crockford's base32: no I, L, O or U, so a code read off paper is typed back without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16; // 16 × 5 bits = 80 bits: unguessable, still short enough to type

/** A fresh code, in groups of four: "7KQ2-M9XD-4HRT-0BNW". */
export function newVerificationCode(): string {
  // Web Crypto rather than node:crypto: the web app imports normaliseCode() from this file.
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let code = '';
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  for (const byte of bytes) code += ALPHABET[byte % 32];
  return formatCode(code);
}

export function formatCode(compact: string): string {
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}

/** What a person typed, in its canonical form (case, spaces and dashes ignored, O→0, I/L→1), or null. */
export function normaliseCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return formatCode(compact);
}

const prefixes = { employment: 'ATT', salary: 'SAL', departure: 'FIN' } as const;

/** "ATT-2026-000123": the kind, the year of issue and a number that is never reused. */
export function certificateReference(kind: keyof typeof prefixes, year: number, sequence: number): string {
  return `${prefixes[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
}
