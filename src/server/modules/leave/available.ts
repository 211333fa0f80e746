// What is left to ask on one balance: the ledger minus the pending requests (and CET deposits) drawing on it.
// Checked under the agent's lock, it is what keeps a balance from going below zero.
import type { Db } from '../../db/connection.ts';
import type { BalanceType } from './leave-config.ts';
import { balanceOf } from './ledger.repo.ts';
import { pendingHalfDays } from './leave-requests.repo.ts';

export async function pendingOn(db: Db, agentId: string, type: BalanceType, year: number): Promise<number> {
  return (await pendingHalfDays(db, agentId)).filter((p) => p.type === type && (type === 'cet' || p.year === year)).reduce((sum, p) => sum + p.halfDays, 0);
}

export async function availableHalfDays(db: Db, agentId: string, type: BalanceType, year: number): Promise<number> {
  return (await balanceOf(db, agentId, type, type === 'cet' ? 'all years' : year)) - (await pendingOn(db, agentId, type, year));
}
