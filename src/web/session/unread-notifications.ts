import { useEffect, useSyncExternalStore } from 'react';

export const notificationStreamUrl = '/api/me/notifications/stream';
const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 60_000;

// The signed-in agent's unread count, shared by the header's bell and the notifications page (which sets it
// after marking read: marking read sends no live event). Undefined until the stream has said it.
let unread: number | undefined;
const listeners = new Set<() => void>();

export function setUnreadCount(next: number | undefined): void {
  if (next === unread) return;
  unread = next;
  for (const listener of listeners) listener();
}

export function useUnreadCount(): number | undefined {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => unread,
  );
}

/**
 * Keeps the unread count live while mounted (for a signed-in agent): the server sends it at once and at every
 * change. The browser reconnects by itself after a cut; when it gives up (an answer that is not the stream),
 * a signed-out session (401) or an unfinished sign-in (403) ends it, anything else is tried again later.
 */
const CHECK_TIMEOUT_MS = 10_000;

export function useLiveUnreadCount(): void {
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: number | undefined;
    let stopped = false;
    let delay = FIRST_RETRY_MS;

    const open = () => {
      const current = new EventSource(notificationStreamUrl);
      source = current;
      current.addEventListener('unread', (event) => {
        delay = FIRST_RETRY_MS;
        const count = (JSON.parse((event as MessageEvent<string>).data) as { unread: unknown }).unread;
        if (typeof count === 'number') setUnreadCount(count);
      });
      current.addEventListener('error', () => {
        if (current.readyState !== EventSource.CLOSED || source !== current) return;
        source = undefined;
        void giveUpOrRetry();
      });
    };

    // EventSource never tells the status it was refused with: one plain request finds out, then lets go.
    const giveUpOrRetry = async () => {
      const controller = new AbortController();
      // A check that gets no answer must not hold one of the browser's few connections to the portal.
      const giveUp = window.setTimeout(() => controller.abort(), CHECK_TIMEOUT_MS);
      let status = 0;
      try {
        status = (await fetch(notificationStreamUrl, { credentials: 'same-origin', signal: controller.signal })).status;
      } catch {
        // Offline or the server unreachable: tried again later.
      } finally {
        window.clearTimeout(giveUp);
        controller.abort();
      }
      if (stopped || status === 401 || status === 403) return;
      retry = window.setTimeout(open, delay);
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    };

    open();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
      setUnreadCount(undefined);
    };
  }, []);
}
