// Leave requests (their status is the engine's `requests` row), CET deposits and the absences HR records.
import type { Db } from '../../db/connection.ts';
import type { SupportingDocument } from '../personal-file/supporting-document.ts';
import type { BalanceType, RequestableType } from './leave-config.ts';
import type { AbsenceKind } from './leave-words.ts';
import type { HalfDayEnd, HalfDayStart, IsoDate, LeavePeriod, SpecialAbsenceReason } from './rules/index.ts';

/** A period the agent is away, or asked to be: a pending or approved request, or an absence HR recorded. */
export type AgentPeriod = LeavePeriod & {
  requestId: string | null;
  type: RequestableType | AbsenceKind;
  status: 'pending' | 'approved' | 'recorded';
  halfDays: number;
};

const toPeriod = (r: { start_date: string; starts_in: string; end_date: string; ends_at: string }): LeavePeriod => ({
  startDate: r.start_date,
  startsIn: r.starts_in as HalfDayStart,
  endDate: r.end_date,
  endsAt: r.ends_at as HalfDayEnd,
});

/** The agents' periods touching [from, to]; pending requests only when asked. */
export async function periodsOf(db: Db, agentIds: readonly string[], from: IsoDate, to: IsoDate, withPending: boolean): Promise<Array<AgentPeriod & { agentId: string }>> {
  if (agentIds.length === 0) return [];
  const requests = await db
    .selectFrom('leave_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(['l.agent_id', 'l.request_id', 'l.leave_type', 'l.start_date', 'l.starts_in', 'l.end_date', 'l.ends_at', 'l.half_days', 'r.status'])
    .where('l.agent_id', 'in', agentIds)
    .where('r.status', 'in', withPending ? ['pending', 'approved'] : ['approved'])
    .where('l.end_date', '>=', from)
    .where('l.start_date', '<=', to)
    .execute();
  const absences = await db
    .selectFrom('recorded_absences')
    .select(['agent_id', 'kind', 'start_date', 'starts_in', 'end_date', 'ends_at', 'half_days'])
    .where('agent_id', 'in', agentIds)
    .where('end_date', '>=', from)
    .where('start_date', '<=', to)
    .execute();
  return [
    ...requests.map((r) => ({
      ...toPeriod(r),
      agentId: r.agent_id,
      requestId: r.request_id,
      type: r.leave_type as RequestableType,
      status: r.status as 'pending' | 'approved',
      halfDays: r.half_days,
    })),
    ...absences.map((a) => ({ ...toPeriod(a), agentId: a.agent_id, requestId: null, type: a.kind as AbsenceKind, status: 'recorded' as const, halfDays: a.half_days })),
  ].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/** Half-days asked and not yet answered, per type and leave year (leave requests and CET deposits alike). */
export async function pendingHalfDays(db: Db, agentId: string): Promise<Array<{ type: BalanceType; year: number; halfDays: number }>> {
  const leave = await db
    .selectFrom('leave_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(({ fn }) => ['l.leave_type', 'l.leave_year', fn.sum<number>('l.half_days').as('half_days')])
    .where('l.agent_id', '=', agentId)
    .where('r.status', '=', 'pending')
    .where('l.leave_type', '<>', 'special_absence')
    .groupBy(['l.leave_type', 'l.leave_year'])
    .execute();
  const deposits = await db
    .selectFrom('cet_deposits as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .select(({ fn }) => ['d.from_type', 'd.leave_year', fn.sum<number>('d.half_days').as('half_days')])
    .where('d.agent_id', '=', agentId)
    .where('r.status', '=', 'pending')
    .groupBy(['d.from_type', 'd.leave_year'])
    .execute();
  return [
    ...leave.map((r) => ({ type: r.leave_type as BalanceType, year: r.leave_year, halfDays: Number(r.half_days) })),
    ...deposits.map((r) => ({ type: r.from_type as BalanceType, year: r.leave_year, halfDays: Number(r.half_days) })),
  ];
}

/** Half-days on their way to the CET: they count toward its cap before they arrive. */
export async function pendingDepositHalfDays(db: Db, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('cet_deposits as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('d.half_days'), eb.lit(0)).as('total'))
    .where('d.agent_id', '=', agentId)
    .where('r.status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function insertLeaveRequest(
  db: Db,
  row: { requestId: string; agentId: string; type: RequestableType; specialReason: SpecialAbsenceReason | null; period: LeavePeriod; halfDays: number; leaveYear: number; comment: string | null; document: SupportingDocument | null },
): Promise<void> {
  await db
    .insertInto('leave_requests')
    .values({
      request_id: row.requestId,
      agent_id: row.agentId,
      leave_type: row.type,
      special_reason: row.specialReason,
      start_date: row.period.startDate,
      starts_in: row.period.startsIn,
      end_date: row.period.endDate,
      ends_at: row.period.endsAt,
      half_days: row.halfDays,
      leave_year: row.leaveYear,
      comment: row.comment,
      document: row.document?.content ?? null,
      document_type: row.document?.type ?? null,
      document_name: row.document?.name ?? null,
    })
    .execute();
}

export async function leaveRequestOf(db: Db, requestId: string) {
  const row = await db
    .selectFrom('leave_requests')
    .select(['request_id', 'agent_id', 'leave_type', 'special_reason', 'start_date', 'starts_in', 'end_date', 'ends_at', 'half_days', 'leave_year'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row && { ...row, type: row.leave_type as RequestableType, period: toPeriod(row) };
}

/** Approved annual leave of a leave year: what fractionnement days are counted on. */
export async function approvedAnnualLeave(db: Db, agentId: string, year: number): Promise<LeavePeriod[]> {
  const rows = await db
    .selectFrom('leave_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(['l.start_date', 'l.starts_in', 'l.end_date', 'l.ends_at'])
    .where('l.agent_id', '=', agentId)
    .where('l.leave_type', '=', 'annual_leave')
    .where('l.leave_year', '=', year)
    .where('r.status', '=', 'approved')
    .execute();
  return rows.map(toPeriod);
}

/** Half-days of special absence for this reason asked or granted in the year (for the yearly allowances). */
export async function specialAbsenceUsed(db: Db, agentId: string, reason: SpecialAbsenceReason, year: number): Promise<number> {
  const row = await db
    .selectFrom('leave_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('l.half_days'), eb.lit(0)).as('total'))
    .where('l.agent_id', '=', agentId)
    .where('l.special_reason', '=', reason)
    .where('l.leave_year', '=', year)
    .where('r.status', 'in', ['pending', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export function myLeaveRequests(db: Db, agentId: string, limit: number) {
  return db
    .selectFrom('leave_requests as l')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(['l.request_id', 'l.leave_type', 'l.special_reason', 'l.start_date', 'l.starts_in', 'l.end_date', 'l.ends_at', 'l.half_days', 'r.status', 'r.submitted_at'])
    .where('l.agent_id', '=', agentId)
    .orderBy('l.start_date', 'desc')
    .orderBy('r.submitted_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertCetDeposit(db: Db, row: { requestId: string; agentId: string; fromType: 'annual_leave' | 'rtt'; leaveYear: number; halfDays: number }): Promise<void> {
  await db
    .insertInto('cet_deposits')
    .values({ request_id: row.requestId, agent_id: row.agentId, from_type: row.fromType, leave_year: row.leaveYear, half_days: row.halfDays })
    .execute();
}

export async function cetDepositOf(db: Db, requestId: string) {
  return db.selectFrom('cet_deposits').select(['agent_id', 'from_type', 'leave_year', 'half_days']).where('request_id', '=', requestId).executeTakeFirst();
}

export async function insertAbsence(
  db: Db,
  row: { agentId: string; kind: AbsenceKind; period: LeavePeriod; halfDays: number; comment: string | null; recordedBy: string; at: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('recorded_absences')
    .values({
      agent_id: row.agentId,
      kind: row.kind,
      start_date: row.period.startDate,
      starts_in: row.period.startsIn,
      end_date: row.period.endDate,
      ends_at: row.period.endsAt,
      half_days: row.halfDays,
      comment: row.comment,
      recorded_by: row.recordedBy,
      recorded_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function absencesOf(db: Db, agentId: string, limit: number) {
  return db
    .selectFrom('recorded_absences')
    .select(['id', 'kind', 'start_date', 'starts_in', 'end_date', 'ends_at', 'half_days', 'comment', 'recorded_at'])
    .where('agent_id', '=', agentId)
    .orderBy('start_date', 'desc')
    .limit(limit)
    .execute();
}
