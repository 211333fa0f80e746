import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'nomades-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: tmp(), ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
  assert.fail('the configuration was accepted');
}

describe('configuration', () => {
  test('starts in demo mode with the embedded database, port 3000 and a generated secret kept in DATA_DIR', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    assert.equal(config.port, 3000);
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
    assert.equal(config.demoData, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.ok(config.secretKey.length >= 32);
    assert.ok(existsSync(path.join(dataDir, 'secret.key')));
    // A restart reads the same key back, so encrypted secrets stay readable.
    assert.equal(loadConfig({ DATA_DIR: dataDir }).secretKey, config.secretKey);
    assert.equal(readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim(), config.secretKey);
  });

  test('uses PostgreSQL without demo data when DATABASE_URL is set', () => {
    const config = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://nomades@db.internal:5432/nomades', PORT: '8080' });
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://nomades@db.internal:5432/nomades' });
    assert.equal(config.demoData, false);
    assert.equal(config.port, 8080);
  });

  test('parses trusted proxies and internal networks as CIDR lists', () => {
    const config = loadConfig({ DATA_DIR: tmp(), TRUST_PROXY: '10.1.0.0/16, 127.0.0.1', INTERNAL_NETWORKS: '10.0.0.0/8,fd00::/8' });
    assert.deepEqual(config.trustProxy, ['10.1.0.0/16', '127.0.0.1']);
    assert.deepEqual(config.internalNetworks, ['10.0.0.0/8', 'fd00::/8']);
  });

  test('refuses a wrong value with a message naming the variable and what is expected', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ PORT: 'eighty' }, /^PORT="eighty" : attendu un numéro de port/],
      [{ PORT: '70000' }, /^PORT="70000"/],
      [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x" : attendu une URL postgres/],
      [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY=.* : attendu une adresse IP ou un bloc CIDR/],
      [{ INTERNAL_NETWORKS: 'intranet' }, /^INTERNAL_NETWORKS=/],
      [{ ORG_EMAIL_DOMAIN: 'not a domain' }, /^ORG_EMAIL_DOMAIN=/],
      [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL=/],
      [{ SMTP_URL: 'http://mail' }, /^SMTP_URL=.* : attendu une URL smtp/],
      [{ PUBLIC_URL: 'nomades' }, /^PUBLIC_URL=/],
    ];
    for (const [env, expected] of cases) {
      const problems = problemsOf(env);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0] ?? '', expected);
    }
  });

  test('requires SECRET_KEY in production', () => {
    assert.match(problemsOf({ NODE_ENV: 'production' })[0] ?? '', /^SECRET_KEY="" : attendu obligatoire en production/);
    assert.match(problemsOf({ NODE_ENV: 'production', SECRET_KEY: 'short' })[0] ?? '', /^SECRET_KEY=.*au moins 32/);
    const ok = loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(48) });
    assert.equal(ok.secretKey, 'k'.repeat(48));
  });

  test('is frozen so no module can change it at run time', () => {
    const config = loadConfig({ DATA_DIR: tmp() });
    assert.throws(() => {
      (config as { port: number }).port = 1;
    });
  });
});

describe('configuration of the city network', () => {
  test('counts the loopback as the city network in the demo only when nothing is declared', () => {
    assert.deepEqual(loadConfig({ DATA_DIR: tmp() }).internalNetworks, ['127.0.0.0/8', '::1/128']);
    assert.deepEqual(loadConfig({ DATA_DIR: tmp(), INTERNAL_NETWORKS: '' }).internalNetworks, []);
    assert.deepEqual(loadConfig({ DATA_DIR: tmp(), INTERNAL_NETWORKS: '10.0.0.0/8' }).internalNetworks, ['10.0.0.0/8']);
    assert.deepEqual(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://x@db/nomades' }).internalNetworks, []);
  });
});
