import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { startTestUpstream } from '../../src/server/modules/gateway/test-upstream.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../../src/server/seed/demo-seed.ts';
import { type BenchOptions, type Measure, measure, startPortal, writeResults } from '../support.ts';

const ADMINISTRATOR = '1000006';
const AGENT = '1000001';

type Signed = { cookie: string; csrf: string };

async function signIn(url: string, badge: string): Promise<Signed> {
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = (csrfResponse.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { token } = (await csrfResponse.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ identifier: badge, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${badge} failed: ${login.status} ${await login.text()}`);
  return { cookie: [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; '), csrf: token };
}

const LATENCY_CONNECTIONS = 4;
const round = (n: number) => Math.round(n * 100) / 100;

// The gateway's cost: the same upstream page fetched directly and through /apps/<slug>/, in the same run. Through
// the gateway, a sub-resource (script, image: checked and counted) and a page (also written to the access log).
// A few connections at once, so that the latencies are the gateway's own and not a queue in front of a busy core.
export async function gatewayScenario(benchOptions: BenchOptions): Promise<void> {
  const options = { ...benchOptions, connections: Math.min(benchOptions.connections, LATENCY_CONNECTIONS) };
  const upstream = await startTestUpstream();
  const portal = await startPortal(options, { DEMO_DATA: 'false', INTERNAL_NETWORKS: '127.0.0.0/8' }, async (database) => {
    const handle = await openDatabase(database);
    try {
      await migrateToLatest(handle.db);
      await seedDemoOrganisation(handle.db, { agents: 200, emailDomain: 'paris.example' });
    } finally {
      await handle.close();
    }
  });
  const measures: Measure[] = [];
  try {
    const admin = await signIn(portal.url, ADMINISTRATOR);
    const published = await fetch(`${portal.url}/api/admin/gateway-routes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ slug: 'banc', name: 'Banc d’essai', upstreamUrl: upstream.url }),
    });
    if (published.status !== 201) throw new Error(`publishing failed: ${published.status} ${await published.text()}`);
    const agent = await signIn(portal.url, AGENT);

    measures.push(await measure('direct GET /planning', `${upstream.url}planning`, options));
    measures.push(await measure('gateway GET /apps/banc/planning.js (checked, counted)', `${portal.url}/apps/banc/planning.js`, options, { headers: { cookie: agent.cookie } }));
    measures.push(
      await measure('gateway GET /apps/banc/planning (page: checked, counted, logged)', `${portal.url}/apps/banc/planning`, options, {
        headers: { cookie: agent.cookie, accept: 'text/html', 'sec-fetch-dest': 'document' },
      }),
    );
  } finally {
    await portal.stop();
    await upstream.close();
  }
  const [direct] = measures;
  const database = options.pglite ? 'PGlite' : 'PostgreSQL';
  const overheads = measures.slice(1).map((m) => ({
    name: m.name,
    p50Ms: round(m.latencyP50Ms - (direct?.latencyP50Ms ?? 0)),
    p99Ms: round(m.latencyP99Ms - (direct?.latencyP99Ms ?? 0)),
  }));
  const lines = measures.map(
    (m) =>
      `${m.name}: ${m.requestsPerSecond} req/s, p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms` +
      (m.errors || m.non2xx ? ` (${m.errors} errors, ${m.non2xx} non-2xx)` : ''),
  );
  const overheadLines = overheads.map((o) => `${o.name}: +${o.p50Ms} ms p50, +${o.p99Ms} ms p99`);
  writeResults(
    'gateway',
    `gateway [${database}, ${options.connections} connections, ${options.duration}s] — ${lines.join(' | ')} — overhead against direct: ${overheadLines.join(' | ')}`,
    { database, connections: options.connections, durationSeconds: options.duration, measures, overheads },
  );
}
