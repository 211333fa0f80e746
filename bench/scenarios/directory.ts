import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../../src/server/seed/demo-seed.ts';
import { type BenchOptions, startPortal, writeResults } from '../support.ts';

const AGENTS = 50_000;
// One agent searching alone (latency), then eight at once (throughput under contention).
const CONCURRENCY_LEVELS = [1, 8];

// What agents type: a surname, a first name, both, a job title, accents or not, a department filter.
const queries = [
  'martin', 'bernard', 'lefevre', 'lefèvre', 'dubois', 'moreau', 'girard', 'petit', 'durand', 'leroy',
  'camille', 'nathalie', 'thomas', 'karim', 'yasmina', 'jardinier', 'asem', 'animateur', 'gestionnaire rh',
  'technicien', 'marie dupont', 'jean', 'sophie', 'nguyen', 'benali', 'rousseau', 'fontaine', 'mercier',
  'bibliothécaire', 'travailleur social',
].flatMap((q) => [`q=${encodeURIComponent(q)}`, `q=${encodeURIComponent(q)}&department=DASCO`]);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// Colleague search on a 50,000-agent organisation: exact p50/p95/p99 from every request's own latency.
export async function directoryScenario(options: BenchOptions): Promise<void> {
  const seeded = { seconds: 0 };
  const portal = await startPortal(options, { DEMO_DATA: 'false', INTERNAL_NETWORKS: '127.0.0.0/8' }, async (database) => {
    const handle = await openDatabase(database);
    try {
      await migrateToLatest(handle.db);
      const started = performance.now();
      await seedDemoOrganisation(handle.db, { agents: AGENTS, emailDomain: 'paris.example' });
      seeded.seconds = Math.round((performance.now() - started) / 100) / 10;
    } finally {
      await handle.close();
    }
  });
  try {
    const csrf = await fetch(`${portal.url}/api/auth/csrf`);
    const csrfCookie = (csrf.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { token } = (await csrf.json()) as { token: string };
    const login = await fetch(`${portal.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
      body: JSON.stringify({ identifier: '1000001', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const runs = [];
    for (const concurrency of CONCURRENCY_LEVELS) runs.push(await searchLoad(portal.url, session, concurrency, options.duration));
    const database = options.pglite ? 'PGlite' : 'PostgreSQL';
    const alone = runs[0]!;
    writeResults(
      'directory',
      `directory [${database}, ${AGENTS} agents, ${options.duration}s per level] — ` +
        runs.map((r) => `${r.concurrency} at once: ${r.requestsPerSecond} searches/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`).join(' | ') +
        ` — target p95 < 50 ms for a search: ${alone.p95Ms < 50 ? 'met' : 'NOT met'}`,
      { database, agents: AGENTS, seedSeconds: seeded.seconds, runs },
    );
  } finally {
    await portal.stop();
  }
}

async function searchLoad(url: string, session: string, concurrency: number, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  let results = 0;
  const started = performance.now();
  const warmUntil = started + 2000;
  const deadline = started + duration * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += concurrency) {
        const at = performance.now();
        const res = await fetch(`${url}/api/directory?${queries[i % queries.length]}`, { headers: { cookie: session } });
        const body = (await res.json()) as { items?: unknown[] };
        if (at < warmUntil) continue;
        latencies.push(performance.now() - at);
        if (res.status !== 200) errors += 1;
        else results += body.items?.length ?? 0;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    concurrency,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / (duration - 2)),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
    averageResults: round(results / Math.max(1, latencies.length - errors)),
  };
}
