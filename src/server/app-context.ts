import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Metrics } from './http/metrics.ts';
import type { LiveEvents } from './modules/notifications/live-events.ts';
import type { Keys } from './security/keys.ts';

// What every module receives: configuration, database, clock and process-wide state.
export type AppContext = {
  config: Config;
  db: Db;
  clock: Clock;
  metrics: Metrics;
  keys: Keys;
  /** Live events (notification counts) to the agents' open streams, from every instance. */
  live: LiveEvents;
  isInternalNetwork(ip: string | undefined): boolean;
  lifecycle: { shuttingDown: boolean };
};
