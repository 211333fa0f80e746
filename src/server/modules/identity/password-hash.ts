import { randomInt } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Changing these re-hashes passwords at next sign-in.
export const argon2Options = Object.freeze({
  algorithm: 2, // Algorithm.Argon2id; a literal because the package's const enum cannot be stripped.
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}) satisfies Options;

export const MAX_PASSWORD_LENGTH = 256;

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}

export function needsRehash(passwordHash: string): boolean {
  const { memoryCost, timeCost, parallelism } = argon2Options;
  return !passwordHash.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}

// Temporary passwords are read aloud or printed on a letter: no look-alike characters (0/O, 1/l/I).
const temporaryAlphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function generateTemporaryPassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += temporaryAlphabet[randomInt(temporaryAlphabet.length)];
  // Four groups of four are easier to copy from paper.
  return out.match(/.{1,4}/g)!.join('-');
}
