// What the agent is owed: the yearly entitlement, written once per agent, type and leave year the first time
// anything needs it (a balance shown, a request checked), and the fractionnement days, settled each time an
// annual leave is approved or cancelled. Both go in the ledger as allocations with their reason in words.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { frenchDate } from '../accounts/paris-calendar.ts';
import { leaveRulesOf, type RulesSource } from './leave-config.ts';
import { daysText } from './leave-words.ts';
import { availableHalfDays } from './available.ts';
import { addEntry, sumOf, yearlyAllocationsOf } from './ledger.repo.ts';
import { approvedAnnualLeave } from './leave-requests.repo.ts';
import { annualLeaveEntitlement, annualLeaveOutsideMainPeriod, fractionnementBonus, halfDaysPerWeek, rttEntitlement } from './rules/index.ts';
import { type WorkingTime, workingTimeOf } from './working-time.ts';

function presenceText(time: WorkingTime, year: number): string {
  const arrived = time.startDate > `${year}-01-01` && time.startDate <= `${year}-12-31`;
  const leaves = time.departureDate !== null && time.departureDate >= `${year}-01-01` && time.departureDate < `${year}-12-31`;
  if (arrived && leaves) return `, présence du ${frenchDate(time.startDate)} au ${frenchDate(time.departureDate!)}`;
  if (arrived) return `, présence à partir du ${frenchDate(time.startDate)}`;
  if (leaves) return `, présence jusqu’au ${frenchDate(time.departureDate!)}`;
  return ', année entière';
}

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? String(minutes % 60).padStart(2, '0') : ''}`;

/** Idempotent: a unique index keeps one yearly line per agent, type and year, whoever writes it first. */
export async function ensureYearAllocation(db: Db, ctx: RulesSource, agentId: string, year: number, at: Date): Promise<void> {
  if ((await yearlyAllocationsOf(db, agentId, year)) >= 2) return;
  const time = await workingTimeOf(db, agentId);
  const rules = leaveRulesOf(ctx);
  const serves = time.startDate <= `${year}-12-31` && (time.departureDate === null || time.departureDate >= `${year}-01-01`);
  const service = { year, servedFrom: time.startDate, ...(time.departureDate ? { servedUntil: time.departureDate } : {}) };
  const annual = serves ? annualLeaveEntitlement(time.cycle, service, rules) : 0;
  const rtt = serves ? rttEntitlement(time.fullTimeWeeklyMinutes, time.percent, service, rules) : 0;
  const presence = serves ? presenceText(time, year) : ', hors période de service';
  const base = { agentId, leaveYear: year, entry: 'allocation' as const, source: 'yearly' as const, at };
  await addEntry(db, {
    ...base,
    leaveType: 'annual_leave',
    halfDays: annual,
    reason: `Droits ${year} : ${daysText(annual)} (${daysText(halfDaysPerWeek(time.cycle))} travaillés par semaine${presence})`,
  });
  await addEntry(db, {
    ...base,
    leaveType: 'rtt',
    halfDays: rtt,
    reason: `RTT ${year} : ${daysText(rtt)} (${hoursText(time.fullTimeWeeklyMinutes)} par semaine à temps complet, quotité ${time.percent} %${presence})`,
  });
}

/** Brings the fractionnement days of a leave year in line with its approved annual leave. Call under the agent lock. */
export async function settleFractionnement(db: Db, ctx: RulesSource, agentId: string, year: number, at: Date): Promise<void> {
  const rules = leaveRulesOf(ctx);
  const time = await workingTimeOf(db, agentId);
  const outside = annualLeaveOutsideMainPeriod(await approvedAnnualLeave(db, agentId, year), time.cycle, rules);
  const due = fractionnementBonus(outside, rules);
  const granted = await sumOf(db, agentId, 'annual_leave', year, { source: 'fractionnement' });
  let change = due - granted;
  if (change < 0) {
    // Withdrawn days never take the balance below what is already promised to pending requests.
    change = -Math.min(-change, Math.max(0, await availableHalfDays(db, agentId, 'annual_leave', year)));
  }
  if (change === 0) return;
  const mainPeriod = `du ${frenchDate(`${year}-${rules.mainLeavePeriodStart}`).replace(/ \d{4}$/, '')} au ${frenchDate(`${year}-${rules.mainLeavePeriodEnd}`).replace(/ \d{4}$/, '')}`;
  await addEntry(db, {
    agentId,
    leaveType: 'annual_leave',
    leaveYear: year,
    entry: 'allocation',
    source: 'fractionnement',
    halfDays: change,
    reason:
      change > 0
        ? `Jours de fractionnement ${year} : ${daysText(outside)} de congés annuels posés hors de la période ${mainPeriod}`
        : `Jours de fractionnement ${year} repris : plus que ${daysText(outside)} de congés annuels hors de la période ${mainPeriod}`,
    at,
  });
}
