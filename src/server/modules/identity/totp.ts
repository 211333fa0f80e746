import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, issuer: string, account: string): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secretBase32), period: TOTP_PERIOD_SECONDS, digits: 6 }).toString();
}

// The time step a code belongs to, within ±1 step of now (clock drift of the phone); undefined if none.
export function matchingTotpStep(secretBase32: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    period: TOTP_PERIOD_SECONDS,
    digits: 6,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

export function totpCodeAt(secretBase32: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), period: TOTP_PERIOD_SECONDS, digits: 6, timestamp: at.getTime() });
}
