import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ServiceKind, ServiceState } from './announcements.schema.ts';
import * as repo from './service-status.repo.ts';

export type ProbeResult = { key: string; kind: ServiceKind; applicationId: string | null; name: string | null; state: ServiceState; detail: string | null };

const MINUTE = 60_000;
// An agent notices a slow portal well before it fails: past this the database is called degraded.
const SLOW_DATABASE_MS = 2_000;
// Longer than an application's own connect timeout would be unfair to it, shorter keeps the job brief.
const UPSTREAM_TIMEOUT_MS = 5_000;

export async function probeDatabase(db: Db): Promise<ProbeResult> {
  const started = performance.now();
  await sql`select 1`.execute(db);
  const ms = Math.round(performance.now() - started);
  return { key: 'database', kind: 'database', applicationId: null, name: null, state: ms > SLOW_DATABASE_MS ? 'degraded' : 'operational', detail: `${ms} ms` };
}

// Mail is late when a message waits more than a quarter of an hour; down when the last hour only failed.
export async function probeOutbox(db: Db, now: Date): Promise<ProbeResult> {
  const backlog = await repo.outboxBacklog(db, now, new Date(now.getTime() - 15 * MINUTE), new Date(now.getTime() - 60 * MINUTE));
  const state: ServiceState = backlog.failed > 0 && backlog.sent === 0 ? 'unavailable' : backlog.late > 0 ? 'degraded' : 'operational';
  return { key: 'outbox', kind: 'outbox', applicationId: null, name: null, state, detail: `${backlog.late} en retard, ${backlog.failed} en échec en une heure` };
}

// Any answer below 500 means the application is up (a login page, a redirect, a 405 to HEAD all count).
export async function probeUpstream(upstream: { id: string; name: string; upstream_url: string; connect_timeout_ms: number }): Promise<ProbeResult> {
  const base = { key: `application:${upstream.id}`, kind: 'application' as const, applicationId: upstream.id, name: upstream.name };
  try {
    const response = await fetch(upstream.upstream_url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(Math.max(UPSTREAM_TIMEOUT_MS, upstream.connect_timeout_ms)),
    });
    await response.body?.cancel();
    return { ...base, state: response.status >= 500 ? 'degraded' : 'operational', detail: `HTTP ${response.status}` };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'délai dépassé' : 'injoignable';
    return { ...base, state: 'unavailable', detail: reason };
  }
}

export async function probeAll(db: Db, now: Date): Promise<ProbeResult[]> {
  const portal: ProbeResult = { key: 'portal', kind: 'portal', applicationId: null, name: null, state: 'operational', detail: null };
  const upstreams = await repo.gatewayUpstreams(db);
  return [portal, ...(await Promise.all([probeDatabase(db), probeOutbox(db, now), ...upstreams.map(probeUpstream)]))];
}
