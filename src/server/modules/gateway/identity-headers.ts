import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who the agent is, as an app behind the gateway (or behind nginx / Traefik with forward-auth) reads it. */
export type AgentIdentity = {
  agentId: string;
  badgeNumber: string;
  email: string;
  /** First and last name. */
  name: string;
  departmentCode: string;
  roles: readonly string[];
  /** How the session was proved (RFC 8176): pwd, otp, sms, hwk. */
  amr: readonly string[];
};

// The order the signature covers them in. The name is percent-encoded: header values are not UTF-8.
export const identityHeaderNames = [
  'x-nomades-agent',
  'x-nomades-badge',
  'x-nomades-email',
  'x-nomades-name',
  'x-nomades-department',
  'x-nomades-roles',
  'x-nomades-amr',
  'x-nomades-timestamp',
] as const;
export const SIGNATURE_HEADER = 'x-nomades-signature';

/** How long an app should accept a signature after its timestamp. */
export const SIGNATURE_MAX_AGE_SECONDS = 60;

// "v1", the app's slug (so that headers for one app are worthless to another), then each header value, one per line.
function signedText(slug: string, values: readonly string[]): string {
  return ['v1', slug, ...values].join('\n');
}

function sign(secret: string, text: string): string {
  return `v1=${createHmac('sha256', secret).update(text).digest('base64url')}`;
}

export function identityHeaders(app: { slug: string; signingSecret: string }, identity: AgentIdentity, now: Date): Record<string, string> {
  const values = [
    identity.agentId,
    identity.badgeNumber,
    identity.email,
    encodeURIComponent(identity.name),
    identity.departmentCode,
    identity.roles.join(','),
    identity.amr.join(','),
    String(Math.floor(now.getTime() / 1000)),
  ];
  const headers: Record<string, string> = {};
  identityHeaderNames.forEach((name, i) => {
    headers[name] = values[i] ?? '';
  });
  headers[SIGNATURE_HEADER] = sign(app.signingSecret, signedText(app.slug, values));
  return headers;
}

/** What an app does with the headers it receives (the reference for docs/gateway.md). */
export function verifyIdentityHeaders(
  app: { slug: string; signingSecret: string },
  headers: Record<string, string | string[] | undefined>,
  now: Date,
): boolean {
  const values = identityHeaderNames.map((name) => headers[name]);
  const signature = headers[SIGNATURE_HEADER];
  if (values.some((v) => typeof v !== 'string') || typeof signature !== 'string') return false;
  const age = now.getTime() / 1000 - Number(headers['x-nomades-timestamp']);
  if (!(age >= -5 && age <= SIGNATURE_MAX_AGE_SECONDS)) return false;
  const expected = Buffer.from(sign(app.signingSecret, signedText(app.slug, values as string[])));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
