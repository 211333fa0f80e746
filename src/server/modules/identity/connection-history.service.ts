import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { listConnectionEvents } from './connection-history.repo.ts';

export type ConnectionHistoryQuery = { days: number; limit: number; cursor?: string; kind?: string; result?: string };

export type ConnectionEventView = {
  id: string;
  kind: string;
  result: 'success' | 'failure' | 'info';
  at: string;
  ip: string;
  networkZone: 'internal' | 'external';
  browser: string;
  os: string;
  deviceType: string;
  detail: string | null;
};

// Cursor = the last item's time and id: stable pages even while new events arrive.
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [when, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(when ?? '');
  if (Number.isNaN(at.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation_failed', undefined, { errors: [{ field: 'querystring.cursor', message: 'Curseur de pagination invalide.' }] });
  }
  return { at, id };
}

// One page of an agent's connection history, newest first: for the agent themself and for IT support.
export async function connectionHistoryPage(
  db: Db,
  agentId: string,
  q: ConnectionHistoryQuery,
  now: Date,
): Promise<{ items: ConnectionEventView[]; nextCursor: string | null }> {
  const rows = await listConnectionEvents(db, agentId, {
    since: new Date(now.getTime() - q.days * 86_400_000),
    kind: q.kind,
    result: q.result,
    limit: q.limit + 1,
    before: decodeCursor(q.cursor),
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      result: r.result as ConnectionEventView['result'],
      at: r.occurred_at.toISOString(),
      ip: r.ip,
      networkZone: r.network_zone as ConnectionEventView['networkZone'],
      browser: r.browser,
      os: r.os,
      deviceType: r.device_type,
      detail: r.detail,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
  };
}
