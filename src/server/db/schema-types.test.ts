import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { createTestDatabase } from '../test-support/test-database.ts';
import { generateSchemaTypes } from './schema-types.ts';

test('db/types.ts matches the migrated schema (run `npm run db:types` after adding a migration)', async () => {
  const database = await createTestDatabase('pglite');
  try {
    const generated = await generateSchemaTypes(database.db);
    const committed = await readFile(new URL('./types.ts', import.meta.url), 'utf8');
    assert.equal(committed, generated);
  } finally {
    await database.close();
  }
});
