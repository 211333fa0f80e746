import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { readSupportingDocument } from '../personal-file/supporting-document.ts';
import { applicationViews } from './application-views.ts';
import * as repo from './applications.repo.ts';
import * as offers from './job-offers.repo.ts';
import { isOpen } from './job-offers.service.ts';
import { informManagerIfDue, type InformedAt } from './manager-notice.ts';
import { invalidField } from './mobility-perimeter.ts';
import { MANAGER_INFORMED_AT, type Stage, withdrawable } from './mobility-steps.ts';
import { applicationSubject, MY_MOBILITY_PAGE, tell, tellHr } from './mobility-notices.ts';
import type { ApplicationView, ApplyBody, MyApplicationList, SpontaneousBody } from './mobility.schema.ts';

export type Submitted = { application: ApplicationView; replayed: boolean };

const cvMessages: Record<string, string> = {
  empty: 'Le CV est vide.',
  size: 'Le CV dépasse 2 Mo : enregistrez-le en PDF plus léger.',
  type: 'Le CV doit être un fichier PDF.',
};

// The type is read from the file's first bytes (as for the personal file's supporting documents); a CV is a PDF.
function readCv(upload: NonNullable<ApplyBody['cv']>): { content: Buffer; name: string } {
  let document: ReturnType<typeof readSupportingDocument>;
  try {
    document = readSupportingDocument(upload);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const rule = error.errors?.[0]?.rule ?? 'type';
    throw invalidField('cv', rule, cvMessages[rule] ?? cvMessages.type!);
  }
  if (document.type !== 'application/pdf') throw invalidField('cv', 'type', cvMessages.type!);
  return { content: document.content, name: document.name };
}

async function viewOf(ctx: AppContext, id: string): Promise<ApplicationView> {
  const row = await repo.findApplication(ctx.db, id);
  if (!row) throw new AppError('not_found', 'Aucune candidature correspondante.');
  return (await applicationViews(ctx.db, [row]))[0]!;
}

function keyReused(): AppError {
  return new AppError('conflict', 'Cette clé d’idempotence a déjà servi pour une autre candidature.');
}

// One application per offer and agent; the same Idempotency-Key returns the first one, and nothing is sent twice.
export async function applyToOffer(ctx: AppContext, agentId: string, offerId: string, body: ApplyBody, idempotencyKey: string, informedAt: InformedAt = MANAGER_INFORMED_AT): Promise<Submitted> {
  const cv = body.cv ? readCv(body.cv) : null;
  const now = ctx.clock.now();
  const { id, replayed } = await ctx.db.transaction().execute(async (trx) => {
    const agent = await repo.lockApplicant(trx, agentId);
    const existing = await repo.findByIdempotencyKey(trx, agentId, idempotencyKey);
    if (existing) {
      if (existing.offer_id !== offerId) throw keyReused();
      return { id: existing.id, replayed: true };
    }
    const offer = await offers.findOffer(trx, offerId);
    if (!offer || offer.status === 'draft') throw new AppError('not_found', 'Aucune offre d’emploi correspondante.');
    if (!isOpen(offer, parisDate(now))) throw new AppError('conflict', `Cette offre n’accepte plus de candidatures (clôture le ${frenchDate(offer.closes_on)}).`);
    if (await repo.currentApplicationTo(trx, agentId, offerId)) throw new AppError('conflict', 'Vous avez déjà candidaté à cette offre : suivez votre candidature dans Mobilité.');
    const applicationId = await repo.insertApplication(
      trx,
      {
        agent_id: agentId,
        offer_id: offerId,
        department_id: offer.department_id,
        cover_letter: body.coverLetter,
        cv: cv?.content ?? null,
        cv_name: cv?.name ?? null,
        wished_job: null,
        reason: null,
        idempotency_key: idempotencyKey,
      },
      [],
      now,
    );
    await repo.addEvent(trx, { applicationId, at: now, actorId: agentId, step: 'submitted' });
    const subject = applicationSubject({ offer_title: offer.title }, offer.department_code);
    await tell(trx, ctx, agentId, 'submitted', 'Candidature envoyée', `Votre candidature ${subject} est transmise au service RH. Vous suivrez chaque étape dans Mobilité.`, MY_MOBILITY_PAGE, now);
    await tellHr(trx, ctx, offer.department_id, 'received', 'Nouvelle candidature', `${agent.first_name} ${agent.last_name} (${agent.badge_number}) candidate ${subject}.`, now);
    await informManagerIfDue(trx, ctx, { ...agent, id: applicationId, agent_id: agentId, offer_title: offer.title, manager_informed_at: null }, { step: 'submitted', outcome: null, departmentCode: offer.department_code }, now, informedAt);
    return { id: applicationId, replayed: false };
  });
  return { application: await viewOf(ctx, id), replayed };
}

