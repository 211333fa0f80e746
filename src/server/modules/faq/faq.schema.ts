import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { faqCategories } from './faq-categories.ts';

export const FaqCategory = z.enum(faqCategories, {
  message: 'catégorie inconnue (connexion, mot_de_passe, carte, materiel, messagerie, rh ou autre)',
});

/** At most this many articles when the ticket form suggests some while the agent types. */
export const MAX_SUGGESTIONS = 5;

export const ArticleSlug = z
  .string({ message: 'un identifiant (ex. « mot-de-passe-oublie »)' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'lettres minuscules sans accent, chiffres et tirets (ex. « mot-de-passe-oublie »)' })
  .max(80, { message: 'au plus 80 caractères' });
export const ArticleSlugParams = z.object({ slug: ArticleSlug });

export const ArticleSearchQuery = z
  .object({
    q: humanText(100).pipe(z.string().trim()).optional(),
    category: FaqCategory.optional(),
    suggest: z.enum(['1']).optional().describe('1 : suggestions pendant la saisie d’une demande (au plus 5)'),
  })
  .strict();
export type ArticleSearchQuery = z.infer<typeof ArticleSearchQuery>;

export const ArticleSummary = z.object({
  slug: z.string(),
  title: z.string(),
  category: FaqCategory,
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleList = z.object({ items: z.array(ArticleSummary) }).meta({ id: 'FaqArticleList' });
export type ArticleList = z.infer<typeof ArticleList>;

export const Article = ArticleSummary.extend({
  /** Rendered from the Markdown and sanitised by the server: the page inserts it as is. */
  html: z.string(),
}).meta({ id: 'FaqArticle' });
export type Article = z.infer<typeof Article>;

// Markdown keeps its line breaks and tabs; other control characters never come from a keyboard.
const markdownText = z
  .string()
  .max(20000, { message: 'au plus 20 000 caractères' })
  .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });

export const ArticleFields = z
  .object({
    title: humanText(150).pipe(z.string().trim().min(3, { message: 'au moins 3 caractères' })),
    category: FaqCategory,
    body: markdownText.pipe(z.string().trim().min(1, { message: 'le texte de l’article est obligatoire' })),
    published: z.boolean(),
  })
  .strict();
export type ArticleFields = z.infer<typeof ArticleFields>;

export const CreateArticleBody = ArticleFields.extend({ slug: ArticleSlug }).strict();
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

export const PreviewBody = z.object({ body: markdownText }).strict();
export const PreviewResponse = z.object({ html: z.string() });

export const AdminArticle = ArticleSummary.extend({
  body: z.string().describe('Le texte en Markdown'),
  html: z.string(),
  published: z.boolean(),
  helpful: z.number().int().describe('Réponses « oui » à « Cet article vous a-t-il aidé ? »'),
  notHelpful: z.number().int().describe('Réponses « non »'),
}).meta({ id: 'FaqAdminArticle' });
export type AdminArticle = z.infer<typeof AdminArticle>;

export const AdminArticleList = z.object({ items: z.array(AdminArticle) }).meta({ id: 'FaqAdminArticleList' });
export type AdminArticleList = z.infer<typeof AdminArticleList>;

export const VoteBody = z
  .object({
    helpful: z.boolean(),
    /** An agent who is not signed in: a random id the browser keeps in its storage (no cookie). */
    browserId: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, { message: 'identifiant de navigateur invalide' }).optional(),
  })
  .strict();
export type VoteBody = z.infer<typeof VoteBody>;
