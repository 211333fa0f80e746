// The leave ledger: append-only (a trigger refuses UPDATE and DELETE), one signed line per movement, so a
// balance is a sum and its history is its lines (Frappe HRMS's Leave Ledger Entry).
import type { Db } from '../../db/connection.ts';
import type { BalanceType } from './leave-config.ts';

export type LedgerEntry = 'allocation' | 'taken' | 'cancelled' | 'carried_over' | 'expired';
export type LedgerSource = 'yearly' | 'fractionnement' | 'adjustment' | 'request' | 'cet_deposit' | 'expiry';

export type NewLedgerEntry = {
  agentId: string;
  leaveType: BalanceType;
  leaveYear: number;
  entry: LedgerEntry;
  source: LedgerSource;
  halfDays: number;
  requestId?: string | null;
  reason: string;
  recordedBy?: string | null;
  at: Date;
};

/** False when the line was already there (a yearly allocation, or a request already taken or given back). */
export async function addEntry(db: Db, e: NewLedgerEntry): Promise<boolean> {
  const row = await db
    .insertInto('leave_ledger')
    .values({
      agent_id: e.agentId,
      leave_type: e.leaveType,
      leave_year: e.leaveYear,
      entry: e.entry,
      source: e.source,
      half_days: e.halfDays,
      request_id: e.requestId ?? null,
      reason: e.reason,
      recorded_by: e.recordedBy ?? null,
      recorded_at: e.at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Serialises everything that moves an agent's balances; the approval engine takes the same row lock. */
export async function lockAgent(db: Db, agentId: string): Promise<void> {
  await db.selectFrom('agents').select('id').where('id', '=', agentId).forNoKeyUpdate().executeTakeFirst();
}

/** Sums per type, year and kind of line: what each balance is made of. */
export function ledgerSums(db: Db, agentId: string) {
  return db
    .selectFrom('leave_ledger')
    .select(({ fn }) => ['leave_type', 'leave_year', 'entry', fn.sum<number>('half_days').as('half_days')])
    .where('agent_id', '=', agentId)
    .groupBy(['leave_type', 'leave_year', 'entry'])
    .execute();
}

/** The balance of one type: of one leave year, or of every year (the CET is not yearly). */
export async function balanceOf(db: Db, agentId: string, type: BalanceType, year: number | 'all years'): Promise<number> {
  let query = db
    .selectFrom('leave_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('half_days'), eb.lit(0)).as('total'))
    .where('agent_id', '=', agentId)
    .where('leave_type', '=', type);
  if (year !== 'all years') query = query.where('leave_year', '=', year);
  return Number((await query.executeTakeFirstOrThrow()).total);
}

export async function yearlyAllocationsOf(db: Db, agentId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('leave_ledger')
    .select(({ fn }) => fn.countAll<number>().as('count'))
    .where('agent_id', '=', agentId)
    .where('leave_year', '=', year)
    .where('source', '=', 'yearly')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Net half-days of one kind of line for a type and year (taken and cancelled together: `['taken', 'cancelled']`). */
export async function sumOf(db: Db, agentId: string, type: BalanceType, year: number, where: { entries?: LedgerEntry[]; source?: LedgerSource }): Promise<number> {
  let query = db
    .selectFrom('leave_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('half_days'), eb.lit(0)).as('total'))
    .where('agent_id', '=', agentId)
    .where('leave_type', '=', type)
    .where('leave_year', '=', year);
  if (where.entries) query = query.where('entry', 'in', where.entries);
  if (where.source) query = query.where('source', '=', where.source);
  return Number((await query.executeTakeFirstOrThrow()).total);
}

export async function hasEntry(db: Db, requestId: string, entry: LedgerEntry): Promise<boolean> {
  const row = await db.selectFrom('leave_ledger').select('id').where('request_id', '=', requestId).where('entry', '=', entry).executeTakeFirst();
  return row !== undefined;
}

/** The lines of a leave year, oldest first, as the agent and HR read them. */
export function linesOf(db: Db, agentId: string, year: number) {
  return db
    .selectFrom('leave_ledger')
    .select(['id', 'leave_type', 'leave_year', 'entry', 'source', 'half_days', 'reason', 'recorded_at', 'request_id'])
    .where('agent_id', '=', agentId)
    .where((eb) => eb.or([eb('leave_year', '=', year), eb('leave_type', '=', 'cet')]))
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}
