import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedContent = {
  occurredAt: string;
  actorAgentId: string | null;
  actorLabel: string;
  actorIp: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  departmentId: string | null;
  changes: unknown;
  reason: string | null;
};

// Keys sorted at every depth: the same content always hashes the same, whatever the insertion order.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

const secretKey = /pass|token|secret|code|iban|bic|hash|otp|key/i;

// Values of secrets never enter the trail: only the fact that they changed.
export function redactChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (secretKey.test(key)) out[key] = '[modifié]';
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = redactChanges(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}
