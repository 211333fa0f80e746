// The password rules that need no dictionary: shared by the server and the web form's live explanation.
// References: CNIL deliberation 2022-100 (80 bits; 12 characters of 4 kinds, 14 of 3 kinds, or a
// passphrase of 7 words) and ANSSI's password guide.

export const MAX_PASSWORD_LENGTH = 256;
export const MIN_STRENGTH_BITS = 80;
export const PASSPHRASE_MIN_WORDS = 7;
// A word drawn from a diceware-sized list of 7,776 words carries log2(7776) ≈ 12.9 bits.
const BITS_PER_PASSPHRASE_WORD = Math.log2(7776);

export type PasswordRuleId =
  | 'too_long'
  | 'composition'
  | 'strength'
  | 'personal_information'
  | 'common_password'
  | 'reused';

export type PasswordRuleResult = { rule: PasswordRuleId; ok: boolean };

export type PasswordOwner = {
  firstName: string;
  lastName: string;
  badgeNumber: string;
  email: string;
};

export function characterKinds(password: string) {
  return {
    lower: /\p{Ll}/u.test(password),
    upper: /\p{Lu}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    symbol: /[^\p{L}\p{Nd}]/u.test(password.replace(/ /g, '')) || / /.test(password.trim()),
  };
}

export function passphraseWords(password: string): string[] {
  return password
    .trim()
    .split(/[\s\-_.+,;:]+/u)
    .filter((word) => word.length >= 2);
}

export function isPassphrase(password: string): boolean {
  return passphraseWords(password).length >= PASSPHRASE_MIN_WORDS && password.length >= 20;
}

// Length × log2(size of the alphabet used), rounded as CNIL's own table rounds it (12 characters of the
// ~100 an AZERTY keyboard types ≈ 80 bits); passphrases count per word.
export function estimatedStrengthBits(password: string): number {
  const length = [...password].length;
  if (isPassphrase(password)) return Math.round(passphraseWords(password).length * BITS_PER_PASSPHRASE_WORD);
  const kinds = characterKinds(password);
  let pool = 0;
  if (kinds.lower) pool += 26;
  if (kinds.upper) pool += 26;
  if (kinds.digit) pool += 10;
  if (kinds.symbol) pool += 38;
  if (/[^\u0000-\u007f]/u.test(password)) pool += 40;
  return pool === 0 ? 0 : Math.round(length * Math.log2(pool));
}

export function meetsComposition(password: string): boolean {
  const length = [...password].length;
  const k = characterKinds(password);
  if (length >= 12 && k.lower && k.upper && k.digit && k.symbol) return true;
  if (length >= 14 && k.lower && k.upper && k.digit) return true;
  return isPassphrase(password);
}

function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

// Parts of the agent's identity an attacker who knows them would try first.
export function personalFragments(owner: PasswordOwner): string[] {
  const local = owner.email.split('@')[0] ?? '';
  const parts = [owner.firstName, owner.lastName, owner.badgeNumber, local, ...local.split(/[._-]/)]
    .flatMap((p) => fold(p).split(/[\s'’-]+/))
    .filter((p) => p.length >= 3);
  return [...new Set(parts)];
}

export function containsPersonalInformation(password: string, owner: PasswordOwner): boolean {
  const folded = fold(password);
  return personalFragments(owner).some((fragment) => folded.includes(fragment));
}

// Rules checked without a dictionary, in the order the form shows them.
export function checkLocalPasswordRules(password: string, owner: PasswordOwner | undefined): PasswordRuleResult[] {
  const results: PasswordRuleResult[] = [
    { rule: 'composition', ok: meetsComposition(password) },
    { rule: 'strength', ok: estimatedStrengthBits(password) >= MIN_STRENGTH_BITS },
  ];
  if (owner) results.push({ rule: 'personal_information', ok: !containsPersonalInformation(password, owner) });
  if (password.length > MAX_PASSWORD_LENGTH) results.unshift({ rule: 'too_long', ok: false });
  return results;
}
