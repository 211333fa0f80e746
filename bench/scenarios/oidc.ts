import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/server/db/connection.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/http/cookies.ts';
import { createKeys } from '../../src/server/security/keys.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { freePort } from '../../src/server/test-support/portal-process.ts';
import { adminQuery, type BenchOptions, root, writeResults } from '../support.ts';

// Token refreshes per second on ONE core, as the city's apps do them (client_secret_basic, refresh token
// rotated at each use, the portal session and the application's rule checked each time), next to
// Keycloak's published sizing. The portal runs pinned to CPU 0; this process (the apps) on CPU 1.

const SECRET_KEY = 'bench-oidc-secret-key-long-enough-0123456789abcdef';
const PORTAL_CPU = '0';
const LOAD_CPU = '1';
// Independent chains of refresh tokens (each refresh waits for the previous one's new token).
const IN_FLIGHT = 12;
const WARMUP_SECONDS = 3;
const KEYCLOAK_REFRESHES_PER_VCPU = 120; // https://www.keycloak.org/high-availability/concepts-memory-and-cpu-sizing
const TICKS_PER_SECOND = 100; // USER_HZ for /proc/<pid>/stat on Linux
const CLIENT_ID = 'banc-oidc';
const REDIRECT_URI = 'https://banc-oidc.paris.example/callback';

type Jar = Map<string, string>;

export async function oidcScenario(options: BenchOptions): Promise<void> {
  if (options.pglite) {
    console.error('oidc: PostgreSQL only (the scenario writes its client into the database while the portal runs).');
    process.exitCode = 2;
    return;
  }
  const taskset = spawnSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' }).status === 0;
  if (taskset) spawnSync('taskset', ['-a', '-c', '-p', LOAD_CPU, String(process.pid)], { stdio: 'ignore' });
  const name = `nomades_bench_oidc_${Date.now().toString(36)}`;
  await adminQuery(options.databaseServerUrl, `create database ${name}`);
  const databaseUrl = Object.assign(new URL(options.databaseServerUrl), { pathname: `/${name}` }).toString();
  const portal = await startPinnedPortal(databaseUrl, taskset);
  try {
    const secret = await registerBenchClient(databaseUrl);
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')}`;
    const chains = await Promise.all(Array.from({ length: IN_FLIGHT }, () => firstRefreshToken(portal.url, basic)));
    console.log(`  ${chains.length} apps signed in, each with its refresh token`);

    const start = performance.now();
    const measureFrom = start + WARMUP_SECONDS * 1000;
    const measureUntil = measureFrom + options.duration * 1000;
    const latencies: number[] = [];
    const failures: Record<string, number> = {};
    const cpuAt = (delayMs: number) => new Promise<number>((resolve) => setTimeout(() => resolve(processCpuMs(portal.pid)), delayMs));
    const cpuFrom = cpuAt(WARMUP_SECONDS * 1000);
    const cpuUntil = cpuAt((WARMUP_SECONDS + options.duration) * 1000);
    await Promise.all(
      chains.map(async (chain) => {
        let token = chain;
        while (performance.now() < measureUntil) {
          const began = performance.now();
          const answer = await refresh(portal.url, basic, token);
          const ended = performance.now();
          if ('refreshToken' in answer) token = answer.refreshToken;
          if (began < measureFrom || ended > measureUntil) continue;
          if ('refreshToken' in answer) latencies.push(ended - began);
          else failures[answer.failure] = (failures[answer.failure] ?? 0) + 1;
          if (!('refreshToken' in answer)) token = await firstRefreshToken(portal.url, basic);
        }
      }),
    );
    const cpuMs = (await cpuUntil) - (await cpuFrom);

    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0).toFixed(1));
    const round = (value: number, digits = 2) => Number(value.toFixed(digits));
    const refreshesPerSecond = round(latencies.length / options.duration, 1);
    const cpuMsPerRefresh = round(cpuMs / Math.max(1, latencies.length));
    const dedicatedCore = round(1000 / cpuMsPerRefresh, 1);
    const figures = {
      refreshesPerSecond,
      latencyP50Ms: pct(50),
      latencyP99Ms: pct(99),
      cpuMsPerRefresh,
      portalCpuShare: round(cpuMs / (options.duration * 1000), 3),
      dedicatedCoreRefreshesPerSecond: dedicatedCore,
      keycloakRatio: round(refreshesPerSecond / KEYCLOAK_REFRESHES_PER_VCPU, 1),
      keycloakRatioDedicatedCore: round(dedicatedCore / KEYCLOAK_REFRESHES_PER_VCPU, 1),
    };
    const load = Number(loadavg()[0]!.toFixed(2));
    writeResults(
      'oidc',
      `oidc [PostgreSQL, ${taskset ? `portal pinned to CPU ${PORTAL_CPU}` : 'portal NOT pinned'}, ${IN_FLIGHT} refresh chains, ${options.duration}s, load ${load}] — ` +
        `refresh_token grant with rotation: ${refreshesPerSecond}/s (p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms), ` +
        `${cpuMsPerRefresh} ms of portal CPU each → ${dedicatedCore}/s on a dedicated core, ` +
        `${figures.keycloakRatio}× (${figures.keycloakRatioDedicatedCore}× dedicated) Keycloak's ${KEYCLOAK_REFRESHES_PER_VCPU}/vCPU` +
        (Object.keys(failures).length > 0 ? ` FAILURES ${JSON.stringify(failures)}` : ''),
      {
        database: 'PostgreSQL',
        durationSeconds: options.duration,
        warmupSeconds: WARMUP_SECONDS,
        refreshChains: IN_FLIGHT,
        refreshes: latencies.length,
        failures,
        figures,
        loadAverage1m: load,
        sequence:
          'POST /oidc/token grant_type=refresh_token (client_secret_basic); each answer’s new refresh token is the next request’s; ' +
          'the portal checks the grant’s portal session and the application’s rule, rotates the refresh token and issues an access token and an RS256 ID token',
        keycloak: {
          reference: `${KEYCLOAK_REFRESHES_PER_VCPU} refresh token requests per second per vCPU`,
          source: 'https://www.keycloak.org/high-availability/concepts-memory-and-cpu-sizing',
        },
        note: 'refreshesPerSecond is wall clock on this machine, shared with other work; cpuMsPerRefresh (the portal process, all its threads) is not affected by it. PostgreSQL runs elsewhere than the portal’s core and is not counted.',
      },
    );
  } finally {
    await portal.stop();
    await adminQuery(options.databaseServerUrl, `drop database if exists ${name} with (force)`);
  }
}

