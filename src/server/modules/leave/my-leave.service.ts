// The agent's leave page in one read: balances of the year with what is pending, the ledger lines they come
// from, the CET, the agent's leave requests, and the allowances the request form explains.
import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { balancesOf } from './balances.service.ts';
import { cetViewOf } from './cet.service.ts';
import { leaveRulesOf, MAX_DAYS_IN_PAST, type BalanceType, type RequestableType } from './leave-config.ts';
import { myLeaveRequests } from './leave-requests.repo.ts';
import type { MyLeave } from './leave.schema.ts';
import { linesOf, type LedgerEntry } from './ledger.repo.ts';
import { SPECIAL_ABSENCE_REASONS, type SpecialAbsenceReason, specialAbsenceAllowance } from './rules/index.ts';
import { workingTimeOf } from './working-time.ts';

const REQUEST_LIMIT = 100;

export async function ledgerLinesOf(db: AppContext['db'], agentId: string, year: number) {
  return (await linesOf(db, agentId, year)).map((l) => ({
    type: l.leave_type as BalanceType,
    year: l.leave_year,
    entry: l.entry as LedgerEntry,
    halfDays: l.half_days,
    reason: l.reason,
    recordedAt: l.recorded_at.toISOString(),
    requestId: l.request_id,
  }));
}

export async function myLeave(ctx: AppContext, agentId: string, askedYear: number | undefined): Promise<MyLeave> {
  const now = ctx.clock.now();
  const today = parisDate(now);
  const year = askedYear ?? Number(today.slice(0, 4));
  const rules = leaveRulesOf(ctx);
  const { cycle } = await workingTimeOf(ctx.db, agentId);
  return inTransaction(ctx.db, async (trx) => ({
    year,
    today,
    balances: await balancesOf(trx, ctx, agentId, year, now),
    lines: await ledgerLinesOf(trx, agentId, year),
    cet: await cetViewOf(trx, ctx, agentId, year, today),
    requests: (await myLeaveRequests(trx, agentId, REQUEST_LIMIT)).map((r) => ({
      requestId: r.request_id,
      type: r.leave_type as RequestableType,
      specialReason: r.special_reason as SpecialAbsenceReason | null,
      startDate: r.start_date,
      startsIn: r.starts_in as 'morning' | 'afternoon',
      endDate: r.end_date,
      endsAt: r.ends_at as 'noon' | 'evening',
      halfDays: r.half_days,
      status: r.status as MyLeave['requests'][number]['status'],
      submittedAt: r.submitted_at.toISOString(),
    })),
    specialAllowances: SPECIAL_ABSENCE_REASONS.map((reason) => ({ reason, ...specialAbsenceAllowance(reason, cycle, rules) })),
    maxDaysInPast: { ...MAX_DAYS_IN_PAST },
  }));
}
