import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseConfig['kind'];
  /** Calls `onPayload` for every NOTIFY on `channel`, from any instance; resolves to the unsubscribe. */
  listen: ListenToChannel;
  close(): Promise<void>;
};

export type ListenToChannel = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

const INT8 = 20;
const DATE = 1082;

// Both drivers return the same JavaScript shapes: int8 as number (counts, cents), date as 'YYYY-MM-DD'.
pg.types.setTypeParser(INT8, (value) => Number(value));
pg.types.setTypeParser(DATE, (value) => value);

export async function openDatabase(config: DatabaseConfig, options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'nomades',
    });
    // A dropped idle connection must not crash the process; the next query reports the failure.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', listen: (channel, onPayload) => listenOnPostgres(config.url, channel, onPayload), close: () => db.destroy() };
  }

  let lock: DataDirLock | undefined;
  if (config.dataDir) lock = acquireDataDirLock(config.dataDir);
  try {
    const pglite = await PGlite.create({
      dataDir: config.dataDir,
      extensions: { citext, pg_trgm, unaccent },
      parsers: {
        [pgliteTypes.INT8]: (value: string) => Number(value),
        [pgliteTypes.DATE]: (value: string) => value,
      },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      listen: async (channel, onPayload) => {
        const unlisten = await pglite.listen(channel, onPayload);
        return async () => {
          if (!pglite.closed) await unlisten();
        };
      },
      close: async () => {
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function pingDatabase(db: Db, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// LISTEN holds a connection for as long as it listens: one of its own, outside the pool, opened again after
// a drop (a restarted server, a failover) so that live notifications resume without a restart.
async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'nomades-listen' });
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', () => {
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
