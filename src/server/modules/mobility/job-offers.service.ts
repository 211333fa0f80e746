import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../access/index.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import * as applications from './applications.repo.ts';
import * as repo from './job-offers.repo.ts';
import type { Stage } from './mobility-steps.ts';
import { invalidField, mobilityPerimeter, type Perimeter, within } from './mobility-perimeter.ts';
import type { HrOffer, HrOfferList, OfferBody, OfferDetail, OfferList, OfferQuery } from './mobility.schema.ts';

type Category = 'A' | 'B' | 'C';
type Grade = { code: string; name: string };

function summaryOf(row: repo.OfferRow) {
  return {
    id: row.id,
    title: row.title,
    department: { code: row.department_code, name: row.department_name },
    service: row.service_name,
    site: row.site_name,
    category: row.category as Category,
    publishedOn: row.published_on,
    closesOn: row.closes_on,
  };
}

function contentOf(row: repo.OfferRow, grades: Grade[]) {
  return {
    ...summaryOf(row),
    description: row.description,
    contact: row.contact,
    grades,
    siteAddress: row.site_address ? `${row.site_address}, ${row.site_postal_code} ${row.site_city}` : null,
  };
}

async function gradesByOffer(db: Db, offerIds: string[]): Promise<Map<string, Grade[]>> {
  const byOffer = new Map<string, Grade[]>();
  for (const g of await repo.gradesOf(db, offerIds)) byOffer.set(g.offer_id, [...(byOffer.get(g.offer_id) ?? []), { code: g.code, name: g.name }]);
  return byOffer;
}

export async function searchOffers(ctx: AppContext, query: OfferQuery): Promise<OfferList> {
  const words = (query.q ?? '').split(/\s+/).filter((w) => w.length > 0).slice(0, 8);
  const { rows, total } = await repo.searchOpenOffers(ctx.db, { today: parisDate(ctx.clock.now()), departmentCode: query.department, category: query.category, words, page: query.page });
  return { items: rows.map(summaryOf), total, page: query.page, pageCount: Math.max(1, Math.ceil(total / repo.OFFER_PAGE_SIZE)) };
}

// Drafts do not exist for agents; a closed offer stays readable by those who applied to it.
export async function offerForAgent(ctx: AppContext, agentId: string, offerId: string): Promise<OfferDetail> {
  const row = await repo.findOffer(ctx.db, offerId);
  const mine = row ? await applications.currentApplicationTo(ctx.db, agentId, offerId) : undefined;
  if (!row || row.status === 'draft' || (row.status === 'closed' && !mine)) throw new AppError('not_found', 'Aucune offre d’emploi correspondante.');
  const grades = (await gradesByOffer(ctx.db, [row.id])).get(row.id) ?? [];
  return {
    ...contentOf(row, grades),
    open: isOpen(row, parisDate(ctx.clock.now())),
    myApplication: mine ? { id: mine.id, stage: mine.stage as Stage, submittedAt: mine.submitted_at.toISOString() } : null,
  };
}

export function isOpen(row: { status: string; closes_on: string }, today: string): boolean {
  return row.status === 'published' && row.closes_on >= today;
}

function hrOfferOf(row: repo.OfferRow, grades: Grade[], applicationCount: number): HrOffer {
  return {
    ...contentOf(row, grades),
    status: row.status as HrOffer['status'],
    serviceCode: row.service_code,
    siteId: row.site_id,
    applicationCount,
  };
}

export async function hrOffers(ctx: AppContext, actor: Actor): Promise<HrOfferList> {
  const perimeter = mobilityPerimeter(actor);
  const rows = await repo.offersOfDepartments(ctx.db, perimeter);
  const grades = await gradesByOffer(ctx.db, rows.map((r) => r.id));
  return {
    items: rows.map((row) => hrOfferOf(row, grades.get(row.id) ?? [], Number(row.application_count ?? 0))),
    departments: (await repo.departmentsByIds(ctx.db, perimeter)).map((d) => ({ code: d.code, name: d.name })),
  };
}

async function managedOffer(db: Db, perimeter: Perimeter, offerId: string) {
  const row = await repo.findOffer(db, offerId);
  if (!row || !within(perimeter, row.department_id)) throw new AppError('not_found', 'Aucune offre d’emploi correspondante dans votre périmètre.');
  return row;
}

export async function hrOffer(ctx: AppContext, actor: Actor, offerId: string, db: Db = ctx.db): Promise<HrOffer> {
  const row = await managedOffer(db, mobilityPerimeter(actor), offerId);
  const grades = (await gradesByOffer(db, [row.id])).get(row.id) ?? [];
  return hrOfferOf(row, grades, Number((await applications.countForOffer(db, row.id)).n));
}

