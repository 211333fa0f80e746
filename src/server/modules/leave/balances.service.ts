// Balances as the agent reads them, per type: what the ledger holds, what pending requests already ask,
// and what is left to ask. Annual leave and RTT are per leave year; the CET spans the years.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { ensureYearAllocation } from './allocation.service.ts';
import { BALANCE_TYPES, type BalanceType, type RulesSource } from './leave-config.ts';
import { ledgerSums } from './ledger.repo.ts';
import { pendingHalfDays } from './leave-requests.repo.ts';

export type Balance = {
  type: BalanceType;
  /** Null for the CET, which is not yearly. */
  year: number | null;
  allocatedHalfDays: number;
  takenHalfDays: number;
  carriedOverHalfDays: number;
  expiredHalfDays: number;
  balanceHalfDays: number;
  pendingHalfDays: number;
  availableHalfDays: number;
};

export async function balancesOf(db: Db, ctx: RulesSource, agentId: string, year: number, at: Date): Promise<Balance[]> {
  await ensureYearAllocation(db, ctx, agentId, year, at);
  const sums = await ledgerSums(db, agentId);
  const pending = await pendingHalfDays(db, agentId);
  return BALANCE_TYPES.map((type) => {
    const inScope = (row: { type: string; year: number }) => row.type === type && (type === 'cet' || row.year === year);
    const lines = sums.map((s) => ({ type: s.leave_type, year: s.leave_year, entry: s.entry, halfDays: Number(s.half_days) })).filter(inScope);
    const total = (...entries: string[]) => lines.filter((l) => entries.includes(l.entry)).reduce((sum, l) => sum + l.halfDays, 0);
    const balance = total('allocation', 'taken', 'cancelled', 'carried_over', 'expired');
    const asked = pending.filter(inScope).reduce((sum, p) => sum + p.halfDays, 0);
    return {
      type,
      year: type === 'cet' ? null : year,
      allocatedHalfDays: total('allocation'),
      takenHalfDays: -total('taken', 'cancelled'),
      carriedOverHalfDays: total('carried_over'),
      expiredHalfDays: -total('expired'),
      balanceHalfDays: balance,
      pendingHalfDays: asked,
      availableHalfDays: balance - asked,
    };
  });
}
