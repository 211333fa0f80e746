// Who teleworks on which day, for the team calendar: the fixed days of approved telework arrangements and
// the floating days booked, read from the telework module's tables (telework_arrangements, telework_floating_days).
import type { Db } from '../../db/connection.ts';
import { addDays, type IsoDate, weekdayOf } from './rules/index.ts';

export async function teleworkDaysOf(db: Db, agentIds: readonly string[], from: IsoDate, to: IsoDate): Promise<Array<{ agentId: string; date: IsoDate }>> {
  if (agentIds.length === 0) return [];
  const arrangements = await db
    .selectFrom('telework_arrangements as t')
    .innerJoin('requests as r', 'r.id', 't.request_id')
    .select(['t.agent_id', 't.fixed_days', 't.starts_on', 't.ends_on'])
    .where('t.agent_id', 'in', agentIds)
    .where('r.status', '=', 'approved')
    .where('t.starts_on', '<=', to)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', from)]))
    .execute();
  const days: Array<{ agentId: string; date: IsoDate }> = [];
  for (const a of arrangements) {
    for (let date = from > a.starts_on ? from : a.starts_on; date <= to && (!a.ends_on || date <= a.ends_on); date = addDays(date, 1)) {
      if (a.fixed_days.includes(weekdayOf(date))) days.push({ agentId: a.agent_id, date });
    }
  }
  const floating = await db
    .selectFrom('telework_floating_days')
    .select(['agent_id', 'day'])
    .where('agent_id', 'in', agentIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return [...days, ...floating.map((f) => ({ agentId: f.agent_id, date: f.day }))];
}
