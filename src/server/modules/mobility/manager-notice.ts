import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import * as repo from './applications.repo.ts';
import { informsManager, MANAGER_INFORMED_AT, type Outcome, type Step } from './mobility-steps.ts';
import { applicationSubject, tell } from './mobility-notices.ts';

export type InformedAt = typeof MANAGER_INFORMED_AT;

type Applicant = { id: string; agent_id: string; first_name: string; last_name: string; manager_id: string | null; offer_title: string | null; manager_informed_at: Date | null };

// Tells the agent's manager (n+1) once the application reaches the step the city chose, and records it in
// the timeline so the agent knows when their manager learnt of it. Once only; never without a manager.
export async function informManagerIfDue(
  trx: Db,
  ctx: AppContext,
  application: Applicant,
  reached: { step: Step; outcome: Outcome | null; departmentCode: string },
  at: Date,
  informedAt: InformedAt = MANAGER_INFORMED_AT,
): Promise<void> {
  if (!application.manager_id || application.manager_informed_at || !informsManager(reached.step, reached.outcome, informedAt)) return;
  const name = `${application.first_name} ${application.last_name}`;
  const subject = applicationSubject(application, reached.departmentCode);
  const what: Record<Step, string> = {
    submitted: `${name} a déposé une candidature ${subject}.`,
    hr_review: `${name} a déposé une candidature ${subject}.`,
    interview: `${name} est convié·e à un entretien pour sa candidature ${subject}.`,
    decision: `La candidature de ${name} ${subject} est retenue : le service RH vous indiquera la date de départ.`,
    effective: `${name} rejoint son nouveau poste ${subject}.`,
  };
  await tell(trx, ctx, application.manager_id, 'manager_informed', `Mobilité de ${name}`, what[reached.step], undefined, at);
  await repo.markManagerInformed(trx, application.id, at);
  await repo.addEvent(trx, { applicationId: application.id, at, actorId: null, step: 'manager_informed' });
}
