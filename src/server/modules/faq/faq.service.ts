import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../http/errors.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { searchKey } from '../applications/catalogue-search.ts';
import type { FaqCategory } from './faq-categories.ts';
import { renderArticle } from './faq-markdown.ts';
import * as repo from './faq.repo.ts';
import type { AdminArticle, Article, ArticleFields, ArticleSearchQuery, ArticleSummary, CreateArticleBody } from './faq.schema.ts';
import { MAX_SUGGESTIONS } from './faq.schema.ts';

const MAX_RESULTS = 100;

const summaryOf = (row: { slug: string; title: string; category: string; updated_at: Date }): ArticleSummary => ({
  slug: row.slug,
  title: row.title,
  category: row.category as FaqCategory,
  updatedAt: row.updated_at.toISOString(),
});

/** Agents (and visitors) see published articles only; support staff see their drafts too. */
export async function searchArticles(db: Db, query: ArticleSearchQuery, withDrafts: boolean): Promise<ArticleSummary[]> {
  const words = searchKey(query.q ?? '').split(' ').filter(Boolean).slice(0, 10);
  const rows = await repo.searchArticles(db, {
    words,
    ...(query.category ? { category: query.category } : {}),
    publishedOnly: !withDrafts,
    limit: query.suggest ? MAX_SUGGESTIONS : MAX_RESULTS,
  });
  return rows.map(summaryOf);
}

// A draft does not exist for an agent: the same 404 as a slug nobody wrote.
export async function readArticle(db: Db, slug: string, withDrafts: boolean): Promise<Article> {
  const row = await repo.findArticleBySlug(db, slug);
  if (!row || (!row.published && !withDrafts)) throw new AppError('not_found', 'Aucun article à cette adresse.');
  return { ...summaryOf(row), html: row.body_html };
}

function adminView(row: repo.ArticleRow, counts: { helpful: string | number; not_helpful: string | number }): AdminArticle {
  return {
    ...summaryOf(row),
    body: row.body_markdown,
    html: row.body_html,
    published: row.published,
    helpful: Number(counts.helpful),
    notHelpful: Number(counts.not_helpful),
  };
}

export async function listForSupport(db: Db): Promise<AdminArticle[]> {
  return (await repo.listAllArticles(db)).map((row) => adminView(row, row));
}

export async function articleForSupport(db: Db, slug: string): Promise<AdminArticle> {
  const row = await repo.findArticleBySlug(db, slug);
  if (!row) throw new AppError('not_found', 'Aucun article à cette adresse.');
  return adminView(row, await repo.voteCounts(db, row.id));
}

// Rendered once, on write: a read never runs the parser, and what was previewed is what agents get.
export function columnsOf(fields: ArticleFields) {
  return {
    title: fields.title,
    category: fields.category,
    body_markdown: fields.body,
    body_html: renderArticle(fields.body),
    search_key: `${searchKey(fields.title)}${repo.titleSeparator}${searchKey(fields.body)}`,
    published: fields.published,
  };
}

export async function createArticle(db: Db, clock: Clock, actor: AuditActor, body: CreateArticleBody): Promise<AdminArticle> {
  if (await repo.findArticleBySlug(db, body.slug)) {
    throw new AppError('validation_failed', undefined, { errors: [{ field: 'slug', message: 'cette adresse est déjà prise par un autre article' }] });
  }
  const at = clock.now();
  const { slug, ...fields } = body;
  return inTransaction(db, async (trx) => {
    const row = await repo.insertArticle(trx, { ...columnsOf(fields), slug, created_by: actor.agentId, updated_by: actor.agentId, created_at: at, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: 'faq.create',
      target: { type: 'faq_article', id: row.id, label: row.title },
      changes: { title: { from: null, to: row.title }, category: { from: null, to: row.category }, published: { from: null, to: row.published } },
      at,
    });
    return adminView(row, { helpful: 0, not_helpful: 0 });
  });
}

export async function updateArticle(db: Db, clock: Clock, actor: AuditActor, slug: string, fields: ArticleFields): Promise<AdminArticle> {
  const existing = await repo.findArticleBySlug(db, slug);
  if (!existing) throw new AppError('not_found', 'Aucun article à cette adresse.');
  const columns = columnsOf(fields);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['title', 'category', 'body_markdown', 'published'] as const) {
    if (existing[key] !== columns[key]) changes[key] = { from: existing[key], to: columns[key] };
  }
  if (Object.keys(changes).length === 0) return articleForSupport(db, slug);
  const at = clock.now();
  return inTransaction(db, async (trx) => {
    const row = await repo.updateArticle(trx, existing.id, { ...columns, updated_by: actor.agentId, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: changes.published ? (fields.published ? 'faq.publish' : 'faq.unpublish') : 'faq.update',
      target: { type: 'faq_article', id: row.id, label: row.title },
      // The body can be long: the trail says it changed, the article itself says how.
      changes: changes.body_markdown ? { ...changes, body_markdown: { from: '…', to: '…' } } : changes,
      at,
    });
    return adminView(row, await repo.voteCounts(trx, row.id));
  });
}

/** Counted once per voter, whose answer can change; a draft takes no votes. */
export async function voteOnArticle(db: Db, clock: Clock, slug: string, voter: string, helpful: boolean): Promise<void> {
  const row = await repo.findArticleBySlug(db, slug);
  if (!row || !row.published) throw new AppError('not_found', 'Aucun article à cette adresse.');
  await repo.recordVote(db, row.id, voter, helpful, clock.now());
}
