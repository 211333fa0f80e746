import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection.ts';
import { enrolmentCodeMac, verifyPassword } from '../modules/identity/index.ts';
import { createKeys } from '../security/keys.ts';

// The CLI as an administrator runs it: a real child process on a real embedded database (DATA_DIR).

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'nomades-cli-'));

function nomades(...args: string[]) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, SECRET_KEY: 'x'.repeat(40), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('administration CLI', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('prints its usage for help and exits 0', () => {
    const run = nomades('help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage : nomades <commande>/);
    assert.match(run.stdout, /account create --badge MATRICULE/);
    assert.match(run.stdout, /account enrolment-code --badge MATRICULE/);
  });

  test('rejects unknown commands, unknown options and missing options with exit code 2 and the usage', () => {
    const cases: [string[], RegExp][] = [
      [[], /Aucune commande indiquée/],
      [['frobnicate'], /Commande inconnue « frobnicate »/],
      [['account', 'delete'], /Sous-commande inconnue « account delete »/],
      [['account', 'create', '--badge', '1234567'], /option\(s\) obligatoire\(s\) manquante\(s\) : --email, --first, --last, --department/],
      [['department', 'create', '--code', 'DSIN', '--name', 'X', '--colour', 'red'], /option inconnue --colour/],
      [['seed', '--agents', 'beaucoup'], /--agents attend un nombre entier/],
    ];
    for (const [args, message] of cases) {
      const run = nomades(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage : nomades/);
      assert.equal(run.stdout, '');
    }
  });

  test('bootstraps a department and its administrator, whose temporary password verifies', async () => {
    const department = nomades('department', 'create', '--code', 'DSIN', '--name', "Direction des systèmes d'information et du numérique");
    assert.equal(department.status, 0, department.stderr);
    assert.deepEqual(JSON.parse(department.stdout), { code: 'DSIN', name: "Direction des systèmes d'information et du numérique" });

    const created = nomades('account', 'create', '--badge', '1234567', '--email', 'claire.fontaine@paris.example', '--first', 'Claire', '--last', 'Fontaine', '--department', 'DSIN', '--role', 'administrator');
    assert.equal(created.status, 0, created.stderr);
    const account = JSON.parse(created.stdout);
    assert.equal(account.badgeNumber, '1234567');
    assert.equal(account.email, 'claire.fontaine@paris.example');
    assert.equal(account.role, 'administrator');
    assert.equal(typeof account.temporaryPassword, 'string');

    const again = nomades('account', 'create', '--badge', '1234567', '--email', 'autre@paris.example', '--first', 'A', '--last', 'B', '--department', 'DSIN');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /Le matricule 1234567 est déjà attribué/);

    // While this process holds the embedded database, as a running portal would, the CLI is refused.
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
    try {
      const row = await database.db
        .selectFrom('accounts')
        .innerJoin('agents', 'agents.id', 'accounts.agent_id')
        .select(['password_hash', 'password_temporary'])
        .where('badge_number', '=', '1234567')
        .executeTakeFirstOrThrow();
      assert.equal(row.password_temporary, true);
      assert.equal(await verifyPassword(row.password_hash ?? '', account.temporaryPassword), true);

      const refused = nomades('account', 'list');
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, new RegExp(`est déjà ouverte par le processus ${process.pid}`));
    } finally {
      await database.close();
    }
  });

  test('issues an enrolment code as JSON, valid 72 hours, that the portal will recognise by its MAC', async () => {
    const before = Date.now();
    const run = nomades('account', 'enrolment-code', '--badge', '1234567');
    assert.equal(run.status, 0, run.stderr);
    const issued = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(issued).sort(), ['badgeNumber', 'email', 'enrolmentCode', 'expiresAt']);
    assert.equal(issued.badgeNumber, '1234567');
    assert.equal(issued.email, 'claire.fontaine@paris.example');
    assert.match(issued.enrolmentCode, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const validity = new Date(issued.expiresAt).getTime() - before;
    assert.ok(validity >= 72 * 3_600_000 && validity < 72 * 3_600_000 + 60_000, issued.expiresAt);

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
    try {
      const row = await database.db
        .selectFrom('accounts')
        .innerJoin('agents', 'agents.id', 'accounts.agent_id')
        .select(['enrolment_code_hash', 'enrolment_code_expires_at'])
        .where('badge_number', '=', '1234567')
        .executeTakeFirstOrThrow();
      assert.equal(row.enrolment_code_hash, enrolmentCodeMac(createKeys('x'.repeat(40)), issued.enrolmentCode));
      assert.equal(row.enrolment_code_expires_at?.toISOString(), issued.expiresAt);
    } finally {
      await database.close();
    }

    const unknown = nomades('account', 'enrolment-code', '--badge', '7654321');
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Aucun agent n'a le matricule 7654321/);
    const missing = nomades('account', 'enrolment-code');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--badge/);
  });
});
