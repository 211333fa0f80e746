import type { Db } from '../../db/connection.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { addDays, addMonths, type IsoDate, isPublicHoliday, type Weekday, weekdayOf } from '../leave/rules/index.ts';
import type { FloatingQuota } from './telework-rules.ts';
import { TELEWORK_KIND, teleworkSummary } from './telework-request.service.ts';
import * as repo from './telework.repo.ts';

// Office work telework well; school and street work do not: the demo's arrangements go to these profiles.
const OFFICE_PROFILES = ['agent-administratif', 'gestionnaire-rh', 'charge-logement', 'chef-projet-si', 'technicien-informatique', 'charge-support'];
const MANAGER_BADGE = '1000002';
const LEA_BADGE = '1000001';

type DemoArrangement = { fixedDays: Weekday[]; floating: FloatingQuota | null; monthsAgo: number; adaptationMonths: number; comment: string | null };

const ACTIVE: readonly DemoArrangement[] = [
  { fixedDays: ['monday', 'thursday'], floating: null, monthsAgo: 14, adaptationMonths: 3, comment: null },
  { fixedDays: ['wednesday'], floating: { days: 4, per: 'month' }, monthsAgo: 7, adaptationMonths: 2, comment: 'Trajet de 1 h 30 : deux jours souples par mois suffiraient.' },
  { fixedDays: ['tuesday', 'friday'], floating: null, monthsAgo: 2, adaptationMonths: 3, comment: null },
  { fixedDays: [], floating: { days: 8, per: 'month' }, monthsAgo: 5, adaptationMonths: 0, comment: 'Jours choisis selon le planning des permanences.' },
];

async function fileRequest(
  db: Db,
  agent: { id: string; badge_number: string; manager_id: string | null },
  arrangement: DemoArrangement & { startsOn: IsoDate; submittedAt: Date },
  decision: { at: Date } | null,
): Promise<string> {
  const request = await db
    .insertInto('requests')
    .values({
      agent_id: agent.id,
      kind: TELEWORK_KIND,
      summary: teleworkSummary(arrangement.fixedDays, arrangement.floating, arrangement.startsOn, arrangement.adaptationMonths),
      status: decision ? 'approved' : 'pending',
      step: decision ? null : 'manager',
      submitted_at: arrangement.submittedAt,
      decided_at: decision?.at ?? null,
      decided_by: decision ? agent.manager_id : null,
      answer_due_on: addMonths(parisDate(arrangement.submittedAt), 1),
      idempotency_key: `demo-telework-${agent.badge_number}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.insertArrangement(db, {
    requestId: request.id,
    agentId: agent.id,
    fixedDays: arrangement.fixedDays,
    floatingDays: arrangement.floating?.days ?? 0,
    floatingPer: arrangement.floating?.per ?? null,
    startsOn: arrangement.startsOn,
    adaptationMonths: arrangement.adaptationMonths,
    comment: arrangement.comment,
    at: arrangement.submittedAt,
  });
  const events = [{ request_id: request.id, at: arrangement.submittedAt, actor_id: agent.id, action: 'submitted', comment: null }];
  if (decision) events.push({ request_id: request.id, at: decision.at, actor_id: agent.manager_id ?? agent.id, action: 'approved', comment: null });
  await db.insertInto('request_events').values(events).execute();
  return request.id;
}

/** The next working days after `from` that are not fixed telework days: where floating days go. */
function floatingDates(from: IsoDate, fixedDays: readonly Weekday[], count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = addDays(from, 1); dates.length < count; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    if (weekday !== 'saturday' && weekday !== 'sunday' && !fixedDays.includes(weekday) && !isPublicHoliday(date)) dates.push(date);
  }
  return dates;
}

/**
 * Demo telework: arrangements in force for office agents who have a manager (one with floating days booked
 * in the coming weeks), and one request awaiting Karim Benali (1000002) from his team. Runs once.
 */
export async function seedDemoTelework(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('telework_arrangements').select('request_id').limit(1).executeTakeFirst()) return;
  const today = parisDate(now);
  const monday = addDays(today, -['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(weekdayOf(today)));
  const officeAgents = await db
    .selectFrom('agents as a')
    .innerJoin('job_profiles as p', 'p.id', 'a.job_profile_id')
    .select(['a.id', 'a.badge_number', 'a.manager_id'])
    .where('p.code', 'in', OFFICE_PROFILES)
    .where('a.manager_id', 'is not', null)
    .where('a.status', '=', 'active')
    .orderBy('a.badge_number')
    .limit(ACTIVE.length)
    .execute();
  for (const [index, agent] of officeAgents.entries()) {
    const plan = ACTIVE[index]!;
    const startsOn = addMonths(monday, -plan.monthsAgo);
    const submittedAt = new Date(`${addDays(startsOn, -24)}T08:30:00Z`);
    const requestId = await fileRequest(db, agent, { ...plan, startsOn, submittedAt }, { at: new Date(`${addDays(startsOn, -10)}T14:00:00Z`) });
    if (plan.floating) {
      for (const day of floatingDates(today, plan.fixedDays, 3)) await repo.insertBooking(db, { agentId: agent.id, day, arrangementId: requestId, at: now });
    }
  }

  const karim = await db.selectFrom('agents').select('id').where('badge_number', '=', MANAGER_BADGE).executeTakeFirst();
  if (!karim) return;
  // Someone of his team whose work allows it: the reception or technical agent rather than an ASEM, Léa last
  // (she is the demo's agent login, free to file her own request; a small demo team may have only her).
  const asker = await db
    .selectFrom('agents as a')
    .innerJoin('job_profiles as p', 'p.id', 'a.job_profile_id')
    .select(['a.id', 'a.badge_number', 'a.manager_id'])
    .where('a.manager_id', '=', karim.id)
    .where('a.status', '=', 'active')
    .orderBy((eb) => eb.case().when('a.badge_number', '=', LEA_BADGE).then(2).when('p.code', '=', 'asem').then(1).else(0).end())
    .orderBy('a.badge_number')
    .executeTakeFirst();
  if (!asker) return;
  const submittedAt = new Date(now.getTime() - 9 * 86_400_000);
  await fileRequest(
    db,
    asker,
    {
      fixedDays: ['tuesday'],
      floating: { days: 2, per: 'month' },
      monthsAgo: 0,
      adaptationMonths: 3,
      comment: 'Le mardi, les dossiers d’inscription se traitent aussi bien à distance.',
      startsOn: addDays(monday, 21),
      submittedAt,
    },
    null,
  );
}
