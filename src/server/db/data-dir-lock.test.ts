import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const tmp = () => path.join(mkdtempSync(path.join(tmpdir(), 'nomades-lock-')), 'pgdata');

test('refuses a second opener of the same embedded database with a clear message', () => {
  const dir = tmp();
  const lock = acquireDataDirLock(dir);
  try {
    assert.throws(() => acquireDataDirLock(dir), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError);
      assert.match(error.message, /déjà ouverte par le processus \d+/);
      return true;
    });
  } finally {
    lock.release();
  }
  acquireDataDirLock(dir).release();
});

test('takes over a lock left by a process that died', () => {
  const dir = tmp();
  const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
  writeFileSync(`${dir}.lock`, String(dead));
  const lock = acquireDataDirLock(dir);
  lock.release();
  assert.equal(existsSync(`${dir}.lock`), false);
});
