import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createTestDatabase, reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

// Tokens as an administrator issues them: `nomades scim-token …` in a real child process on the same
// database as the portal, and the administration API; then what a connector gets with them.

const cliPath = fileURLToPath(new URL('../../cli/cli.ts', import.meta.url));

for (const kind of testDatabaseKinds()) {
  describe(`SCIM tokens (${kind})`, () => {
    let cliEnv: Record<string, string>;
    let dataDir: string | undefined;
    let database: DatabaseHandle | undefined;
    let t: TestApp;
    const fromCli: { kept?: string; revoked?: string } = {};

    const nomades = (...args: string[]) => {
      const result = spawnSync(process.execPath, [cliPath, ...args], {
        env: { ...process.env, SECRET_KEY: 'x'.repeat(40), LOG_LEVEL: 'silent', ...cliEnv },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    before(async () => {
      if (kind === 'pglite') {
        dataDir = mkdtempSync(path.join(tmpdir(), 'nomades-scim-cli-'));
        cliEnv = { DATABASE_URL: '', DATA_DIR: dataDir };
      } else {
        database = await createTestDatabase('postgres');
        const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${rows[0]!.name}`;
        cliEnv = { DATABASE_URL: url.toString() };
      }
    });

    after(async () => {
      await t?.close();
      await database?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const scimGet = (token: string | undefined) =>
      t.app.inject({ method: 'GET', url: '/scim/v2/Users?count=1', headers: token === undefined ? {} : { authorization: token } });

    test('an administrator issues a token from the command line: JSON with the token shown once, then lists and revokes tokens', () => {
      const created = nomades('scim-token', 'create', '--name', 'SIRH Paris');
      assert.equal(created.status, 0, created.stderr);
      const first = JSON.parse(created.stdout);
      assert.deepEqual(Object.keys(first), ['token', 'name', 'id']);
      assert.equal(first.name, 'SIRH Paris');
      assert.match(first.token, /^nomades_scim_[A-Za-z0-9_-]{43}$/);

      const second = JSON.parse(nomades('scim-token', 'create', '--name', 'Azure AD').stdout);
      const listed = nomades('scim-token', 'list');
      assert.equal(listed.status, 0, listed.stderr);
      const lines = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(lines.map((l) => l.name).sort(), ['Azure AD', 'SIRH Paris']);
      assert.doesNotMatch(listed.stdout, /nomades_scim_/, 'the list never shows a token');

      const revoked = nomades('scim-token', 'revoke', '--id', first.id);
      assert.equal(revoked.status, 0, revoked.stderr);
      assert.equal(JSON.parse(revoked.stdout).name, 'SIRH Paris');
      assert.equal(nomades('scim-token', 'create').status, 2, 'the name is required');
      fromCli.revoked = first.token;
      fromCli.kept = second.token;
    });

    test('the token works on /scim/v2; no token, a wrong one or a revoked one get the same 401', async () => {
      if (kind === 'pglite') database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir!, 'pgdata') });
      t = await createTestApp(kind, { database: database!, env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });

      const ok = await scimGet(`Bearer ${fromCli.kept}`);
      assert.equal(ok.statusCode, 200, ok.body);
      const refusals = await Promise.all([undefined, 'Bearer', `Bearer ${fromCli.kept}x`, 'Bearer nomades_scim_' + 'A'.repeat(43), `Basic ${fromCli.kept}`, `Bearer ${fromCli.revoked}`].map(scimGet));
      const bodies = new Set<string>();
      for (const res of refusals) {
        assert.equal(res.statusCode, 401);
        assert.match(String(res.headers['content-type']), /^application\/scim\+json/);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="nomades-scim"');
        bodies.add(JSON.stringify({ ...res.json() }));
      }
      assert.equal(bodies.size, 1, 'a revoked token is answered like an unknown one');
      assert.deepEqual(JSON.parse([...bodies][0]!), {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '401',
        detail: 'Jeton SCIM absent, invalide ou révoqué.',
      });
      // Discovery and unknown paths need the token as well.
      for (const url of ['/scim/v2/ServiceProviderConfig', '/scim/v2/Nothing']) assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);

      const used = await database!.db.selectFrom('scim_tokens').select(['name', 'last_used_at', 'revoked_at']).orderBy('name').execute();
      assert.ok(used.find((u) => u.name === 'Azure AD')?.last_used_at, 'last use recorded');
      assert.ok(used.find((u) => u.name === 'SIRH Paris')?.revoked_at);
    });

    test('only an administrator issues tokens on the web API, sees them without their value and revokes them; an HR officer gets 403', async () => {
      const signIn = async (role: string) => {
        const agent = await createAgent(database!.db, { role });
        const client = testClient(t.app, { ip: '10.0.0.20' });
        assert.equal((await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).statusCode, 200);
        return { agent, client };
      };
      const hr = await signIn('hr_officer');
      assert.equal((await hr.client.post('/api/admin/scim-tokens', { name: 'Essai' })).statusCode, 403);
      assert.equal((await hr.client.get('/api/admin/scim-tokens')).statusCode, 403);

      const admin = await signIn('administrator');
      const created = await admin.client.post('/api/admin/scim-tokens', { name: '  Synchro   AD  ' });
      assert.equal(created.statusCode, 201, created.body);
      const { id, name, token } = created.json();
      assert.equal(name, 'Synchro AD');
      assert.equal((await scimGet(`Bearer ${token}`)).statusCode, 200);

      assert.equal((await admin.client.post('/api/admin/scim-tokens', { name: 'synchro ad' })).statusCode, 409, 'two live tokens cannot share a name');
      assert.equal((await admin.client.post('/api/admin/scim-tokens', { name: 'a\u0000b' })).statusCode, 400);

      const list = (await admin.client.get('/api/admin/scim-tokens')).json().items;
      const mine = list.find((i: { id: string }) => i.id === id);
      assert.equal(mine.createdBy, `Camille ${admin.agent.lastName} (${admin.agent.badgeNumber})`);
      assert.ok(mine.lastUsedAt);
      assert.equal(JSON.stringify(list).includes(token), false);
      const stored = await database!.db.selectFrom('scim_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token, 'only a hash is stored');

      assert.equal((await hr.client.delete(`/api/admin/scim-tokens/${id}`)).statusCode, 403);
      assert.equal((await admin.client.delete(`/api/admin/scim-tokens/${id}`)).statusCode, 204);
      assert.equal((await admin.client.delete(`/api/admin/scim-tokens/${id}`)).statusCode, 404);
      assert.equal((await admin.client.delete('/api/admin/scim-tokens/not-a-uuid')).statusCode, 400);
      assert.equal((await scimGet(`Bearer ${token}`)).statusCode, 401);

      const trail = await database!.db.selectFrom('audit_events').select(['action', 'actor_label', 'actor_agent_id', 'target_label']).where('action', 'like', 'scim_token.%').orderBy('id').execute();
      assert.deepEqual(
        trail.map((e) => [e.action, e.target_label, e.actor_agent_id === admin.agent.agentId || e.actor_label]),
        [
          ['scim_token.create', 'SIRH Paris', 'ligne de commande (nomades scim-token)'],
          ['scim_token.create', 'Azure AD', 'ligne de commande (nomades scim-token)'],
          ['scim_token.revoke', 'SIRH Paris', 'ligne de commande (nomades scim-token)'],
          ['scim_token.create', 'Synchro AD', true],
          ['scim_token.revoke', 'Synchro AD', true],
        ],
      );
    });
  });
}
