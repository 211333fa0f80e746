import { Secret, TOTP } from 'otpauth';

// What the agent's authenticator app shows at a given time (the server's clock, which the tests move).
export function totpCode(secretAsShown: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretAsShown.replace(/\s/g, '')), period: 30, digits: 6, timestamp: at.getTime() });
}
