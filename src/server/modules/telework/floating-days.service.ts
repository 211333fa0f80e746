import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { addDays, type IsoDate } from '../leave/rules/index.ts';
import { quotaOf, unbookableReason } from './arrangement-view.ts';
import { workingCycleOf } from './agent-cycle.ts';
import { daysOnLeave } from './leave-days.ts';
import * as repo from './telework.repo.ts';
import { floatingDaysLeft } from './telework-rules.ts';

const PERIOD_WORDS = { week: 'par semaine', month: 'par mois', year: 'par an' } as const;

const refuse = (message: string) => new AppError('unprocessable', message, { errors: [{ field: 'date', message }] });

/** The bookings that may share a week, month or year with `date`. */
export function bookingWindow(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = date.slice(0, 4);
  return { from: addDays(`${year}-01-01`, -7), to: addDays(`${year}-12-31`, 7) };
}

// Books a floating day of telework. The arrangement is locked first: ten bookings at once are counted one
// after the other and never exceed the quota. Booking a day already booked changes nothing.
export async function bookFloatingDay(ctx: AppContext, agentId: string, date: IsoDate): Promise<{ date: IsoDate; floatingLeft: number }> {
  const today = parisDate(ctx.clock.now());
  return inTransaction(ctx.db, async (trx) => {
    const found = await repo.arrangementOn(trx, agentId, date);
    if (!found) throw refuse(date <= today ? 'Choisissez un jour à venir.' : 'Aucun télétravail accordé ne couvre ce jour.');
    const quota = quotaOf(found);
    if (!quota) throw refuse('Votre télétravail ne prévoit pas de jours flottants.');
    await repo.lockArrangement(trx, found.request_id);
    const reason = unbookableReason(found, date, today, { cycle: await workingCycleOf(trx, agentId), onLeave: await daysOnLeave(trx, agentId, date, date) });
    if (reason) throw refuse(reason);
    const window = bookingWindow(date);
    const booked = await repo.bookedDaysOf(trx, found.request_id, window.from, window.to);
    if (booked.includes(date)) return { date, floatingLeft: floatingDaysLeft(quota, booked, date) };
    const left = floatingDaysLeft(quota, booked, date);
    if (left === 0) {
      throw refuse(`Quota atteint : ${quota.days} jour${quota.days > 1 ? 's' : ''} flottant${quota.days > 1 ? 's' : ''} ${PERIOD_WORDS[quota.per]}, tous réservés sur cette période.`);
    }
    if (await repo.isBooked(trx, agentId, date)) throw refuse('Ce jour est déjà réservé au titre d’un autre télétravail.');
    await repo.insertBooking(trx, { agentId, day: date, arrangementId: found.request_id, at: ctx.clock.now() });
    return { date, floatingLeft: left - 1 };
  });
}

/** Frees a floating day not yet reached. */
export async function unbookFloatingDay(ctx: AppContext, agentId: string, date: IsoDate): Promise<void> {
  if (date <= parisDate(ctx.clock.now())) throw refuse('Un jour passé ou en cours ne peut plus être libéré.');
  if ((await repo.deleteBooking(ctx.db, agentId, date)) === 0) throw new AppError('not_found', 'Aucun jour flottant réservé à cette date.');
}
