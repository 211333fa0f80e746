import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../access/index.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { hrApplicationViews } from './application-views.ts';
import * as repo from './applications.repo.ts';
import { informManagerIfDue, type InformedAt } from './manager-notice.ts';
import { invalidField, mobilityPerimeter, within } from './mobility-perimeter.ts';
import { MANAGER_INFORMED_AT, moveRefusal, type Outcome, type Stage } from './mobility-steps.ts';
import { applicationSubject, MY_MOBILITY_PAGE, tell } from './mobility-notices.ts';
import type { HrApplicationList, HrApplicationQuery, HrApplicationView, MoveBody } from './mobility.schema.ts';

export async function hrApplications(ctx: AppContext, actor: Actor, query: HrApplicationQuery): Promise<HrApplicationList> {
  const { rows, total } = await repo.applicationsOfDepartments(ctx.db, { departmentIds: mobilityPerimeter(actor), state: query.state, page: query.page });
  return { items: await hrApplicationViews(ctx.db, rows), total, page: query.page, pageCount: Math.max(1, Math.ceil(total / repo.APPLICATION_PAGE_SIZE)) };
}

const notFound = () => new AppError('not_found', 'Aucune candidature correspondante dans votre périmètre.');

/** What the agent is told at each step: a title and a sentence ending their notification. */
function noticeOf(body: MoveBody, subject: string): { title: string; text: string } {
  switch (body.step) {
    case 'hr_review':
      return { title: 'Candidature en cours d’examen', text: `Le service RH examine votre candidature ${subject}.` };
    case 'interview':
      return {
        title: 'Entretien de mobilité',
        text: `Le service RH vous propose un entretien pour votre candidature ${subject}${body.interviewOn ? `, le ${frenchDate(body.interviewOn)}` : ''}.`,
      };
    case 'decision':
      return body.outcome === 'accepted'
        ? { title: 'Candidature retenue', text: `Votre candidature ${subject} est retenue. Le service RH vous indiquera la date de prise de poste.` }
        : { title: 'Candidature non retenue', text: `Votre candidature ${subject} n’est pas retenue. Motif : ${body.reason}` };
    case 'effective':
      return { title: 'Date de prise de poste', text: `Votre mobilité ${subject} prend effet le ${frenchDate(body.effectiveOn)}.` };
  }
}

// HR of the department moves an application one step on; each step is dated in the timeline, the agent is
// told, and the manager too when the city's chosen step is reached. The application row is locked first:
// a move racing a withdrawal sees the withdrawal.
export async function moveApplication(ctx: AppContext, actor: Actor, applicationId: string, body: MoveBody, informedAt: InformedAt = MANAGER_INFORMED_AT): Promise<HrApplicationView> {
  const perimeter = mobilityPerimeter(actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const application = await repo.lockApplication(trx, applicationId);
    if (!application || !within(perimeter, application.department_id)) throw notFound();
    if (application.agent_id === actor.agentId) throw new AppError('forbidden', 'Vous ne pouvez pas traiter votre propre candidature.');
    const refusal = moveRefusal(application.stage as Stage, application.outcome as Outcome | null, body.step === 'decision' ? { step: 'decision', outcome: body.outcome } : { step: body.step });
    if (refusal) throw new AppError('conflict', refusal);
    const submittedOn = parisDate(application.submitted_at);
    let onDate: string | null = null;
    if (body.step === 'interview' && body.interviewOn) {
      if (body.interviewOn < submittedOn) throw invalidField('interviewOn', 'before_submission', 'L’entretien ne peut pas précéder la candidature.');
      onDate = body.interviewOn;
    }
    if (body.step === 'effective') {
      if (body.effectiveOn < parisDate(now)) throw invalidField('effectiveOn', 'past', 'La prise de poste se date aujourd’hui ou plus tard.');
      onDate = body.effectiveOn;
    }
    const outcome = body.step === 'decision' ? body.outcome : null;
    const comment = (body.step === 'decision' ? body.reason : body.comment) || null;
    await repo.updateApplication(
      trx,
      applicationId,
      body.step === 'decision'
        ? { stage: 'decision', outcome: body.outcome, decision_reason: comment }
        : body.step === 'effective'
          ? { stage: 'effective', effective_on: body.effectiveOn }
          : { stage: body.step },
      now,
    );
    await repo.addEvent(trx, { applicationId, at: now, actorId: actor.agentId, step: body.step, outcome, onDate, comment });
    const notice = noticeOf(body, applicationSubject(application, application.department_code));
    await tell(trx, ctx, application.agent_id, body.step, notice.title, notice.text, MY_MOBILITY_PAGE, now);
    await informManagerIfDue(trx, ctx, application, { step: body.step, outcome, departmentCode: application.department_code }, now, informedAt);
  });
  const row = await repo.findApplication(ctx.db, applicationId);
  if (!row) throw notFound();
  return (await hrApplicationViews(ctx.db, [row]))[0]!;
}

export async function hrCv(ctx: AppContext, actor: Actor, applicationId: string): Promise<{ content: Buffer; name: string }> {
  const perimeter = mobilityPerimeter(actor);
  const found = await repo.cvOf(ctx.db, applicationId);
  if (!found || !within(perimeter, found.department_id) || !found.cv || !found.cv_name) throw new AppError('not_found', 'Aucun CV joint à cette candidature.');
  return { content: found.cv, name: found.cv_name };
}