// A wish to move without an offer: handled by the HR of the agent's own department.
export async function fileSpontaneousRequest(ctx: AppContext, agentId: string, body: SpontaneousBody, idempotencyKey: string, informedAt: InformedAt = MANAGER_INFORMED_AT): Promise<Submitted> {
  const codes = [...new Set(body.wishedDepartmentCodes)];
  const wished = await offers.departmentsByCodes(ctx.db, codes);
  const unknown = codes.filter((code) => !wished.some((d) => d.code === code));
  if (unknown.length) throw invalidField('wishedDepartmentCodes', 'unknown', `Direction inconnue : ${unknown.join(', ')}.`);
  const now = ctx.clock.now();
  const { id, replayed } = await ctx.db.transaction().execute(async (trx) => {
    const agent = await repo.lockApplicant(trx, agentId);
    const existing = await repo.findByIdempotencyKey(trx, agentId, idempotencyKey);
    if (existing) {
      if (existing.offer_id !== null) throw keyReused();
      return { id: existing.id, replayed: true };
    }
    const applicationId = await repo.insertApplication(
      trx,
      {
        agent_id: agentId,
        offer_id: null,
        department_id: agent.department_id,
        cover_letter: null,
        cv: null,
        cv_name: null,
        wished_job: body.wishedJob,
        reason: body.reason,
        idempotency_key: idempotencyKey,
      },
      wished.map((d) => d.id),
      now,
    );
    await repo.addEvent(trx, { applicationId, at: now, actorId: agentId, step: 'submitted' });
    const towards = wished.map((d) => d.code).sort().join(', ');
    await tell(trx, ctx, agentId, 'submitted', 'Demande de mobilité envoyée', `Votre demande de mobilité (${towards}) est transmise au service RH de votre direction.`, MY_MOBILITY_PAGE, now);
    await tellHr(trx, ctx, agent.department_id, 'received', 'Nouvelle demande de mobilité', `${agent.first_name} ${agent.last_name} (${agent.badge_number}) souhaite rejoindre : ${towards}.`, now);
    const department = wished[0]?.code ?? '';
    await informManagerIfDue(trx, ctx, { ...agent, id: applicationId, agent_id: agentId, offer_title: null, manager_informed_at: null }, { step: 'submitted', outcome: null, departmentCode: department }, now, informedAt);
    return { id: applicationId, replayed: false };
  });
  return { application: await viewOf(ctx, id), replayed };
}

export async function myApplications(ctx: AppContext, agentId: string): Promise<MyApplicationList> {
  return { items: await applicationViews(ctx.db, await repo.applicationsOfAgent(ctx.db, agentId)) };
}

// The agent takes their application back until HR has decided; HR (and the manager, if told) learn of it.
export async function withdrawApplication(ctx: AppContext, agentId: string, applicationId: string, comment: string | null): Promise<ApplicationView> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const application = await repo.lockApplication(trx, applicationId);
    if (!application || application.agent_id !== agentId) throw new AppError('not_found', 'Aucune candidature correspondante.');
    if (application.stage === 'withdrawn') throw new AppError('conflict', 'Vous avez déjà retiré cette candidature.');
    if (!withdrawable(application.stage as Stage)) throw new AppError('conflict', 'La décision est prise : la candidature ne peut plus être retirée.');
    await repo.updateApplication(trx, applicationId, { stage: 'withdrawn' }, now);
    await repo.addEvent(trx, { applicationId, at: now, actorId: agentId, step: 'withdrawn', comment });
    const name = `${application.first_name} ${application.last_name}`;
    const what = application.offer_title ? `sa candidature au poste « ${application.offer_title} »` : 'sa demande de mobilité spontanée';
    await tellHr(trx, ctx, application.department_id, 'withdrawn', 'Candidature retirée', `${name} a retiré ${what}.`, now);
    if (application.manager_informed_at && application.manager_id) {
      await tell(trx, ctx, application.manager_id, 'withdrawn', `Mobilité de ${name}`, `${name} a retiré ${what}.`, undefined, now);
    }
  });
  return viewOf(ctx, applicationId);
}

export async function myCv(ctx: AppContext, agentId: string, applicationId: string): Promise<{ content: Buffer; name: string }> {
  const found = await repo.cvOf(ctx.db, applicationId);
  if (!found || found.agent_id !== agentId || !found.cv || !found.cv_name) throw new AppError('not_found', 'Aucun CV joint à cette candidature.');
  return { content: found.cv, name: found.cv_name };
}
