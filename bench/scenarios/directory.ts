import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../../src/server/seed/demo-seed.ts';
import { type BenchOptions, startPortal, writeResults } from '../support.ts';

const AGENTS = 50_000;
const CONCURRENCY = 8;

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

    const latencies: number[] = [];
    let errors = 0;
    let results = 0;
    const deadline = performance.now() + options.duration * 1000;
    const warmUntil = performance.now() + 2000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let i = worker; performance.now() < deadline; i += CONCURRENCY) {
          const started = performance.now();
          const res = await fetch(`${portal.url}/api/directory?${queries[i % queries.length]}`, { headers: { cookie: session } });
          const body = (await res.json()) as { items?: unknown[] };
          if (started < warmUntil) continue;
          latencies.push(performance.now() - started);
          if (res.status !== 200) errors += 1;
          else results += body.items?.length ?? 0;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    const measures = {
      agents: AGENTS,
      seedSeconds: seeded.seconds,
      concurrency: CONCURRENCY,
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / (options.duration - 2)),
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      p99Ms: round(percentile(latencies, 99)),
      errors,
      averageResults: round(results / Math.max(1, latencies.length - errors)),
    };
    const database = options.pglite ? 'PGlite' : 'PostgreSQL';
    writeResults(
      'directory',
      `directory [${database}, ${AGENTS} agents, ${CONCURRENCY} concurrent searches, ${options.duration}s] — ${measures.requestsPerSecond} searches/s, p50 ${measures.p50Ms} ms, p95 ${measures.p95Ms} ms (target < 50 ms: ${measures.p95Ms < 50 ? 'met' : 'NOT met'}), p99 ${measures.p99Ms} ms, ${errors} errors`,
      { database, ...measures },
    );
  } finally {
    await portal.stop();
  }
}
