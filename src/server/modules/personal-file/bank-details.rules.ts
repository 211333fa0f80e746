import { parisDate } from '../accounts/index.ts';

// IBAN lengths by country (ISO 13616 registry) for the countries agents' banks are in; others: 15 to 34.
const ibanLengths: Record<string, number> = {
  FR: 27, MC: 27, DE: 22, BE: 16, ES: 24, IT: 27, LU: 20, PT: 25, NL: 18, CH: 21, GB: 22, IE: 22, AT: 20, AD: 24,
};

export type FieldProblem = { field: string; rule: string; message: string };

export function normaliseIban(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

// ISO 13616: move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export function ibanProblem(iban: string): FieldProblem | null {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) {
    return { field: 'iban', rule: 'format', message: 'L’IBAN doit commencer par le code pays (ex. FR76) suivi de chiffres et de lettres.' };
  }
  const expected = ibanLengths[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) {
    return { field: 'iban', rule: 'length', message: `Un IBAN ${iban.slice(0, 2)} compte ${expected} caractères (vous en avez saisi ${iban.length}).` };
  }
  if (!ibanChecksumValid(iban)) {
    return { field: 'iban', rule: 'checksum', message: 'Cet IBAN n’est pas valide : vérifiez chaque caractère (la clé de contrôle ne correspond pas).' };
  }
  return null;
}

export function bicProblem(bic: string): FieldProblem | null {
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) {
    return { field: 'bic', rule: 'format', message: 'Le BIC compte 8 ou 11 caractères : 4 lettres de banque, 2 lettres de pays, puis lettres ou chiffres.' };
  }
  return null;
}

// What the agent and HR see: enough to recognise the account, not enough to reuse it.
export function maskedIban(last4: string): string {
  return `•••• •••• •••• ${last4}`;
}

// A change applies from the next pay run: the first day of the next month in Paris.
export function nextPayRunStart(at: Date): string {
  const [year, month] = parisDate(at).split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
