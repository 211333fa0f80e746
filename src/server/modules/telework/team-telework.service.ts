import type { AppContext } from '../../app-context.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import type { Actor } from '../access/index.ts';
import { calendarDaysFromTo } from '../leave/rules/index.ts';
import { describeArrangement } from './arrangement-view.ts';
import { requestView } from './my-telework.service.ts';
import type { TeamTelework } from './telework.schema.ts';
import * as repo from './telework.repo.ts';

// A team is small (a dozen, a few dozen agents); its pending requests are few, the page lists them all.
const PENDING_SHOWN = 100;

/** The telework of the agents I manage directly: what awaits my answer, and what is in force. */
export async function teamTelework(ctx: AppContext, actor: Actor): Promise<TeamTelework> {
  const today = parisDate(ctx.clock.now());
  const team = await repo.teamOf(ctx.db, actor.agentId);
  if (team.length === 0) return { today, managesATeam: false, pending: [], active: [] };
  const agentOf = (row: { agent_id: string; first_name: string; last_name: string; badge_number: string }) => ({
    id: row.agent_id,
    firstName: row.first_name,
    lastName: row.last_name,
    badgeNumber: row.badge_number,
  });
  const pending = (await repo.requestsOf(ctx.db, team, { status: 'pending', limit: PENDING_SHOWN })).map((row) => ({
    ...requestView(row),
    agent: agentOf(row),
    daysLeft: row.answer_due_on ? calendarDaysFromTo(today, row.answer_due_on) - 1 : null,
  }));
  const active = (await repo.activeArrangementsOf(ctx.db, team, today)).map((row) => ({ ...describeArrangement(row, today), agent: agentOf(row) }));
  return { today, managesATeam: true, pending: pending.reverse(), active };
}
