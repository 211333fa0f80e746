import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { recordAudit } from '../modules/audit/index.ts';

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'nomades-cli-audit-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const auditVerify = () =>
  spawnSync(process.execPath, [cliPath, 'audit', 'verify'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, SECRET_KEY: 'x'.repeat(40), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });

test('audit verify says the trail is intact, then names the entry someone altered (exit 1)', async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
  try {
    await migrateToLatest(database.db);
    const actor = { agentId: null, label: 'Yasmina Haddad (1000005)', ip: '10.0.0.5' };
    for (const action of ['account.unlock', 'account.end_sessions']) {
      await database.db.transaction().execute((trx) => recordAudit(trx, { actor, action, reason: 'Appel de l’agent', at: new Date() }));
    }
  } finally {
    await database.close();
  }
  const intact = auditVerify();
  assert.equal(intact.status, 0, intact.stderr);
  assert.deepEqual({ ...JSON.parse(intact.stdout), headHash: undefined }, { ok: true, entries: 2, headHash: undefined });

  const again = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
  try {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(again.db);
    await sql`update audit_events set reason = 'Autre motif' where action = 'account.unlock'`.execute(again.db);
  } finally {
    await again.close();
  }
  const altered = auditVerify();
  assert.equal(altered.status, 1);
  const report = JSON.parse(altered.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.brokenAtId, 1);
});
