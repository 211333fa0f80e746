import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ensureReferenceData } from '../seed/reference-data.ts';

/**
 * Opens the configured database, brings it up to date like the portal does at start (migrations, then the
 * reference job profiles and grades an account needs), runs the command and always closes it.
 * On the embedded database, opening throws DataDirLockedError while a portal holds DATA_DIR.
 */
export async function withDatabase<T>(config: Config, work: (db: Db, applied: string[]) => Promise<T>): Promise<T> {
  // Two connections are plenty for one command; the portal's pool needs the rest.
  const handle = await openDatabase(config.database, { poolSize: 2 });
  try {
    const applied = await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    return await work(handle.db, applied);
  } finally {
    await handle.close();
  }
}
