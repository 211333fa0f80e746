import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { DatabaseConfig } from '../src/server/config.ts';
import { freePort } from '../src/server/test-support/portal-process.ts';

export const root = path.resolve(import.meta.dirname, '..');
export const resultsDir = path.join(root, 'bench/results');

export type BenchOptions = { pglite: boolean; duration: number; connections: number; databaseServerUrl: string };

export type Measure = {
  name: string;
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
};

export async function measure(name: string, url: string, options: BenchOptions, extra: Partial<autocannon.Options> = {}): Promise<Measure> {
  // A short warm-up so JIT and connection pools are in their steady state.
  await autocannon({ url, connections: options.connections, duration: 2, ...extra });
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, ...extra });
  return {
    name,
    url,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

type Started = { url: string; stop(): Promise<void> };

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`not ready within ${timeoutMs} ms:\n${output}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

export async function startBareFastify(): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bench/bare-fastify.ts', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${url}/`, 30_000);
  return { url, stop: stopper(child) };
}

// Starts the real portal as `npm start` would, on a fresh PostgreSQL database (or PGlite with --pglite).
// `prepare` fills the database before the portal starts (e.g. a 50,000-agent organisation).
export async function startPortal(
  options: BenchOptions,
  env: Record<string, string> = {},
  prepare?: (database: DatabaseConfig) => Promise<void>,
): Promise<Started> {
  const port = await freePort();
  let dropDatabase = async () => {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nomades-bench-'));
  const portalEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'true',
    SECRET_KEY: 'bench-secret-key-long-enough-0123456789abcdef',
    ...env,
  };
  if (!options.pglite) {
    const name = `nomades_bench_${Date.now().toString(36)}`;
    await adminQuery(options.databaseServerUrl, `create database ${name}`);
    const url = new URL(options.databaseServerUrl);
    url.pathname = `/${name}`;
    portalEnv.DATABASE_URL = url.toString();
    dropDatabase = () => adminQuery(options.databaseServerUrl, `drop database if exists ${name} with (force)`);
  }
  if (prepare) {
    await prepare(
      portalEnv.DATABASE_URL ? { kind: 'postgres', url: portalEnv.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') },
    );
  }
  const child = spawn(process.execPath, ['src/server/main.ts'], { cwd: root, env: portalEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await waitUntilReady(child, `http://127.0.0.1:${port}/readyz`, 300_000);
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const stop = stopper(child);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stop();
      await dropDatabase();
    },
  };
}

/** One statement on the server's maintenance database (create or drop a benchmark's database). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function writeResults(scenario: string, summary: string, data: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const stamped = { scenario, at: new Date().toISOString(), machine: machineFacts(), ...(data as object) };
  writeFileSync(path.join(resultsDir, `${scenario}.json`), `${JSON.stringify(stamped, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, `${scenario}.txt`), `${summary}\n`);
  console.log(summary);
}

function machineFacts() {
  return { node: process.version, cpus: (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null };
}
