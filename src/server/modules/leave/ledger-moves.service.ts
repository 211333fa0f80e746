// What a decision does to the balances, inside the decision's own transaction: an approved leave is taken,
// a cancelled one given back (a refusal or a withdrawal takes nothing: pending requests only reserve), and an
// approved CET deposit moves the days from their balance to the account.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import type { RequestRecord } from '../requests/index.ts';
import { settleFractionnement } from './allocation.service.ts';
import { hasBalance, leaveRulesOf } from './leave-config.ts';
import { cetDepositOf, leaveRequestOf } from './leave-requests.repo.ts';
import { daysText } from './leave-words.ts';
import { addEntry, balanceOf, hasEntry, lockAgent } from './ledger.repo.ts';

export async function takeLeave(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void> {
  const leave = await leaveRequestOf(trx, request.id);
  if (!leave || !hasBalance(leave.type)) return;
  await lockAgent(trx, leave.agent_id);
  const balance = await balanceOf(trx, leave.agent_id, leave.type, leave.type === 'cet' ? 'all years' : leave.leave_year);
  // Pending requests reserve their days, so only an HR correction made since could leave too little.
  if (balance < leave.half_days) {
    throw new AppError('conflict', `Le solde ne couvre plus cette demande (${daysText(balance)} restants) : refusez-la, ou faites corriger le solde par le service RH.`);
  }
  const at = ctx.clock.now();
  await addEntry(trx, { agentId: leave.agent_id, leaveType: leave.type, leaveYear: leave.leave_year, entry: 'taken', source: 'request', halfDays: -leave.half_days, requestId: request.id, reason: `Accepté : ${request.summary}`, at });
  if (leave.type === 'annual_leave') await settleFractionnement(trx, ctx, leave.agent_id, leave.leave_year, at);
}

export async function giveBackLeave(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void> {
  const leave = await leaveRequestOf(trx, request.id);
  if (!leave || !hasBalance(leave.type) || !(await hasEntry(trx, request.id, 'taken'))) return;
  await lockAgent(trx, leave.agent_id);
  const at = ctx.clock.now();
  await addEntry(trx, { agentId: leave.agent_id, leaveType: leave.type, leaveYear: leave.leave_year, entry: 'cancelled', source: 'request', halfDays: leave.half_days, requestId: request.id, reason: `Annulé : ${request.summary}`, at });
  if (leave.type === 'annual_leave') await settleFractionnement(trx, ctx, leave.agent_id, leave.leave_year, at);
}

/** Once the leave has begun the agent no longer cancels it alone: the days are being taken. */
export async function leaveBegun(trx: Db, ctx: AppContext, request: RequestRecord): Promise<string | null> {
  const leave = await leaveRequestOf(trx, request.id);
  if (!leave || leave.start_date > parisDate(ctx.clock.now())) return null;
  return `Ce congé a commencé le ${frenchDate(leave.start_date)} : il ne peut plus être annulé en ligne, voyez-le avec votre encadrant.`;
}

export async function depositOnCet(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void> {
  const deposit = await cetDepositOf(trx, request.id);
  if (!deposit) return;
  const fromType = deposit.from_type as 'annual_leave' | 'rtt';
  await lockAgent(trx, deposit.agent_id);
  if ((await balanceOf(trx, deposit.agent_id, fromType, deposit.leave_year)) < deposit.half_days) {
    throw new AppError('conflict', 'Le solde d’origine ne couvre plus ce versement : refusez-le.');
  }
  const capHalfDays = leaveRulesOf(ctx).cetCapDays * 2;
  if ((await balanceOf(trx, deposit.agent_id, 'cet', 'all years')) + deposit.half_days > capHalfDays) {
    throw new AppError('conflict', `Le compte épargne-temps dépasserait son plafond de ${daysText(capHalfDays)} : refusez ce versement.`);
  }
  const at = ctx.clock.now();
  const common = { agentId: deposit.agent_id, leaveYear: deposit.leave_year, entry: 'carried_over' as const, source: 'cet_deposit' as const, requestId: request.id, at };
  await addEntry(trx, { ...common, leaveType: fromType, halfDays: -deposit.half_days, reason: `Versé au CET : ${request.summary}` });
  await addEntry(trx, { ...common, leaveType: 'cet', halfDays: deposit.half_days, reason: `Versement accepté : ${request.summary}` });
}
