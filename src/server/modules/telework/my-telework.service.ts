import type { AppContext } from '../../app-context.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { addDays, type IsoDate } from '../leave/rules/index.ts';
import { BOOKING_HORIZON_DAYS, describeArrangement, fixedDaysOf, floatingLeftOn, quotaOf, upcomingDays } from './arrangement-view.ts';
import { workingCycleOf } from './agent-cycle.ts';
import { bookingWindow } from './floating-days.service.ts';
import { daysOnLeave } from './leave-days.ts';
import type { MyTelework, TeleworkRequestView } from './telework.schema.ts';
import * as repo from './telework.repo.ts';

// The agent's telework requests with their answers: the latest first, a page is plenty.
const REQUESTS_SHOWN = 20;

type RequestRow = Awaited<ReturnType<typeof repo.requestsOf>>[number];

export function requestView(row: RequestRow): TeleworkRequestView {
  return {
    id: row.request_id,
    status: row.status as TeleworkRequestView['status'],
    summary: row.summary,
    fixedDays: fixedDaysOf(row),
    floating: quotaOf(row),
    startsOn: row.starts_on,
    adaptationMonths: row.adaptation_months,
    comment: row.comment,
    submittedAt: row.submitted_at.toISOString(),
    answerDueOn: row.answer_due_on,
    decisionReason: row.decision_reason,
    interview: row.held_on && row.attendees ? { heldOn: row.held_on, attendees: row.attendees } : null,
  };
}

export async function myTelework(ctx: AppContext, agentId: string): Promise<MyTelework> {
  const today: IsoDate = parisDate(ctx.clock.now());
  const cycle = await workingCycleOf(ctx.db, agentId);
  const current = await repo.currentArrangement(ctx.db, agentId, today);
  const requests = (await repo.requestsOf(ctx.db, [agentId], { limit: REQUESTS_SHOWN })).map(requestView);
  if (!current) return { today, cycle, arrangement: null, requests };
  const window = bookingWindow(today);
  const booked = await repo.bookedDaysOf(ctx.db, current.request_id, window.from, addDays(window.to, BOOKING_HORIZON_DAYS));
  const onLeave = await daysOnLeave(ctx.db, agentId, today, addDays(today, BOOKING_HORIZON_DAYS));
  return {
    today,
    cycle,
    arrangement: {
      ...describeArrangement(current, today),
      floatingLeft: floatingLeftOn(current, booked, today),
      upcomingDays: upcomingDays(current, today, { cycle, booked, onLeave }),
    },
    requests,
  };
}
