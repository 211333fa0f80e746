import type { Dictionary } from '../../../i18n/fr.ts';
import type { ConnectionEvent } from './history-types.ts';

export function eventLabel(event: ConnectionEvent, t: Dictionary): string {
  return (t.account.history.kinds as Record<string, string | undefined>)[event.kind] ?? event.kind;
}

// The server's detail is a code ("totp", "wrong_password", "others:3"): said in words, or left out.
export function eventDetail(event: ConnectionEvent, t: Dictionary): string | undefined {
  if (!event.detail) return undefined;
  const others = /^others:(\d+)$/.exec(event.detail);
  if (others) return t.account.history.otherSessionsEnded(Number(others[1]));
  return (t.account.history.details as Record<string, string | undefined>)[event.detail];
}

export function eventDevice(event: ConnectionEvent, t: Dictionary): string {
  const parts = [event.browser || t.account.history.unknownBrowser, event.os].filter(Boolean).join(' — ');
  const type = (t.account.history.deviceTypes as Record<string, string | undefined>)[event.deviceType];
  return type ? `${parts} (${type})` : parts;
}
