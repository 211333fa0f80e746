import { sql } from 'kysely';
import type { Db, ListenToChannel } from '../../db/connection.ts';

const CHANNEL = 'nomades_live';

export type LiveEvent = { agentId: string; type: 'notification'; unread: number };
type Subscriber = (event: LiveEvent) => void;

export type LiveEvents = {
  /**
   * Calls `onEvent` for each live event to this agent until the returned function is called; `onEnd` when the
   * instance shuts down (an open stream would otherwise hold the shutdown).
   */
  subscribe(agentId: string, onEvent: Subscriber, onEnd: () => void): Promise<() => void>;
  /** Open streams on this instance (for /metrics). */
  openStreams(): number;
  close(): Promise<void>;
};

// Several instances behind a load balancer: the event is a NOTIFY sent in the transaction that causes it, so
// PostgreSQL hands it to every instance after the commit (never for a rolled-back change); each instance
// passes it on to the streams its own agents have open. LISTEN starts with the first stream.
export function createLiveEvents(listen: ListenToChannel | undefined): LiveEvents {
  const subscribers = new Map<string, Set<Subscriber>>();
  const enders = new Set<() => void>();
  let count = 0;
  let listening: Promise<(() => Promise<void>) | undefined> | undefined;

  const dispatch = (payload: string) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    for (const subscriber of subscribers.get(event.agentId) ?? []) subscriber(event);
  };

  const startListening = () => {
    listening ??= (listen ? listen(CHANNEL, dispatch) : Promise.resolve(undefined)).catch((error: unknown) => {
      listening = undefined; // the next stream tries again
      throw error;
    });
    return listening;
  };

  return {
    async subscribe(agentId, onEvent, onEnd) {
      await startListening();
      let own = subscribers.get(agentId);
      if (!own) subscribers.set(agentId, (own = new Set()));
      own.add(onEvent);
      enders.add(onEnd);
      count += 1;
      return () => {
        enders.delete(onEnd);
        if (!own.delete(onEvent)) return;
        count -= 1;
        if (own.size === 0) subscribers.delete(agentId);
      };
    },
    openStreams: () => count,
    async close() {
      for (const end of [...enders]) end();
      const stop = await listening?.catch(() => undefined);
      listening = undefined;
      await stop?.();
    },
  };
}

/** Call inside the transaction that causes the event: it goes out only if that transaction commits. */
export async function publishLiveEvent(db: Db, event: LiveEvent): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
}
