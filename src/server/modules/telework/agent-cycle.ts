// The personal file keeps the working time as a percentage and the cycle as a label ("hebdomadaire"), not
// as the days worked; until it does, the days are derived here, in one place: the usual Paris patterns, a
// free Wednesday (afternoon first) as part-time grows, then a free Friday afternoon and Thursday afternoon.
import type { Db } from '../../db/connection.ts';
import { FIVE_DAY_WEEK, type WorkingCycle, workingCycle } from '../leave/rules/index.ts';

export function cycleForWorkingTime(percent: number): WorkingCycle {
  if (percent >= 100) return FIVE_DAY_WEEK;
  if (percent >= 90) return workingCycle({ monday: 'full', tuesday: 'full', wednesday: 'morning', thursday: 'full', friday: 'full' });
  if (percent >= 80) return workingCycle({ monday: 'full', tuesday: 'full', thursday: 'full', friday: 'full' });
  if (percent >= 70) return workingCycle({ monday: 'full', tuesday: 'full', thursday: 'full', friday: 'morning' });
  if (percent >= 60) return workingCycle({ monday: 'full', tuesday: 'full', thursday: 'full' });
  return workingCycle({ monday: 'full', tuesday: 'full', thursday: 'morning' });
}

/** An agent without a personal file works full time. */
export async function workingCycleOf(db: Db, agentId: string): Promise<WorkingCycle> {
  const file = await db.selectFrom('personal_files').select('working_time_percent').where('agent_id', '=', agentId).executeTakeFirst();
  return cycleForWorkingTime(file?.working_time_percent ?? 100);
}
