// What the rules need to know of an agent: the days they work (derived from the personal file's percentage,
// by the one helper the telework module already has), their weekly hours for RTT, and the part of the year
// they serve (arrival and departure) for prorated entitlements.
import type { Db } from '../../db/connection.ts';
import { cycleForWorkingTime } from '../telework/agent-cycle.ts';
import type { WorkingCycle } from './rules/index.ts';

export type WorkingTime = {
  cycle: WorkingCycle;
  percent: number;
  /** The hours a full-time agent of the same post works, in minutes (the RTT table is written for them). */
  fullTimeWeeklyMinutes: number;
  startDate: string;
  departureDate: string | null;
};

// Without a personal file an agent works 35 hours over five days.
const FULL_TIME_MINUTES = 35 * 60;

export async function workingTimeOf(db: Db, agentId: string): Promise<WorkingTime> {
  const row = await db
    .selectFrom('agents as a')
    .leftJoin('personal_files as f', 'f.agent_id', 'a.id')
    .select(['a.start_date', 'a.departure_date', 'f.working_time_percent', 'f.weekly_minutes'])
    .where('a.id', '=', agentId)
    .executeTakeFirstOrThrow();
  const percent = row.working_time_percent ?? 100;
  // The file keeps the hours actually worked (28 h at 80 % of 35 h): the RTT table wants the full-time post's.
  const fullTimeWeeklyMinutes = row.weekly_minutes && percent > 0 ? Math.round((row.weekly_minutes * 100) / percent) : FULL_TIME_MINUTES;
  return { cycle: cycleForWorkingTime(percent), percent, fullTimeWeeklyMinutes, startDate: row.start_date, departureDate: row.departure_date };
}

export async function workingCyclesOf(db: Db, agentIds: readonly string[]): Promise<Map<string, WorkingCycle>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db.selectFrom('personal_files').select(['agent_id', 'working_time_percent']).where('agent_id', 'in', agentIds).execute();
  const percents = new Map(rows.map((r) => [r.agent_id, r.working_time_percent]));
  return new Map(agentIds.map((id) => [id, cycleForWorkingTime(percents.get(id) ?? 100)]));
}
