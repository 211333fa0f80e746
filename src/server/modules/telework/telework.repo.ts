import type { Db } from '../../db/connection.ts';
import type { IsoDate } from '../leave/rules/index.ts';

const arrangementColumns = [
  't.request_id',
  't.agent_id',
  't.fixed_days',
  't.floating_days',
  't.floating_per',
  't.starts_on',
  't.adaptation_months',
  't.comment',
  't.notice_given_on',
  't.notice_given_by',
  't.ends_on',
  't.ending_reason',
  't.last_review_on',
] as const;

export type ArrangementRow = NonNullable<Awaited<ReturnType<typeof findArrangement>>>;

export async function insertArrangement(
  db: Db,
  row: { requestId: string; agentId: string; fixedDays: string[]; floatingDays: number; floatingPer: string | null; startsOn: IsoDate; adaptationMonths: number; comment: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('telework_arrangements')
    .values({
      request_id: row.requestId,
      agent_id: row.agentId,
      fixed_days: row.fixedDays,
      floating_days: row.floatingDays,
      floating_per: row.floatingPer,
      starts_on: row.startsOn,
      adaptation_months: row.adaptationMonths,
      installation_declared_at: row.at,
      comment: row.comment,
    })
    .execute();
}

export function findArrangement(db: Db, requestId: string) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select([...arrangementColumns, 'r.status', 'r.agent_id as requester_id'])
    .where('t.request_id', '=', requestId)
    .executeTakeFirst();
}

/** Locks the arrangement so that floating days booked at once are counted one after the other. */
export async function lockArrangement(db: Db, requestId: string): Promise<void> {
  await db.selectFrom('telework_arrangements').select('request_id').where('request_id', '=', requestId).forUpdate().executeTakeFirst();
}

export async function hasOtherPendingRequest(db: Db, agentId: string, kind: string, requestId: string): Promise<boolean> {
  const row = await db
    .selectFrom('requests')
    .select('id')
    .where('agent_id', '=', agentId)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .where('id', '!=', requestId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Approved and not over by `today`, the one in force first (a replacement approved in advance comes after). */
export function currentArrangement(db: Db, agentId: string, today: IsoDate) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select([...arrangementColumns, 'r.status', 'r.agent_id as requester_id'])
    .where('t.agent_id', '=', agentId)
    .where('r.status', '=', 'approved')
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', today)]))
    .orderBy('t.starts_on')
    .executeTakeFirst();
}

/** The approved arrangement in force on `day`, if any. */
export function arrangementOn(db: Db, agentId: string, day: IsoDate) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select(arrangementColumns)
    .where('t.agent_id', '=', agentId)
    .where('r.status', '=', 'approved')
    .where('t.starts_on', '<=', day)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', day)]))
    .orderBy('t.starts_on', 'desc')
    .executeTakeFirst();
}

/** Approved arrangements still running on `from` other than `except`: a new one replaces them. */
export function otherArrangementsRunningOn(db: Db, agentId: string, from: IsoDate, except: string) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select(['t.request_id', 't.notice_given_on', 't.notice_given_by'])
    .where('t.agent_id', '=', agentId)
    .where('r.status', '=', 'approved')
    .where('t.request_id', '!=', except)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', from)]))
    .execute();
}

export function requestsOf(db: Db, agentIds: readonly string[], where: { status?: 'pending'; limit: number }) {
  let query = db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .innerJoin('agents as a', 'a.id', 't.agent_id')
    .leftJoin('telework_refusal_interviews as i', 'i.request_id', 't.request_id')
    .select([
      ...arrangementColumns,
      'r.status',
      'r.summary',
      'r.submitted_at',
      'r.answer_due_on',
      'r.decision_reason',
      'i.held_on',
      'i.attendees',
      'a.first_name',
      'a.last_name',
      'a.badge_number',
    ])
    .where('t.agent_id', 'in', agentIds)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('t.request_id')
    .limit(where.limit);
  if (where.status) query = query.where('r.status', '=', where.status);
  return query.execute();
}

/** The agents this person manages directly (n+1): the team whose telework they answer. */
export async function teamOf(db: Db, managerId: string): Promise<string[]> {
  const rows = await db.selectFrom('agents').select('id').where('manager_id', '=', managerId).where('status', '!=', 'departed').execute();
  return rows.map((row) => row.id);
}

export function activeArrangementsOf(db: Db, agentIds: readonly string[], today: IsoDate) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .innerJoin('agents as a', 'a.id', 't.agent_id')
    .select([...arrangementColumns, 'a.first_name', 'a.last_name', 'a.badge_number'])
    .where('t.agent_id', 'in', agentIds)
    .where('r.status', '=', 'approved')
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', today)]))
    .orderBy('a.last_name')
    .orderBy('a.first_name')
    .orderBy('t.starts_on')
    .execute();
}