// An OpenID Connect application any agent may open with a password from the city network, and its client.
async function registerBenchClient(databaseUrl: string): Promise<string> {
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl }, { poolSize: 1 });
  try {
    const now = new Date();
    const application = await handle.db
      .insertInto('applications')
      .values({ slug: CLIENT_ID, name: 'Banc d’essai OIDC', category: 'outils', kind: 'oidc', launch_url: 'https://banc-oidc.paris.example/', inside_access: 'password', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const secret = `nomades_oidc_${randomBytes(32).toString('base64url')}`;
    await handle.db
      .insertInto('sso_clients')
      .values({
        client_id: CLIENT_ID,
        application_id: application.id,
        public: false,
        secret_encrypted: createKeys(SECRET_KEY).encrypt('sso-client-secret', secret),
        redirect_uris: [REDIRECT_URI],
        created_at: now,
      })
      .execute();
    return secret;
  } finally {
    await handle.close();
  }
}

// A browser signs the demo agent in to the portal, then to the app (code flow); the app exchanges the code.
async function firstRefreshToken(baseUrl: string, basic: string): Promise<string> {
  const jar: Jar = new Map();
  const csrf = JSON.parse((await call(baseUrl, jar, '/api/auth/csrf')).body) as { token: string };
  const login = await call(baseUrl, jar, '/api/auth/login', { json: { identifier: '1000001', password: DEMO_PASSWORD }, csrf: csrf.token });
  if (login.status !== 200 || !jar.has(SESSION_COOKIE)) throw new Error(`sign-in failed: ${login.status} ${login.body}`);
  jar.delete(CSRF_COOKIE);
  let location = `/oidc/auth?${new URLSearchParams({ client_id: CLIENT_ID, response_type: 'code', scope: 'openid profile nomades', redirect_uri: REDIRECT_URI, state: 'banc' })}`;
  for (let hops = 0; hops < 6 && !location.startsWith(REDIRECT_URI); hops++) {
    location = (await call(baseUrl, jar, location)).location ?? '';
  }
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);
  const tokens = await call(baseUrl, jar, '/oidc/token', { form: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, authorization: basic });
  return (JSON.parse(tokens.body) as { refresh_token: string }).refresh_token;
}

async function refresh(baseUrl: string, basic: string, refreshToken: string): Promise<{ refreshToken: string } | { failure: string }> {
  try {
    const answer = await call(baseUrl, new Map(), '/oidc/token', { form: { grant_type: 'refresh_token', refresh_token: refreshToken }, authorization: basic });
    if (answer.status !== 200) return { failure: `${answer.status} ${answer.body.slice(0, 80)}` };
    return { refreshToken: (JSON.parse(answer.body) as { refresh_token: string }).refresh_token };
  } catch (error) {
    return { failure: (error as Error).message };
  }
}

async function call(baseUrl: string, jar: Jar, url: string, send: { json?: unknown; form?: Record<string, string>; csrf?: string; authorization?: string } = {}) {
  const body = send.json !== undefined ? JSON.stringify(send.json) : send.form ? new URLSearchParams(send.form).toString() : undefined;
  const response = await fetch(new URL(url, baseUrl), {
    method: body === undefined ? 'GET' : 'POST',
    redirect: 'manual',
    headers: {
      accept: 'text/html, application/json',
      ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      ...(send.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(send.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(send.csrf ? { 'x-csrf-token': send.csrf } : {}),
      ...(send.authorization ? { authorization: send.authorization } : {}),
    },
    body,
  });
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    if (pair.slice(equals + 1)) jar.set(pair.slice(0, equals), pair.slice(equals + 1));
    else jar.delete(pair.slice(0, equals));
  }
  const location = response.headers.get('location');
  return { status: response.status, body: await response.text(), location: location ? new URL(location, baseUrl).href.replace(baseUrl, '') : undefined };
}

// ---- the portal, pinned, and its CPU time ----

async function startPinnedPortal(databaseUrl: string, pinned: boolean): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_OIDC_CPU_PROF=<dir> starts the portal with --cpu-prof to see where the time goes.
  const profileDir = process.env.BENCH_OIDC_CPU_PROF;
  const node = [process.execPath, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'src/server/main.ts'];
  const [command, ...args] = pinned ? ['taskset', '-c', PORTAL_CPU, ...node] : node;
  const child = spawn(command!, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nomades-bench-oidc-')),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      SECRET_KEY,
      INTERNAL_NETWORKS: '127.0.0.0/8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 300_000;
  while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the portal did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// utime + stime of every thread of the process, from /proc.
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
