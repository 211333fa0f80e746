// The compte épargne-temps: opened after a year of service, fed with annual leave or RTT on a request HR
// approves (after the manager), provided 20 days of annual leave were taken in the year, up to 60 days; the
// days beyond the option threshold (20 days here, see leave-config.ts) await the agent's choice by 31 January.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { submitRequest } from '../requests/index.ts';
import { ensureYearAllocation } from './allocation.service.ts';
import { availableHalfDays } from './available.ts';
import { leaveRulesOf, type RulesSource } from './leave-config.ts';
import { insertCetDeposit, pendingDepositHalfDays } from './leave-requests.repo.ts';
import type { CetDepositBody, CetView, SubmittedRequest } from './leave.schema.ts';
import { daysText } from './leave-words.ts';
import { balanceOf, sumOf } from './ledger.repo.ts';
import { type CetDepositCheck, cetDepositAllowed, cetHalfDaysNeedingAChoice, cetMinimumAnnualLeaveTaken, cetOpeningDate, cetOptionDeadline } from './rules/index.ts';
import { workingTimeOf } from './working-time.ts';

export const CET_DEPOSIT_KIND = 'cet_deposit';

function refusalText(check: Exclude<CetDepositCheck, { allowed: true }>, opensOn: string, takenHalfDays: number): string {
  switch (check.reason) {
    case 'under_one_year_of_service':
      return `Le compte épargne-temps s’ouvre après un an de service, le ${frenchDate(opensOn)}.`;
    case 'too_little_annual_leave_taken':
      return `Un versement suppose d’avoir pris au moins ${daysText(check.limitHalfDays ?? 0)} de congés annuels dans l’année (${daysText(takenHalfDays)} à ce jour).`;
    case 'account_full':
      return 'Le compte épargne-temps a atteint son plafond.';
    case 'over_account_cap':
      return `Le compte épargne-temps ne peut plus recevoir que ${daysText(check.limitHalfDays ?? 0)} avant son plafond.`;
    case 'nothing_to_deposit':
      return 'Indiquez combien de demi-journées verser.';
    default:
      return 'Date invalide.';
  }
}

async function depositState(db: Db, ctx: RulesSource, agentId: string, year: number, today: string, depositHalfDays: number) {
  const rules = leaveRulesOf(ctx);
  const time = await workingTimeOf(db, agentId);
  const balance = await balanceOf(db, agentId, 'cet', 'all years');
  const pendingDeposits = await pendingDepositHalfDays(db, agentId);
  // Approved annual leave of the year counts as taken: the ledger takes it on approval.
  const taken = 0 - (await sumOf(db, agentId, 'annual_leave', year, { entries: ['taken', 'cancelled'] }));
  const opensOn = cetOpeningDate(time.startDate, rules);
  const check = cetDepositAllowed(
    { serviceStartedOn: time.startDate, depositOn: today, cycle: time.cycle, annualLeaveTakenHalfDays: taken, balanceHalfDays: balance + pendingDeposits, depositHalfDays },
    rules,
  );
  return { rules, time, balance, pendingDeposits, taken, opensOn, refusal: check.allowed ? null : refusalText(check, opensOn, taken), check };
}

export async function cetViewOf(db: Db, ctx: RulesSource, agentId: string, year: number, today: string): Promise<CetView> {
  const state = await depositState(db, ctx, agentId, year, today, 1);
  return {
    opensOn: state.opensOn,
    open: today >= state.opensOn,
    balanceHalfDays: state.balance,
    pendingDepositsHalfDays: state.pendingDeposits,
    capHalfDays: state.rules.cetCapDays * 2,
    annualLeaveTakenHalfDays: state.taken,
    minimumTakenHalfDays: cetMinimumAnnualLeaveTaken(state.time.cycle, state.rules),
    depositRefusal: state.refusal,
    optionThresholdHalfDays: state.rules.cetOptionThresholdDays * 2,
    halfDaysNeedingChoice: cetHalfDaysNeedingAChoice(state.balance, state.rules),
    optionDeadline: cetOptionDeadline(year),
  };
}

export async function submitCetDeposit(ctx: AppContext, agentId: string, body: CetDepositBody, idempotencyKey: string): Promise<SubmittedRequest> {
  const year = Number(parisDate(ctx.clock.now()).slice(0, 4));
  const source = body.fromType === 'rtt' ? 'de RTT' : 'de congés annuels';
  const summary = `Versement au compte épargne-temps : ${daysText(body.halfDays)} ${source} ${year}`;
  const { request, replayed } = await submitRequest(ctx, { agentId, kind: CET_DEPOSIT_KIND, summary, idempotencyKey }, async (trx, created) => {
    const now = ctx.clock.now();
    await ensureYearAllocation(trx, ctx, agentId, year, now);
    const state = await depositState(trx, ctx, agentId, year, parisDate(now), body.halfDays);
    if (state.refusal) throw new AppError('unprocessable', state.refusal, { errors: [{ field: 'halfDays', rule: state.check.allowed ? 'cet' : state.check.reason, message: state.refusal }] });
    const available = await availableHalfDays(trx, agentId, body.fromType, year);
    if (body.halfDays > available) {
      const message = `Solde insuffisant : il vous reste ${daysText(Math.max(0, available))} ${source} ${year} à verser.`;
      throw new AppError('unprocessable', message, { errors: [{ field: 'halfDays', rule: 'insufficient_balance', message }] });
    }
    await insertCetDeposit(trx, { requestId: created.id, agentId, fromType: body.fromType, leaveYear: year, halfDays: body.halfDays });
  });
  return { requestId: request.id, replayed, summary: request.summary, halfDays: body.halfDays };
}
