import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export const OFFER_PAGE_SIZE = 20;

function offerQuery(db: Db) {
  return db
    .selectFrom('job_offers as o')
    .innerJoin('departments as d', 'd.id', 'o.department_id')
    .leftJoin('services as s', 's.id', 'o.service_id')
    .leftJoin('sites as st', 'st.id', 'o.site_id')
    .select([
      'o.id',
      'o.title',
      'o.category',
      'o.description',
      'o.contact',
      'o.status',
      'o.published_on',
      'o.closes_on',
      'o.department_id',
      'o.service_id',
      'o.site_id',
      'd.code as department_code',
      'd.name as department_name',
      's.code as service_code',
      's.name as service_name',
      'st.name as site_name',
      'st.address as site_address',
      'st.postal_code as site_postal_code',
      'st.city as site_city',
    ]);
}

export type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['execute']>>[number];

export type OfferFilter = { today: string; departmentCode?: string; category?: string; words: string[]; page: number };

// What agents see: published, closing date not passed. Each word must appear (unaccented) in the title or text.
function openOffers(db: Db, f: OfferFilter) {
  let query = offerQuery(db).where('o.status', '=', 'published').where('o.closes_on', '>=', f.today);
  for (const word of f.words) query = query.where(sql<boolean>`position(lower(public.f_unaccent(${word})) in o.search_text) > 0`);
  if (f.departmentCode) query = query.where('d.code', '=', f.departmentCode);
  if (f.category) query = query.where('o.category', '=', f.category);
  return query;
}

export async function searchOpenOffers(db: Db, f: OfferFilter): Promise<{ rows: OfferRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    openOffers(db, f)
      .orderBy('o.published_on', 'desc')
      .orderBy('o.id')
      .limit(OFFER_PAGE_SIZE)
      .offset((f.page - 1) * OFFER_PAGE_SIZE)
      .execute(),
    openOffers(db, f).clearSelect().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findOffer(db: Db, id: string) {
  return offerQuery(db).where('o.id', '=', id).executeTakeFirst();
}

/** Every offer of these departments (all when null), the most recent first. */
export function offersOfDepartments(db: Db, departmentIds: string[] | null) {
  let query = offerQuery(db)
    .select((eb) =>
      eb
        .selectFrom('mobility_applications as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.offer_id', '=', 'o.id')
        .where('a.stage', '<>', 'withdrawn')
        .as('application_count'),
    )
    .orderBy('o.updated_at', 'desc')
    .limit(500);
  if (departmentIds) {
    if (departmentIds.length === 0) return Promise.resolve([]);
    query = query.where('o.department_id', 'in', departmentIds);
  }
  return query.execute();
}

export function gradesOf(db: Db, offerIds: string[]) {
  if (offerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('job_offer_grades as og')
    .innerJoin('grades as g', 'g.id', 'og.grade_id')
    .select(['og.offer_id', 'g.code', 'g.name'])
    .where('og.offer_id', 'in', offerIds)
    .orderBy('g.name')
    .execute();
}

export type OfferValues = {
  department_id: string;
  service_id: string | null;
  site_id: string | null;
  title: string;
  category: string;
  description: string;
  contact: string;
  closes_on: string;
};

export async function insertOffer(db: Db, values: OfferValues, gradeIds: string[], by: string | null, at: Date): Promise<string> {
  const { id } = await db
    .insertInto('job_offers')
    .values({ ...values, status: 'draft', created_by: by, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceGrades(db, id, gradeIds);
  return id;
}

export async function updateOffer(db: Db, id: string, values: OfferValues, gradeIds: string[], at: Date): Promise<void> {
  await db.updateTable('job_offers').set({ ...values, updated_at: at }).where('id', '=', id).execute();
  await replaceGrades(db, id, gradeIds);
}

async function replaceGrades(db: Db, offerId: string, gradeIds: string[]): Promise<void> {
  await db.deleteFrom('job_offer_grades').where('offer_id', '=', offerId).execute();
  if (gradeIds.length > 0) await db.insertInto('job_offer_grades').values(gradeIds.map((grade_id) => ({ offer_id: offerId, grade_id }))).execute();
}

export function setOfferStatus(db: Db, id: string, change: { status: 'published'; publishedOn: string } | { status: 'closed' }, at: Date) {
  return db
    .updateTable('job_offers')
    .set(change.status === 'published' ? { status: 'published', published_on: change.publishedOn, updated_at: at } : { status: 'closed', closed_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function lockOffer(db: Db, id: string) {
  return db.selectFrom('job_offers').select(['id', 'status', 'department_id', 'closes_on', 'title']).where('id', '=', id).forUpdate().executeTakeFirst();
}

// The lists behind an offer's form: a department by its code, its service, a site, grades by code.
export function departmentByCode(db: Db, code: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function departmentsByIds(db: Db, ids: string[] | null) {
  let query = db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code');
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

export function departmentsByCodes(db: Db, codes: string[]) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', 'in', codes).execute();
}

export function serviceOf(db: Db, departmentId: string, code: string) {
  return db.selectFrom('services').select('id').where('department_id', '=', departmentId).where('code', '=', code).executeTakeFirst();
}

export function siteExists(db: Db, id: string) {
  return db.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst();
}

export function gradesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('grades').select(['id', 'code', 'category']).where('code', 'in', codes).execute();
}
