// Annual leave and RTT are owed for their leave year: what is left on 1 January lapses (an "expired" line),
// once the year's pending requests have been answered. A carry-over the manager allows, or days kept on the
// CET, are written before (an HR adjustment, a CET deposit): the job only sweeps what nobody claimed.
import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { pendingOn } from './available.ts';
import { daysText, LEAVE_TYPE_NAMES } from './leave-words.ts';
import { addEntry, balanceOf, lockAgent } from './ledger.repo.ts';

const BATCH = 500;

export async function expireLapsedLeave(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const year = Number(parisDate(now).slice(0, 4));
  const lapsed = await ctx.db
    .selectFrom('leave_ledger')
    .select(['agent_id', 'leave_type', 'leave_year'])
    .where('leave_type', 'in', ['annual_leave', 'rtt'])
    .where('leave_year', '<', year)
    .groupBy(['agent_id', 'leave_type', 'leave_year'])
    .having((eb) => eb.fn.sum('half_days'), '>', 0)
    .limit(BATCH)
    .execute();
  let expired = 0;
  for (const row of lapsed) {
    const type = row.leave_type as 'annual_leave' | 'rtt';
    await ctx.db.transaction().execute(async (trx) => {
      await lockAgent(trx, row.agent_id);
      if ((await pendingOn(trx, row.agent_id, type, row.leave_year)) > 0) return;
      const left = await balanceOf(trx, row.agent_id, type, row.leave_year);
      if (left <= 0) return;
      await addEntry(trx, {
        agentId: row.agent_id,
        leaveType: type,
        leaveYear: row.leave_year,
        entry: 'expired',
        source: 'expiry',
        halfDays: -left,
        reason: `${LEAVE_TYPE_NAMES[type]} ${row.leave_year} non pris au 31 décembre : ${daysText(left)} perdus`,
        at: now,
      });
      expired += 1;
    });
  }
  if (expired > 0) log.info({ balances: expired }, 'soldes de congés des années passées clos');
}
