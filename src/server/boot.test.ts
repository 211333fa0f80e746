import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { startPortalProcess } from './test-support/portal-process.ts';
import { createTestApp } from './test-support/test-app.ts';

const baseEnv = () => ({
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nomades-boot-')),
  DEMO_DATA: 'false',
  SECRET_KEY: 'boot-test-secret-key-long-enough-0123456789',
});

describe('starting and stopping the portal', () => {
  test('stops cleanly on SIGTERM: exit code 0 and the embedded database released for the next start', async () => {
    const env = baseEnv();
    const portal = await startPortalProcess(env);
    assert.equal(portal.child.exitCode, null, portal.output());
    const health = await fetch(`${portal.url}/healthz`);
    assert.equal(health.status, 200);
    portal.child.kill('SIGTERM');
    assert.equal(await portal.exited, 0, portal.output());
    assert.match(portal.output(), /arrêt terminé/);

    const again = await startPortalProcess(env);
    try {
      assert.equal((await fetch(`${again.url}/readyz`)).status, 200, again.output());
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  test('lets a request in flight finish while closing', async () => {
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => (arrived = resolve));
    const t = await createTestApp('pglite', {
      routes: async (app) => {
        app.get('/api/test/slow', { schema: { operationId: 'testSlow' } }, async () => {
          arrived();
          await new Promise((r) => setTimeout(r, 300));
          return { done: true };
        });
      },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/test/slow`);
    await inHandler;
    const closing = t.close();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    await closing;
  });

  test('refuses to start with a clear message naming a wrong setting (exit 2)', async () => {
    const portal = await startPortalProcess({ ...baseEnv(), INTERNAL_NETWORKS: '10.0.0.0/99' });
    assert.equal(await portal.exited, 2);
    assert.match(portal.output(), /INTERNAL_NETWORKS="10\.0\.0\.0\/99" : attendu une adresse IP ou un bloc CIDR/);
  });

  test('exits non-zero with a clear log line when the database is down at start', async () => {
    const portal = await startPortalProcess({ ...baseEnv(), DATABASE_URL: 'postgres://nomades@127.0.0.1:1/nomades' });
    assert.notEqual(await portal.exited, 0);
    assert.match(portal.output(), /base de données injoignable/);
    assert.doesNotMatch(portal.output(), /prêt sur/);
  });

  test('refuses to open an embedded database another process already uses', async () => {
    const env = baseEnv();
    const first = await startPortalProcess(env);
    try {
      const second = await startPortalProcess(env);
      assert.notEqual(await second.exited, 0);
      assert.match(second.output(), /déjà ouverte par le processus \d+/);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
