import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Perimeter } from './perimeter.ts';
import { inPerimeter } from './support-console.repo.ts';

export type AlertFilter = { perimeter: Perimeter; agentId?: string; alertId?: string; status: 'open' | 'handled' | 'all'; limit: number; offset: number };

function alertsBase(db: Db, f: Omit<AlertFilter, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('security_alerts as al')
    .innerJoin('agents as a', 'a.id', 'al.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .where(inPerimeter(f.perimeter));
  if (f.agentId) query = query.where('al.agent_id', '=', f.agentId);
  if (f.alertId) query = query.where('al.id', '=', f.alertId);
  if (f.status === 'open') query = query.where('al.handled_at', 'is', null);
  if (f.status === 'handled') query = query.where('al.handled_at', 'is not', null);
  return query;
}

// Unhandled first, then newest first.
export function listAlerts(db: Db, f: AlertFilter) {
  return alertsBase(db, f)
    .leftJoin('agents as h', 'h.id', 'al.handled_by')
    .select([
      'al.id',
      'al.kind',
      'al.created_at',
      'al.ip',
      'al.network_zone',
      'al.detail',
      'al.handled_at',
      'al.handling_note',
      'a.id as agentId',
      'a.department_id as departmentId',
      'a.badge_number as badgeNumber',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.email',
      'd.code as departmentCode',
      'h.first_name as handlerFirstName',
      'h.last_name as handlerLastName',
      'h.badge_number as handlerBadgeNumber',
    ])
    .orderBy(sql`al.handled_at is null`, 'desc')
    .orderBy('al.created_at', 'desc')
    .orderBy('al.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export type AlertRow = Awaited<ReturnType<typeof listAlerts>>[number];

export async function countAlerts(db: Db, f: Omit<AlertFilter, 'limit' | 'offset' | 'status'>): Promise<{ total: number; open: number }> {
  const row = await alertsBase(db, { ...f, status: 'all' })
    .select(({ fn }) => [
      fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where al.handled_at is null)`.as('open'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), open: Number(row.open) };
}

/** False when someone else marked it handled first. */
export async function markAlertHandled(db: Db, alertId: string, by: string, note: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('security_alerts')
    .set({ handled_at: at, handled_by: by, handling_note: note })
    .where('id', '=', alertId)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
