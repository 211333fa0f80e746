import type { ConnectionEventKind } from '../../../../server/modules/identity/connection-history.repo.ts';

export type ConnectionEvent = {
  id: string;
  kind: string;
  result: 'success' | 'failure' | 'info';
  at: string;
  ip: string;
  networkZone: 'internal' | 'external';
  browser: string;
  os: string;
  deviceType: string;
  detail: string | null;
};

export type ConnectionHistory = { items: ConnectionEvent[]; nextCursor: string | null };

// Events someone else could have caused with the agent's password or device: each offers "It wasn't me".
const reportable: ReadonlySet<string> = new Set<ConnectionEventKind>([
  'sign_in',
  'second_factor',
  'lockout',
  'password_changed',
  'password_reset',
  'password_reset_requested',
  'second_factor_added',
  'second_factor_removed',
]);

export function isReportable(event: ConnectionEvent): boolean {
  return reportable.has(event.kind);
}
