import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { manualClock } from '../clock.ts';
import { type Config, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import { createLogger } from '../http/logger.ts';
import { createTestDatabase, type TestDatabaseKind } from './test-database.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nomades-test-')),
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    ORG_NAME: 'Ville de Paris',
    ORG_EMAIL_DOMAIN: 'paris.example',
    ...overrides,
  });
}

export type TestApp = {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof manualClock>;
  config: Config;
  close(): Promise<void>;
};

export async function createTestApp(
  kind: TestDatabaseKind,
  options: {
    env?: Record<string, string>;
    database?: DatabaseHandle;
    routes?: (app: FastifyInstance) => Promise<void>;
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = options.database ?? (await createTestDatabase(kind));
  const clock = manualClock();
  const app = await buildApp({
    config,
    db: database.db,
    listen: database.listen,
    clock,
    logger: createLogger(config.logLevel),
    extraRoutes: options.routes,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
