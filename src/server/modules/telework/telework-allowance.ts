// The forfait télétravail (décret 2021-1123 of 26 August 2021): 2,88 € a day of telework, 253,44 € a year at
// most, paid each quarter on the days the agent claims (arrêté of 26 August 2021 as amended by the arrêté of
// 23 November 2022, from 1 January 2023). A city pays it after a deliberation of its council.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { addDays, addMonths, type IsoDate } from '../leave/rules/index.ts';
import { submitRequest } from '../requests/index.ts';
import { daysOnLeave } from './leave-days.ts';
import type { MyAllowance } from './telework.schema.ts';
import { teleworkDaysOf } from './telework-days.ts';

export const ALLOWANCE_KIND = 'telework_allowance';
export const ALLOWANCE_RATE_PER_DAY_CENTS = 288;
export const ALLOWANCE_YEARLY_CAP_CENTS = 25_344;
export const ALLOWANCE_LEGAL_REFERENCE =
  'Décret n° 2021-1123 du 26 août 2021 ; arrêté du 26 août 2021 modifié par l’arrêté du 23 novembre 2022 : 2,88 € par jour de télétravail, 253,44 € par an au plus.';
// The page offers the last four quarters: a claim comes after the quarter, rarely a year later.
const QUARTERS_SHOWN = 4;

export type Quarter = { year: number; quarter: number };

export function quarterDates({ year, quarter }: Quarter): { from: IsoDate; to: IsoDate } {
  const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

function endedQuarters(today: IsoDate, count: number): Quarter[] {
  const quarters: Quarter[] = [];
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  while (quarters.length < count) {
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
    quarters.push({ year, quarter });
  }
  return quarters;
}

async function teleworkedDays(db: Db, agentId: string, quarter: Quarter): Promise<number> {
  const { from, to } = quarterDates(quarter);
  const onLeave = await daysOnLeave(db, agentId, from, to);
  return new Set((await teleworkDaysOf(db, [agentId], from, to)).map((day) => day.date).filter((date) => !onLeave.has(date))).size;
}

function claimsOf(db: Db, agentId: string, years: readonly number[]) {
  return db
    .selectFrom('telework_allowance_claims as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .select(['c.request_id', 'c.year', 'c.quarter', 'c.days', 'c.amount_cents', 'r.status', 'r.submitted_at'])
    .where('c.agent_id', '=', agentId)
    .where('c.year', 'in', years)
    .orderBy('r.submitted_at', 'desc')
    .execute();
}

type Claim = Awaited<ReturnType<typeof claimsOf>>[number];
const live = (claim: Claim) => claim.status === 'pending' || claim.status === 'approved';

/** What is left of the year's cap once the claims pending or granted are counted. */
function amountFor(days: number, claims: readonly Claim[], year: number): number {
  const spent = claims.filter((claim) => claim.year === year && live(claim)).reduce((total, claim) => total + claim.amount_cents, 0);
  return Math.max(0, Math.min(days * ALLOWANCE_RATE_PER_DAY_CENTS, ALLOWANCE_YEARLY_CAP_CENTS - spent));
}

export async function myAllowance(ctx: AppContext, agentId: string): Promise<MyAllowance> {
  const quarters = endedQuarters(parisDate(ctx.clock.now()), QUARTERS_SHOWN);
  const claims = await claimsOf(ctx.db, agentId, [...new Set(quarters.map((q) => q.year))]);
  const rows = [];
  for (const quarter of quarters) {
    const teleworkDays = await teleworkedDays(ctx.db, agentId, quarter);
    const same = claims.filter((claim) => claim.year === quarter.year && claim.quarter === quarter.quarter);
    const claim = same.find(live) ?? same[0];
    rows.push({
      ...quarter,
      teleworkDays,
      amountCents: claim && live(claim) ? claim.amount_cents : amountFor(teleworkDays, claims, quarter.year),
      claim: claim ? { requestId: claim.request_id, status: claim.status as 'pending', days: claim.days, amountCents: claim.amount_cents } : null,
    });
  }
  return { ratePerDayCents: ALLOWANCE_RATE_PER_DAY_CENTS, yearlyCapCents: ALLOWANCE_YEARLY_CAP_CENTS, legalReference: ALLOWANCE_LEGAL_REFERENCE, quarters: rows };
}

const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

// The agent claims a quarter once it is over, for the days of telework it held; the manager sees it, then HR
// of the perimeter grants it for payroll. Checked again under the agent's lock: a quarter is claimed once.
export async function claimAllowance(ctx: AppContext, agentId: string, quarter: Quarter, idempotencyKey: string) {
  const today = parisDate(ctx.clock.now());
  const { to } = quarterDates(quarter);
  const refuse = (message: string) => new AppError('unprocessable', message, { errors: [{ field: 'quarter', message }] });
  if (to >= today) throw refuse('Le forfait se demande une fois le trimestre terminé.');
  const days = await teleworkedDays(ctx.db, agentId, quarter);
  if (days === 0) throw refuse('Aucun jour de télétravail sur ce trimestre.');
  const expected = amountFor(days, await claimsOf(ctx.db, agentId, [quarter.year]), quarter.year);
  const summary = `Forfait télétravail du ${quarter.quarter === 1 ? '1er' : `${quarter.quarter}e`} trimestre ${quarter.year} : ${days} jour${days > 1 ? 's' : ''}, ${euros(expected)}`;
  const { request, replayed } = await submitRequest(ctx, { agentId, kind: ALLOWANCE_KIND, summary, idempotencyKey }, async (trx, created) => {
    const claims = await claimsOf(trx, agentId, [quarter.year]);
    if (claims.some((claim) => claim.quarter === quarter.quarter && live(claim))) throw new AppError('conflict', 'Ce trimestre est déjà demandé.');
    const amount = amountFor(days, claims, quarter.year);
    if (amount === 0) throw refuse('Le plafond annuel du forfait est atteint pour cette année.');
    if (amount !== expected) throw new AppError('conflict', 'Une autre demande de forfait vient d’être déposée : rechargez la page.');
    await trx.insertInto('telework_allowance_claims').values({ request_id: created.id, agent_id: agentId, year: quarter.year, quarter: quarter.quarter, days, amount_cents: amount }).execute();
  });
  const stored = await ctx.db.selectFrom('telework_allowance_claims').select(['days', 'amount_cents']).where('request_id', '=', request.id).executeTakeFirstOrThrow();
  return { requestId: request.id, days: stored.days, amountCents: stored.amount_cents, replayed };
}
