import type { Db } from '../../db/connection.ts';
import * as repo from './applications.repo.ts';
import { type Move, nextMoves, type Outcome, type Stage, withdrawable } from './mobility-steps.ts';
import type { ApplicationView, HrApplicationView } from './mobility.schema.ts';

type Event = ApplicationView['events'][number];

// Rows as the agent reads them: the application, what it is for, and each dated step.
export async function applicationViews(db: Db, rows: repo.ApplicationRow[]): Promise<ApplicationView[]> {
  const ids = rows.map((r) => r.id);
  const [events, wished] = await Promise.all([repo.eventsOf(db, ids), repo.wishedDepartmentsOf(db, ids)]);
  return rows.map((row) => ({
    id: row.id,
    offer:
      row.offer_id && row.offer_title
        ? { id: row.offer_id, title: row.offer_title, department: { code: row.offer_department_code ?? '', name: row.offer_department_name ?? '' } }
        : null,
    department: { code: row.department_code, name: row.department_name },
    coverLetter: row.cover_letter,
    cv: row.cv_name ? { name: row.cv_name, size: Number(row.cv_size ?? 0) } : null,
    wishedDepartments: wished.filter((w) => w.application_id === row.id).map((w) => ({ code: w.code, name: w.name })),
    wishedJob: row.wished_job,
    reason: row.reason,
    stage: row.stage as Stage,
    outcome: row.outcome as Outcome | null,
    decisionReason: row.decision_reason,
    effectiveOn: row.effective_on,
    submittedAt: row.submitted_at.toISOString(),
    events: events
      .filter((e) => e.application_id === row.id)
      .map(
        (e): Event => ({
          step: e.step as Event['step'],
          at: e.at.toISOString(),
          on: e.on_date,
          outcome: e.outcome as Outcome | null,
          comment: e.comment,
          by: e.first_name ? `${e.first_name} ${e.last_name}` : null,
        }),
      ),
    mayWithdraw: withdrawable(row.stage as Stage),
  }));
}

// HR reads the same, with the applicant and the moves open to them.
export async function hrApplicationViews(db: Db, rows: repo.ApplicationRow[]): Promise<HrApplicationView[]> {
  const views = await applicationViews(db, rows);
  return views.map((view, index) => {
    const row = rows[index]!;
    return {
      ...view,
      mayWithdraw: false,
      agent: {
        id: row.agent_id,
        firstName: row.first_name,
        lastName: row.last_name,
        badgeNumber: row.badge_number,
        jobTitle: row.job_title,
        department: { code: row.agent_department_code, name: row.agent_department_name },
      },
      nextMoves: nextMoves(view.stage, view.outcome).map((m: Move) => (m.step === 'decision' ? { step: m.step, outcome: m.outcome } : { step: m.step })),
    };
  });
}
