import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import type { Actor } from '../access/index.ts';
import { addMonths, type IsoDate, type Weekday, WEEKDAYS } from '../leave/rules/index.ts';
import { decideRequest, submitRequest } from '../requests/index.ts';
import { workingCycleOf } from './agent-cycle.ts';
import type { NewTeleworkRequestBody, RefusalBody } from './telework.schema.ts';
import * as repo from './telework.repo.ts';
import { answerDeadline, checkTeleworkArrangement, type FloatingQuota } from './telework-rules.ts';
import { FRENCH_WEEKDAYS, violationField } from './telework-violations.ts';

export const TELEWORK_KIND = 'telework';
// A start further ahead would be decided on a situation nobody can foresee.
const MAX_MONTHS_AHEAD = 12;

const PER_WORDS = { week: 'par semaine', month: 'par mois', year: 'par an' } as const;

/** « lundi et jeudi + 2 jours flottants par mois, à partir du 4 janvier 2027 (adaptation 3 mois) ». */
export function teleworkSummary(fixedDays: readonly Weekday[], floating: FloatingQuota | null, startsOn: IsoDate, adaptationMonths: number): string {
  const ordered = WEEKDAYS.filter((day) => fixedDays.includes(day)).map((day) => FRENCH_WEEKDAYS[day]);
  const fixed = ordered.length > 1 ? `${ordered.slice(0, -1).join(', ')} et ${ordered.at(-1)}` : (ordered[0] ?? '');
  const quota = floating ? `${floating.days} jour${floating.days > 1 ? 's' : ''} flottant${floating.days > 1 ? 's' : ''} ${PER_WORDS[floating.per]}` : '';
  const what = [fixed, quota].filter(Boolean).join(' + ');
  const adaptation = adaptationMonths > 0 ? ` (adaptation ${adaptationMonths} mois)` : '';
  return `Télétravail : ${what}, à partir du ${frenchDate(startsOn)}${adaptation}`;
}

async function checkRequest(ctx: AppContext, agentId: string, body: NewTeleworkRequestBody, today: IsoDate): Promise<FloatingQuota | null> {
  const floating = body.floatingDays > 0 && body.floatingPer ? { days: body.floatingDays, per: body.floatingPer } : null;
  const errors: FieldError[] = [];
  if (body.floatingDays > 0 && !body.floatingPer) errors.push({ field: 'floatingPer', rule: 'required', message: 'Précisez si ce quota vaut par semaine, par mois ou par an.' });
  const cycle = await workingCycleOf(ctx.db, agentId);
  const violations = checkTeleworkArrangement({ cycle, fixedDays: body.fixedDays, ...(floating ? { floating } : {}), adaptationMonths: body.adaptationMonths });
  // Without a quota period the rules see no floating day at all: do not also say that nothing is asked.
  errors.push(...violations.filter((v) => !(v.code === 'no_telework_requested' && body.floatingDays > 0)).map(violationField));
  if (body.startsOn < today) errors.push({ field: 'startsOn', rule: 'past_date', message: 'La date de début ne peut pas être passée.' });
  if (body.startsOn > addMonths(today, MAX_MONTHS_AHEAD)) errors.push({ field: 'startsOn', rule: 'too_far', message: 'La date de début est à un an au plus.' });
  if (!body.installationSuitable) {
    errors.push({ field: 'installationSuitable', rule: 'statement_required', message: 'Attestez que votre lieu de télétravail est adapté (espace, connexion, sécurité électrique).' });
  }
  if (errors.length > 0) throw new AppError('unprocessable', 'La demande ne respecte pas les règles du télétravail : voir chaque champ.', { errors });
  return floating;
}

// The agent asks; their manager must answer within one month (décret 2016-151, art. 5): the deadline goes
// with the request, shown as a countdown and escalated by the engine's reminders.
export async function submitTeleworkRequest(ctx: AppContext, agentId: string, body: NewTeleworkRequestBody, idempotencyKey: string) {
  const today = parisDate(ctx.clock.now());
  const floating = await checkRequest(ctx, agentId, body, today);
  const answerDueOn = answerDeadline(today);
  const { request, replayed } = await submitRequest(
    ctx,
    { agentId, kind: TELEWORK_KIND, summary: teleworkSummary(body.fixedDays, floating, body.startsOn, body.adaptationMonths), idempotencyKey, answerDueOn },
    async (trx, created) => {
      if (await repo.hasOtherPendingRequest(trx, agentId, TELEWORK_KIND, created.id)) {
        throw new AppError('conflict', 'Vous avez déjà une demande de télétravail en attente : retirez-la ou attendez la réponse.');
      }
      await repo.insertArrangement(trx, {
        requestId: created.id,
        agentId,
        fixedDays: [...new Set(body.fixedDays)],
        floatingDays: floating?.days ?? 0,
        floatingPer: floating?.per ?? null,
        startsOn: body.startsOn,
        adaptationMonths: body.adaptationMonths,
        comment: body.comment || null,
        at: ctx.clock.now(),
      });
    },
  );
  return { requestId: request.id, answerDueOn: request.answerDueOn ?? answerDueOn, replayed };
}

// A refusal follows an interview with the agent and gives its reasons (décret 2016-151, art. 5; CAP/CCP may
// then be seized): the interview is recorded and the request refused in one transaction, or neither.
export async function refuseAfterInterview(ctx: AppContext, actor: Actor, requestId: string, body: RefusalBody): Promise<'refused'> {
  const found = await repo.kindAndAgentOf(ctx.db, requestId);
  if (!found || found.kind !== TELEWORK_KIND) throw new AppError('not_found', 'Aucune demande de télétravail correspondante.');
  const today = parisDate(ctx.clock.now());
  const submittedOn = parisDate(found.submitted_at);
  const wrongDate =
    body.interviewHeldOn > today
      ? 'L’entretien ne peut pas être daté d’un jour à venir : refusez une fois qu’il a eu lieu.'
      : body.interviewHeldOn < submittedOn
        ? `L’entretien suit la demande, déposée le ${frenchDate(submittedOn)}.`
        : null;
  if (wrongDate) throw new AppError('unprocessable', wrongDate, { errors: [{ field: 'interviewHeldOn', rule: 'interview_date', message: wrongDate }] });
  return inTransaction(ctx.db, async (trx) => {
    await repo.insertInterview(trx, { requestId, heldOn: body.interviewHeldOn, attendees: body.attendees, by: actor.agentId, at: ctx.clock.now() });
    const outcome = await decideRequest(ctx, actor, requestId, { decision: 'refuse', reason: body.reason }, trx);
    if (outcome !== 'refused') throw new Error(`a refusal came out as ${outcome}`);
    return outcome;
  });
}
