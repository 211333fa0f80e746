import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { FaqArticlesTable } from '../../db/types.ts';
import type { FaqCategory } from './faq-categories.ts';
import { escapeLike } from '../../db/like-pattern.ts';

export type ArticleRow = Selectable<FaqArticlesTable>;

export function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('faq_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The search key is the title's key, this separator, then the body's: the title can be told apart. */
export const titleSeparator = ' | ';

// `like` patterns come from what the agent typed: % and _ are theirs, not wildcards.

/** Articles whose search key holds every word; those with the first word in the title come first. */
export function searchArticles(
  db: Db,
  where: { words: readonly string[]; category?: FaqCategory; publishedOnly: boolean; limit: number },
) {
  let query = db.selectFrom('faq_articles').select(['slug', 'title', 'category', 'updated_at']);
  if (where.publishedOnly) query = query.where('published', '=', true);
  if (where.category) query = query.where('category', '=', where.category);
  for (const word of where.words) query = query.where('search_key', 'like', `%${escapeLike(word)}%`);
  const first = where.words[0];
  if (first) query = query.orderBy(sql`position(${first} in split_part(search_key, ${titleSeparator}, 1)) > 0`, 'desc');
  return query.orderBy('title').limit(where.limit).execute();
}

export function listAllArticles(db: Db) {
  return db
    .selectFrom('faq_articles as a')
    .leftJoin('faq_votes as v', 'v.article_id', 'a.id')
    .selectAll('a')
    .select((eb) => [
      eb.fn.count<string>('v.voter').filterWhere('v.helpful', '=', true).as('helpful'),
      eb.fn.count<string>('v.voter').filterWhere('v.helpful', '=', false).as('not_helpful'),
    ])
    .groupBy('a.id')
    .orderBy('a.category')
    .orderBy('a.title')
    .execute();
}

export function voteCounts(db: Db, articleId: string) {
  return db
    .selectFrom('faq_votes')
    .select((eb) => [
      eb.fn.count<string>('voter').filterWhere('helpful', '=', true).as('helpful'),
      eb.fn.count<string>('voter').filterWhere('helpful', '=', false).as('not_helpful'),
    ])
    .where('article_id', '=', articleId)
    .executeTakeFirstOrThrow();
}

export function insertArticle(db: Db, values: Insertable<FaqArticlesTable>): Promise<ArticleRow> {
  return db.insertInto('faq_articles').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateArticle(db: Db, id: string, values: Updateable<FaqArticlesTable>): Promise<ArticleRow> {
  return db.updateTable('faq_articles').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** One answer per voter: answering again replaces the first answer. */
export async function recordVote(db: Db, articleId: string, voter: string, helpful: boolean, at: Date): Promise<void> {
  await db
    .insertInto('faq_votes')
    .values({ article_id: articleId, voter, helpful, voted_at: at })
    .onConflict((oc) => oc.columns(['article_id', 'voter']).doUpdateSet({ helpful, voted_at: at }))
    .execute();
}
