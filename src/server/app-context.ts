import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Metrics } from './http/metrics.ts';

// What every module receives: configuration, database, clock and process-wide state.
export type AppContext = {
  config: Config;
  db: Db;
  clock: Clock;
  metrics: Metrics;
  lifecycle: { shuttingDown: boolean };
};
