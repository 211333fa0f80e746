import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// Every key is derived from SECRET_KEY with its own purpose label, so one use can never unlock another.
export type KeyPurpose =
  | 'totp-secret'
  | 'bank-details'
  | 'csrf'
  | 'device'
  | 'gateway-signature'
  | 'gateway-secret'
  | 'enrolment-code'
  | 'one-time-code'
  | 'webhook'
  | 'sso-cookie'
  | 'sso-signing-key'
  | 'sso-client-secret';

export type Keys = {
  encrypt(purpose: KeyPurpose, plaintext: string): string;
  decrypt(purpose: KeyPurpose, sealed: string): string;
  mac(purpose: KeyPurpose, value: string): string;
  verifyMac(purpose: KeyPurpose, value: string, mac: string): boolean;
};

export function createKeys(secretKey: string): Keys {
  const cache = new Map<KeyPurpose, Buffer>();
  const key = (purpose: KeyPurpose) => {
    let k = cache.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', secretKey, 'nomades', purpose, 32));
      cache.set(purpose, k);
    }
    return k;
  };
  const mac = (purpose: KeyPurpose, value: string) => createHmac('sha256', key(purpose)).update(value).digest('base64url');
  return {
    encrypt(purpose, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(purpose), iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
    },
    decrypt(purpose, sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('unknown sealed format');
      const raw = Buffer.from(sealed.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key(purpose), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    mac,
    verifyMac(purpose, value, candidate) {
      const expected = Buffer.from(mac(purpose, value));
      const given = Buffer.from(candidate);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

// 256-bit random tokens (session ids, reset links): only their SHA-256 is stored.
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
