import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../../src/server/seed/demo-seed.ts';
import { type BenchOptions, startPortal, writeResults } from '../support.ts';

const AGENTS = 50_000;
const TEAMS = 40;
const MEMBERS_PER_TEAM = 5;
const CONCURRENCY = 8;
const INBOX_SAMPLES = 400;

type Team = { manager: string; members: string[] };
type Signed = { badge: string; cookie: string; csrf: string };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const round = (n: number) => Math.round(n * 10) / 10;

// Leave requests filed and approved over HTTP on a 50,000-agent organisation: 40 managers with five agents
// each file one-day requests (every agent on its own days, so none overlaps), then the managers approve them;
// between the two, each manager's inbox is read again and again for its latency.
export async function requestsScenario(options: BenchOptions): Promise<void> {
  const teams: Team[] = [];
  const portal = await startPortal(options, { DEMO_DATA: 'false', INTERNAL_NETWORKS: '127.0.0.0/8' }, async (database) => {
    const handle = await openDatabase(database);
    try {
      await migrateToLatest(handle.db);
      await seedDemoOrganisation(handle.db, { agents: AGENTS, emailDomain: 'paris.example' });
      teams.push(...(await pickTeams(handle.db as unknown as Kysely<any>)));
    } finally {
      await handle.close();
    }
  });
  try {
    const managers = await Promise.all(teams.map((t) => signIn(portal.url, t.manager)));
    const members = await Promise.all(teams.flatMap((t) => t.members).map((badge) => signIn(portal.url, badge)));

    // 2027: a leave year nobody has touched, whose working days are known (weekends and holidays left out).
    const days = workingDays2027();
    const perAgent = 10;
    const submitted: { id: string; manager: number }[] = [];
    const submitLatencies: number[] = [];
    let errors = 0;
    const jobs = members.flatMap((agent, index) => Array.from({ length: perAgent }, (_, k) => ({ agent, index, day: days[k * 3 + (index % 3)]! })));
    const submitStarted = performance.now();
    await pool(jobs, CONCURRENCY, async ({ agent, index, day }) => {
      const at = performance.now();
      const res = await fetch(`${portal.url}/api/me/leave/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ type: 'annual_leave', startDate: day, endDate: day }),
      });
      const body = (await res.json()) as { requestId?: string };
      submitLatencies.push(performance.now() - at);
      if (res.status !== 201 || !body.requestId) errors += 1;
      else submitted.push({ id: body.requestId, manager: Math.floor(index / MEMBERS_PER_TEAM) });
    });
    const submitSeconds = (performance.now() - submitStarted) / 1000;

    const inboxLatencies: number[] = [];
    let inboxItems = 0;
    await pool(Array.from({ length: INBOX_SAMPLES }, (_, i) => managers[i % managers.length]!), CONCURRENCY, async (manager) => {
      const at = performance.now();
      const res = await fetch(`${portal.url}/api/inbox`, { headers: { cookie: manager.cookie } });
      const body = (await res.json()) as { items?: unknown[] };
      inboxLatencies.push(performance.now() - at);
      if (res.status !== 200) errors += 1;
      else inboxItems += body.items?.length ?? 0;
    });

    const approveLatencies: number[] = [];
    const approveStarted = performance.now();
    await pool(submitted, CONCURRENCY, async ({ id, manager }) => {
      const boss = managers[manager]!;
      const at = performance.now();
      const res = await fetch(`${portal.url}/api/requests/${id}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: boss.cookie, 'x-csrf-token': boss.csrf },
        body: JSON.stringify({ decision: 'approve' }),
      });
      await res.arrayBuffer();
      approveLatencies.push(performance.now() - at);
      if (res.status !== 200) errors += 1;
    });
    const approveSeconds = (performance.now() - approveStarted) / 1000;

    for (const list of [submitLatencies, inboxLatencies, approveLatencies]) list.sort((a, b) => a - b);
    const database = options.pglite ? 'PGlite' : 'PostgreSQL';
    const result = {
      database,
      agents: AGENTS,
      concurrency: CONCURRENCY,
      submissions: { count: submitted.length, perSecond: round(submitted.length / submitSeconds), p50Ms: round(percentile(submitLatencies, 50)), p95Ms: round(percentile(submitLatencies, 95)) },
      approvals: { count: approveLatencies.length, perSecond: round(approveLatencies.length / approveSeconds), p50Ms: round(percentile(approveLatencies, 50)), p95Ms: round(percentile(approveLatencies, 95)) },
      inbox: {
        samples: inboxLatencies.length,
        averageItems: round(inboxItems / Math.max(1, inboxLatencies.length)),
        p50Ms: round(percentile(inboxLatencies, 50)),
        p95Ms: round(percentile(inboxLatencies, 95)),
        p99Ms: round(percentile(inboxLatencies, 99)),
      },
      errors,
    };
    writeResults(
      'requests',
      `requests [${database}, ${AGENTS} agents, ${CONCURRENCY} at once] — leave requests filed: ${result.submissions.perSecond}/s (p50 ${result.submissions.p50Ms} ms, p95 ${result.submissions.p95Ms} ms); ` +
        `approved: ${result.approvals.perSecond}/s (p50 ${result.approvals.p50Ms} ms, p95 ${result.approvals.p95Ms} ms); ` +
        `manager inbox (${result.inbox.averageItems} items): p50 ${result.inbox.p50Ms} ms, p95 ${result.inbox.p95Ms} ms, p99 ${result.inbox.p99Ms} ms — target p95 < 50 ms: ${result.inbox.p95Ms < 50 ? 'met' : 'NOT met'}; ${errors} errors`,
      result,
    );
  } finally {
    await portal.stop();
  }
}

// Managers with at least five direct reports in an office job, whose accounts are ready to sign in with the
// demo password (no first-time password to change).
async function pickTeams(db: Kysely<any>): Promise<Team[]> {
  const rows = await sql<{ manager: string; members: string[] }>`
    select m.badge_number as manager, (array_agg(a.badge_number order by a.badge_number))[1:${sql.lit(MEMBERS_PER_TEAM)}] as members
    from agents m join agents a on a.manager_id = m.id
    where m.status = 'active' and a.status = 'active'
    group by m.badge_number
    having count(*) >= ${sql.lit(MEMBERS_PER_TEAM)}
    order by m.badge_number
    limit ${sql.lit(TEAMS)}`.execute(db);
  const teams = rows.rows;
  if (teams.length < TEAMS) throw new Error(`only ${teams.length} teams of ${MEMBERS_PER_TEAM} found`);
  const badges = teams.flatMap((t) => [t.manager, ...t.members]);
  await sql`update accounts set password_temporary = false from agents where agents.id = accounts.agent_id and agents.badge_number = any(${badges})`.execute(db);
  return teams;
}

async function signIn(url: string, badge: string): Promise<Signed> {
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = (csrfResponse.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { token } = (await csrfResponse.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ identifier: badge, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${badge} failed: ${login.status} ${await login.text()}`);
  const cookie = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  return { badge, cookie, csrf: token };
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function workingDays2027(): string[] {
  // French public holidays of 2027 on weekdays (Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May…).
  const holidays = new Set(['2027-01-01', '2027-03-29', '2027-05-06', '2027-05-17', '2027-07-14', '2027-11-01', '2027-11-11']);
  const days: string[] = [];
  for (let t = Date.UTC(2027, 0, 4); days.length < 60; t += 86_400_000) {
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays.has(iso)) days.push(iso);
  }
  return days;
}