/** The approved arrangements of these agents that apply at some day between `from` and `to`. */
export function arrangementsOverlapping(db: Db, agentIds: readonly string[], from: IsoDate, to: IsoDate) {
  return db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select(['t.agent_id', 't.fixed_days', 't.starts_on', 't.ends_on'])
    .where('t.agent_id', 'in', agentIds)
    .where('r.status', '=', 'approved')
    .where('t.starts_on', '<=', to)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', from)]))
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', eb.ref('t.starts_on'))]))
    .execute();
}

export function floatingDaysBetween(db: Db, agentIds: readonly string[], from: IsoDate, to: IsoDate) {
  return db
    .selectFrom('telework_floating_days')
    .select(['agent_id', 'day'])
    .where('agent_id', 'in', agentIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

export async function bookedDaysOf(db: Db, arrangementId: string, from: IsoDate, to: IsoDate): Promise<IsoDate[]> {
  const rows = await db
    .selectFrom('telework_floating_days')
    .select('day')
    .where('arrangement_id', '=', arrangementId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
  return rows.map((row) => row.day);
}

export async function isBooked(db: Db, agentId: string, day: IsoDate): Promise<boolean> {
  return (await db.selectFrom('telework_floating_days').select('day').where('agent_id', '=', agentId).where('day', '=', day).executeTakeFirst()) !== undefined;
}

export async function insertBooking(db: Db, row: { agentId: string; day: IsoDate; arrangementId: string; at: Date }): Promise<void> {
  await db
    .insertInto('telework_floating_days')
    .values({ agent_id: row.agentId, day: row.day, arrangement_id: row.arrangementId, booked_at: row.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteBooking(db: Db, agentId: string, day: IsoDate): Promise<number> {
  const result = await db.deleteFrom('telework_floating_days').where('agent_id', '=', agentId).where('day', '=', day).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Floating days booked after an arrangement ends no longer hold. */
export async function deleteBookingsAfter(db: Db, arrangementId: string, lastDay: IsoDate): Promise<void> {
  await db.deleteFrom('telework_floating_days').where('arrangement_id', '=', arrangementId).where('day', '>', lastDay).execute();
}

export async function setStart(db: Db, requestId: string, startsOn: IsoDate): Promise<void> {
  await db.updateTable('telework_arrangements').set({ starts_on: startsOn }).where('request_id', '=', requestId).execute();
}

export async function setEnding(
  db: Db,
  requestId: string,
  ending: { noticeGivenOn: IsoDate | null; noticeGivenBy: string | null; endsOn: IsoDate; reason: string | null },
): Promise<void> {
  await db
    .updateTable('telework_arrangements')
    .set({ notice_given_on: ending.noticeGivenOn, notice_given_by: ending.noticeGivenBy, ends_on: ending.endsOn, ending_reason: ending.reason })
    .where('request_id', '=', requestId)
    .execute();
}

/** Returns false when another refusal recorded its interview first. */
export async function insertInterview(db: Db, row: { requestId: string; heldOn: IsoDate; attendees: string; by: string; at: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('telework_refusal_interviews')
    .values({ request_id: row.requestId, held_on: row.heldOn, attendees: row.attendees, recorded_by: row.by, recorded_at: row.at })
    .onConflict((oc) => oc.doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function hasInterview(db: Db, requestId: string): Promise<boolean> {
  return (await db.selectFrom('telework_refusal_interviews').select('request_id').where('request_id', '=', requestId).executeTakeFirst()) !== undefined;
}

export function kindAndAgentOf(db: Db, requestId: string) {
  return db.selectFrom('requests').select(['kind', 'status', 'agent_id', 'submitted_at']).where('id', '=', requestId).executeTakeFirst();
}

export function managerOf(db: Db, agentId: string) {
  return db.selectFrom('agents').select(['id', 'first_name', 'last_name', 'manager_id']).where('id', '=', agentId).executeTakeFirstOrThrow();
}

/** Arrangements in force whose next quarterly review may be due (started at least three months ago). */
export function arrangementsForReview(db: Db, startedOnOrBefore: IsoDate, today: IsoDate, after: string | null, limit: number) {
  let query = db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select(['t.request_id', 't.agent_id', 't.starts_on', 't.last_review_on'])
    .where('r.status', '=', 'approved')
    .where('t.starts_on', '<=', startedOnOrBefore)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', today)]))
    .orderBy('t.request_id')
    .limit(limit);
  if (after) query = query.where('t.request_id', '>', after);
  return query.execute();
}

export async function markReviewed(db: Db, requestId: string, reviewOn: IsoDate): Promise<void> {
  await db.updateTable('telework_arrangements').set({ last_review_on: reviewOn }).where('request_id', '=', requestId).execute();
}
