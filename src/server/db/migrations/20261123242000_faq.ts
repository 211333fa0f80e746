import { type Kysely, sql } from 'kysely';

// The help centre's articles, written by IT support in Markdown. The HTML is rendered and sanitised once, on
// write (faq/faq-markdown.ts), so a read never runs the parser; the search key is the text without accents.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('faq_articles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('connexion', 'mot_de_passe', 'carte', 'materiel', 'messagerie', 'rh', 'autre')`),
    )
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('updated_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('faq_articles_category_idx').on('faq_articles').columns(['category', 'published']).execute();

  // « Cet article vous a-t-il aidé ? »: one answer per voter (agent:<id>, or browser:<id> kept in the
  // browser's storage); answering again changes the answer, never adds one.
  await db.schema
    .createTable('faq_votes')
    .addColumn('article_id', 'uuid', (c) => c.notNull().references('faq_articles.id').onDelete('cascade'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('helpful', 'boolean', (c) => c.notNull())
    .addColumn('voted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('faq_votes_pk', ['article_id', 'voter'])
    .execute();
}