// The body's codes, checked against the organisation: a department the reader manages, its service, a site,
// grades of the offer's category, a closing date not passed.
async function resolveOffer(db: Db, perimeter: Perimeter, body: OfferBody, today: string): Promise<{ values: repo.OfferValues; gradeIds: string[] }> {
  const department = await repo.departmentByCode(db, body.departmentCode);
  if (!department || !within(perimeter, department.id)) {
    throw invalidField('departmentCode', 'perimeter', `Vous ne gérez pas les offres de la direction ${body.departmentCode}.`);
  }
  let serviceId: string | null = null;
  if (body.serviceCode) {
    const service = await repo.serviceOf(db, department.id, body.serviceCode);
    if (!service) throw invalidField('serviceCode', 'unknown', `Le service ${body.serviceCode} n’existe pas à la ${department.code}.`);
    serviceId = service.id;
  }
  if (body.siteId && !(await repo.siteExists(db, body.siteId))) throw invalidField('siteId', 'unknown', 'Site inconnu.');
  const codes = [...new Set(body.gradeCodes)];
  const grades = await repo.gradesByCodes(db, codes);
  const unknown = codes.filter((c) => !grades.some((g) => g.code === c));
  if (unknown.length) throw invalidField('gradeCodes', 'unknown', `Grade inconnu : ${unknown.join(', ')}.`);
  const otherCategory = grades.filter((g) => g.category !== body.category);
  if (otherCategory.length) throw invalidField('gradeCodes', 'category', `Ces grades ne sont pas de catégorie ${body.category} : ${otherCategory.map((g) => g.code).join(', ')}.`);
  if (body.closesOn < today) throw invalidField('closesOn', 'past', 'La date de clôture est passée.');
  return {
    values: {
      department_id: department.id,
      service_id: serviceId,
      site_id: body.siteId ?? null,
      title: body.title,
      category: body.category,
      description: body.description,
      contact: body.contact,
      closes_on: body.closesOn,
    },
    gradeIds: grades.map((g) => g.id),
  };
}

export async function createOffer(ctx: AppContext, actor: Actor, body: OfferBody): Promise<HrOffer> {
  const perimeter = mobilityPerimeter(actor);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const { values, gradeIds } = await resolveOffer(trx, perimeter, body, parisDate(now));
    const id = await repo.insertOffer(trx, values, gradeIds, actor.agentId, now);
    return hrOffer(ctx, actor, id, trx);
  });
}

export async function updateOffer(ctx: AppContext, actor: Actor, offerId: string, body: OfferBody): Promise<HrOffer> {
  const perimeter = mobilityPerimeter(actor);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    await managedOffer(trx, perimeter, offerId);
    const locked = await repo.lockOffer(trx, offerId);
    if (locked?.status === 'closed') throw new AppError('conflict', 'Cette offre est close : elle ne se modifie plus.');
    const { values, gradeIds } = await resolveOffer(trx, perimeter, body, parisDate(now));
    await repo.updateOffer(trx, offerId, values, gradeIds, now);
    return hrOffer(ctx, actor, offerId, trx);
  });
}

export async function publishOffer(ctx: AppContext, actor: Actor, offerId: string): Promise<HrOffer> {
  const perimeter = mobilityPerimeter(actor);
  const now = ctx.clock.now();
  const today = parisDate(now);
  return inTransaction(ctx.db, async (trx) => {
    await managedOffer(trx, perimeter, offerId);
    const locked = await repo.lockOffer(trx, offerId);
    if (locked?.status === 'published') throw new AppError('conflict', 'Cette offre est déjà publiée.');
    if (locked?.status === 'closed') throw new AppError('conflict', 'Cette offre est close : créez-en une nouvelle.');
    if (locked && locked.closes_on < today) throw invalidField('closesOn', 'past', 'La date de clôture est passée : repoussez-la avant de publier.');
    await repo.setOfferStatus(trx, offerId, { status: 'published', publishedOn: today }, now);
    return hrOffer(ctx, actor, offerId, trx);
  });
}

export async function closeOffer(ctx: AppContext, actor: Actor, offerId: string): Promise<HrOffer> {
  const perimeter = mobilityPerimeter(actor);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    await managedOffer(trx, perimeter, offerId);
    const locked = await repo.lockOffer(trx, offerId);
    if (locked?.status === 'closed') throw new AppError('conflict', 'Cette offre est déjà close.');
    await repo.setOfferStatus(trx, offerId, { status: 'closed' }, now);
    return hrOffer(ctx, actor, offerId, trx);
  });
}
