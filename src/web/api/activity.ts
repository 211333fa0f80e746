// When the agent's session was last used, as this browser knows it: every API call that touches the
// session counts, in this tab or another tab of the portal (they share the same session cookie).
const channelName = 'nomades-activity';

let lastActivity = Date.now();
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

// Opened on first use, so that importing this module has no effect (the unit tests import it in Node).
function tabs(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'number' && event.data > lastActivity) update(event.data);
  });
  return channel;
}

export function noteActivity(): void {
  const now = Date.now();
  update(now);
  tabs()?.postMessage(now);
}

export function lastActivityAt(): number {
  return lastActivity;
}

export function subscribeToActivity(listener: () => void): () => void {
  tabs();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(at: number): void {
  lastActivity = at;
  for (const listener of listeners) listener();
}
