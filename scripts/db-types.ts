import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { generateSchemaTypes } from '../src/server/db/schema-types.ts';

const handle = await openDatabase({ kind: 'pglite', dataDir: undefined });
try {
  await migrateToLatest(handle.db);
  const target = new URL('../src/server/db/types.ts', import.meta.url);
  await writeFile(target, await generateSchemaTypes(handle.db));
  console.log(`wrote ${target.pathname}`);
} finally {
  await handle.close();
}
