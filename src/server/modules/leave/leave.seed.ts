// Demo leave: this year's balances for the demo logins, and for Léa Moreau (1000001, managed by Karim
// Benali, 1000002) a week of leave taken, a day taken, a request awaiting Karim and a few days on her CET;
// one of Karim's other agents is on leave this week, so his team calendar has something to show. Dates are
// relative to `now` so the demo always looks current. Runs again without adding anything.
import type { Db } from '../../db/connection.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { ensureYearAllocation } from './allocation.service.ts';
import { addDays, countLeaveHalfDays, type IsoDate, type LeavePeriod, weekdayOf, WEEKDAYS } from './rules/index.ts';
import { leaveRulesOf, type RequestableType } from './leave-config.ts';
import { leaveSummary } from './leave-words.ts';
import { addEntry } from './ledger.repo.ts';
import { insertLeaveRequest } from './leave-requests.repo.ts';
import { workingTimeOf } from './working-time.ts';

const DEMO_BADGES = ['1000001', '1000002', '1000003', '1000004'];

const mondayOf = (date: IsoDate) => addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
const week = (monday: IsoDate, days: number): LeavePeriod => ({ startDate: monday, startsIn: 'morning', endDate: addDays(monday, days - 1), endsAt: 'evening' });

async function seedRequest(db: Db, agentId: string, managerId: string | null, type: RequestableType, period: LeavePeriod, status: 'approved' | 'pending', now: Date): Promise<void> {
  const { cycle } = await workingTimeOf(db, agentId);
  const count = countLeaveHalfDays(period, cycle, leaveRulesOf({}));
  if (!count.ok) return;
  const year = Number(period.startDate.slice(0, 4));
  await ensureYearAllocation(db, {}, agentId, year, now);
  const summary = leaveSummary(type, period, count.halfDays);
  const submittedAt = new Date(Date.parse(`${addDays(period.startDate, -21)}T08:30:00Z`));
  const submitted = submittedAt < now ? submittedAt : new Date(now.getTime() - 86_400_000);
  const decidedAt = new Date(submitted.getTime() + 2 * 86_400_000);
  const request = await db
    .insertInto('requests')
    .values({
      agent_id: agentId,
      kind: type === 'annual_leave' || type === 'rtt' ? 'leave' : 'leave_special',
      summary,
      status,
      step: status === 'pending' ? (managerId ? 'manager' : 'hr') : null,
      submitted_at: submitted,
      decided_at: status === 'approved' ? decidedAt : null,
      decided_by: status === 'approved' ? managerId : null,
      idempotency_key: `demo-leave-${period.startDate}-${type}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('request_events').values({ request_id: request.id, at: submitted, actor_id: agentId, action: 'submitted', comment: null }).execute();
  await insertLeaveRequest(db, { requestId: request.id, agentId, type, specialReason: null, period, halfDays: count.halfDays, leaveYear: year, comment: null, document: null });
  if (status !== 'approved') return;
  await db.insertInto('request_events').values({ request_id: request.id, at: decidedAt, actor_id: managerId, action: 'approved', comment: null }).execute();
  await addEntry(db, { agentId, leaveType: type === 'rtt' ? 'rtt' : 'annual_leave', leaveYear: year, entry: 'taken', source: 'request', halfDays: -count.halfDays, requestId: request.id, reason: `Accepté : ${summary}`, at: decidedAt });
}

export async function seedDemoLeave(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const year = Number(parisDate(now).slice(0, 4));
    const demo = await trx.selectFrom('agents').select(['id', 'badge_number', 'manager_id']).where('badge_number', 'in', DEMO_BADGES).execute();
    for (const agent of demo) await ensureYearAllocation(trx, {}, agent.id, year, now);
    const lea = demo.find((a) => a.badge_number === '1000001');
    if (!lea || (await trx.selectFrom('leave_requests').select('request_id').where('agent_id', '=', lea.id).executeTakeFirst())) return;

    const thisMonday = mondayOf(parisDate(now));
    await seedRequest(trx, lea.id, lea.manager_id, 'annual_leave', week(addDays(thisMonday, -70), 5), 'approved', now);
    await seedRequest(trx, lea.id, lea.manager_id, 'annual_leave', week(addDays(thisMonday, -17), 1), 'approved', now);
    await seedRequest(trx, lea.id, lea.manager_id, 'annual_leave', week(addDays(thisMonday, 28), 2), 'pending', now);
    await ensureYearAllocation(trx, {}, lea.id, year - 1, now);
    const deposit = { agentId: lea.id, leaveYear: year - 1, entry: 'carried_over' as const, source: 'cet_deposit' as const, at: now };
    await addEntry(trx, { ...deposit, leaveType: 'annual_leave', halfDays: -10, reason: `Versé au CET : 5 jours de congés annuels ${year - 1}` });
    await addEntry(trx, { ...deposit, leaveType: 'cet', halfDays: 10, reason: `Versement accepté : 5 jours de congés annuels ${year - 1}` });

    if (!lea.manager_id) return;
    const colleague = await trx
      .selectFrom('agents')
      .select(['id', 'manager_id'])
      .where('manager_id', '=', lea.manager_id)
      .where('id', '<>', lea.id)
      .where('status', '=', 'active')
      .orderBy('badge_number')
      .executeTakeFirst();
    if (colleague) await seedRequest(trx, colleague.id, colleague.manager_id, 'annual_leave', week(thisMonday, 5), 'approved', now);
  });
}
