import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { escapeLike } from '../../db/like-pattern.ts';

// One writer at a time extends the chain: a transaction-scoped advisory lock, released at commit.
export async function lockChain(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(727001)`.execute(db);
}

export async function lastHash(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash;
}

export type AuditRow = Awaited<ReturnType<typeof chainPage>>[number];

export function chainPage(db: Db, afterId: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  departmentIds?: string[];
  from?: Date;
  to?: Date;
  text?: string;
  beforeId?: number;
  limit: number;
};

export function searchAudit(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_label',
      'e.actor_ip',
      'e.action',
      'e.target_type',
      'e.target_id',
      'e.target_label',
      'd.code as department_code',
      'e.changes',
      'e.reason',
      'e.hash',
    ]);
  if (f.actor) q = q.where('e.actor_label', 'ilike', `%${escapeLike(f.actor)}%`);
  if (f.action) q = q.where('e.action', '=', f.action);
  if (f.target) q = q.where((eb) => eb.or([eb('e.target_label', 'ilike', `%${escapeLike(f.target!)}%`), eb('e.target_id', '=', f.target!)]));
  if (f.departmentIds) q = q.where('e.department_id', 'in', f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', f.to);
  if (f.text) q = q.where(sql<boolean>`(e.reason ilike ${`%${escapeLike(f.text)}%`} or e.changes::text ilike ${`%${escapeLike(f.text)}%`})`);
  if (f.beforeId) q = q.where('e.id', '<', f.beforeId);
  return q.orderBy('e.id', 'desc').limit(f.limit).execute();
}

