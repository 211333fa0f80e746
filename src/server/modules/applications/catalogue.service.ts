import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { applicationAccess, ruleOf, type Visitor } from './application-access.ts';
import * as repo from './applications.repo.ts';
import { type ApplicationCategory, applicationCategories, type CatalogueApp, type CatalogueResponse, MAX_FAVOURITES } from './applications.schema.ts';
import { matchesSearch } from './catalogue-search.ts';

export type CatalogueAgent = { agentId: string; visitor: Visitor };

/** Where a tile leads: the portal's own address, which checks the rule again before sending the browser on. */
export const openUrlOf = (slug: string) => `/api/applications/${slug}/open`;

// Rows written by the SSO or gateway pages may carry a category the catalogue does not list yet.
const categoryOf = (category: string): ApplicationCategory =>
  (applicationCategories as readonly string[]).includes(category) ? (category as ApplicationCategory) : 'business';

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

type Visible = { row: repo.ApplicationRow; stepUp: boolean };

/** The enabled applications this agent may open (now, or after proving a second factor). */
async function visibleApplications(db: Db, visitor: Visitor): Promise<Visible[]> {
  const rows = await repo.listEnabledApplications(db);
  return rows.flatMap((row) => {
    const answer = applicationAccess(ruleOf(row), visitor);
    return answer.outcome === 'denied' ? [] : [{ row, stepUp: answer.outcome === 'step_up' }];
  });
}

/**
 * The agent's catalogue: favourites in their order, then every app by category (the department's featured
 * ones first). An app the rule denies is not in it at all.
 */
export async function catalogueOf(db: Db, agent: CatalogueAgent, query = ''): Promise<CatalogueResponse> {
  const [visible, favouriteIds] = await Promise.all([visibleApplications(db, agent.visitor), repo.favouriteIdsOf(db, agent.agentId)]);
  const found = visible.filter(({ row }) => matchesSearch(row, query));
  const position = new Map(favouriteIds.map((id, index) => [id, index]));
  const tile = ({ row, stepUp }: Visible): CatalogueApp => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: categoryOf(row.category),
    kind: row.kind as CatalogueApp['kind'],
    openUrl: openUrlOf(row.slug),
    favourite: position.has(row.id),
    featured: row.featured_department_id !== null && row.featured_department_id === agent.visitor.departmentId,
    stepUp,
  });
  const tiles = found.map(tile);
  const favourites = found
    .filter(({ row }) => position.has(row.id))
    .sort((a, b) => position.get(a.row.id)! - position.get(b.row.id)!)
    .map(tile);
  const categories = applicationCategories
    .map((category) => ({
      category,
      applications: tiles
        .filter((app) => app.category === category)
        .sort((a, b) => Number(b.featured) - Number(a.featured) || byName.compare(a.name, b.name)),
    }))
    .filter((group) => group.applications.length > 0);
  return { favourites, categories, total: tiles.length, maxFavourites: MAX_FAVOURITES };
}

/** Finds an app the agent may see by its slug, or says it is not in their catalogue. */
async function visibleBySlug(db: Db, visitor: Visitor, slug: string): Promise<repo.ApplicationRow> {
  const row = await repo.findApplicationBySlug(db, slug);
  if (!row || applicationAccess(ruleOf(row), visitor).outcome === 'denied') {
    throw new AppError('not_found', 'Cette application ne fait pas partie de votre catalogue.');
  }
  return row;
}

/** Pins an app at the end of the favourites; pinning it again changes nothing. */
export async function pinFavourite(db: Db, agent: CatalogueAgent, slug: string): Promise<void> {
  const row = await visibleBySlug(db, agent.visitor, slug);
  await inTransaction(db, async (trx) => {
    await repo.lockFavouritesOf(trx, agent.agentId);
    const current = await repo.favouriteIdsOf(trx, agent.agentId);
    if (current.includes(row.id)) return;
    if (current.length >= MAX_FAVOURITES) {
      throw new AppError('unprocessable', `Vous avez déjà ${MAX_FAVOURITES} favoris : retirez-en un avant d’en ajouter un autre.`);
    }
    await repo.replaceFavourites(trx, agent.agentId, [...current, row.id]);
  });
}

export async function unpinFavourite(db: Db, agent: CatalogueAgent, slug: string): Promise<void> {
  const row = await repo.findApplicationBySlug(db, slug);
  if (row) await repo.removeFavourite(db, agent.agentId, row.id);
}

/** Replaces the favourites by this list, in this order: sending the same list twice gives the same result. */
export async function setFavouriteOrder(db: Db, agent: CatalogueAgent, slugs: readonly string[]): Promise<void> {
  const visible = new Map((await visibleApplications(db, agent.visitor)).map(({ row }) => [row.slug, row.id]));
  const errors = slugs.flatMap((slug, index) =>
    visible.has(slug) ? [] : [{ field: `slugs.${index}`, message: `« ${slug} » ne fait pas partie de votre catalogue` }],
  );
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  await inTransaction(db, async (trx) => {
    await repo.lockFavouritesOf(trx, agent.agentId);
    await repo.replaceFavourites(trx, agent.agentId, slugs.map((slug) => visible.get(slug)!));
  });
}
