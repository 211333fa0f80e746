import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { seedPersonalFiles } from '../modules/personal-file/index.ts';
import { createKeys } from '../security/keys.ts';

// What the demo agents find once signed in: their personal file (and, as modules arrive, payslips…).
// Runs after the organisation exists; each step fills only what is missing, so it can run again.
export async function seedDemoRecords(db: Db, config: Config): Promise<void> {
  await seedPersonalFiles(db, createKeys(config.secretKey));
}
