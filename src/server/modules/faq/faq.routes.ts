import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { blockedUntil, consumeAttempt, type ThrottleRule } from '../../security/throttle.ts';
import { actorOf } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { assertMayEditFaq, signedInAgentId } from './faq-access.ts';
import { renderArticle } from './faq-markdown.ts';
import {
  AdminArticle,
  AdminArticleList,
  Article,
  ArticleFields,
  ArticleList,
  ArticleSearchQuery,
  ArticleSlugParams,
  CreateArticleBody,
  PreviewBody,
  PreviewResponse,
  VoteBody,
} from './faq.schema.ts';
import * as faq from './faq.service.ts';

const tags = ['faq'];

// A visitor's browser id is theirs to invent: the address bounds how many votes one machine casts.
const anonymousVotes: ThrottleRule = { bucket: 'faq_vote', windowMs: 60 * 60 * 1000, freeFailures: 30, maxDelayMs: 60 * 60 * 1000 };

async function voterOf(ctx: AppContext, request: FastifyRequest, browserId: string | undefined): Promise<string> {
  const agentId = await signedInAgentId(ctx, request);
  if (agentId) return `agent:${agentId}`;
  if (!browserId) throw new AppError('validation_failed', undefined, { errors: [{ field: 'browserId', message: 'identifiant de navigateur requis hors connexion' }] });
  const now = ctx.clock.now();
  if (!(await consumeAttempt(ctx.db, anonymousVotes, request.ip, now))) {
    const until = await blockedUntil(ctx.db, anonymousVotes, request.ip, now);
    const seconds = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'Trop de réponses depuis cette adresse : réessayez plus tard.', { headers: { 'retry-after': String(seconds) } });
  }
  return `browser:${browserId}`;
}

export async function faqRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- The help centre, open to everyone: an agent who cannot sign in reads it too ----

  app.get(
    '/api/help/articles',
    {
      schema: {
        operationId: 'searchHelpArticles',
        tags,
        summary: 'Chercher parmi les articles d’aide publiés (mots sans accents, catégorie ; suggest=1 : 5 au plus)',
        querystring: ArticleSearchQuery,
        response: { 200: ArticleList, 400: ProblemResponse },
      },
    },
    async (request) => ({ items: await faq.searchArticles(ctx.db, request.query as ArticleSearchQuery, false) }),
  );

  app.get(
    '/api/help/articles/:slug',
    {
      schema: {
        operationId: 'readHelpArticle',
        tags,
        summary: 'Lire un article d’aide publié (HTML assaini par le serveur)',
        params: ArticleSlugParams,
        response: { 200: Article, 404: ProblemResponse },
      },
    },
    async (request) => faq.readArticle(ctx.db, (request.params as { slug: string }).slug, false),
  );

  app.post(
    '/api/help/articles/:slug/vote',
    {
      schema: {
        operationId: 'voteOnHelpArticle',
        tags,
        summary: '« Cet article vous a-t-il aidé ? » : une réponse par agent ou par navigateur, modifiable',
        params: ArticleSlugParams,
        body: VoteBody,
        response: { 204: NoContent, 400: ProblemResponse, 404: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as VoteBody;
      await faq.voteOnArticle(ctx.db, ctx.clock, slug, await voterOf(ctx, request, body.browserId), body.helpful);
      return reply.code(204).send();
    },
  );

  // ---- Support staff write the articles ----

  // Checked before the body is: someone else learns nothing from the validation errors.
  const supportOnly = [requireSession(ctx), async (request: FastifyRequest) => assertMayEditFaq(await actorOf(ctx, request))];

  app.get(
    '/api/support/faq',
    {
      schema: {
        operationId: 'listFaqArticles',
        tags,
        summary: 'Tous les articles, brouillons compris, avec les réponses « utile / pas utile » (support)',
        response: { 200: AdminArticleList, 403: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async () => ({ items: await faq.listForSupport(ctx.db) }),
  );

  app.get(
    '/api/support/faq/:slug',
    {
      schema: {
        operationId: 'readFaqArticle',
        tags,
        summary: 'Un article avec son Markdown, publié ou brouillon (support)',
        params: ArticleSlugParams,
        response: { 200: AdminArticle, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request) => faq.articleForSupport(ctx.db, (request.params as { slug: string }).slug),
  );

  app.post(
    '/api/support/faq/preview',
    {
      schema: {
        operationId: 'previewFaqArticle',
        tags,
        summary: 'Aperçu : le Markdown rendu et assaini exactement comme les agents le liront (support)',
        body: PreviewBody,
        response: { 200: PreviewResponse, 400: ProblemResponse, 403: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request) => ({ html: renderArticle((request.body as { body: string }).body) }),
  );

  app.post(
    '/api/support/faq',
    {
      schema: {
        operationId: 'createFaqArticle',
        tags,
        summary: 'Écrire un article d’aide, publié ou en brouillon (tracé)',
        body: CreateArticleBody,
        response: { 201: AdminArticle, 400: ProblemResponse, 403: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request, reply) => {
      const created = await faq.createArticle(ctx.db, ctx.clock, await auditActorOf(ctx, request), request.body as CreateArticleBody);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/support/faq/:slug',
    {
      schema: {
        operationId: 'updateFaqArticle',
        tags,
        summary: 'Modifier, publier ou dépublier un article d’aide (tracé)',
        params: ArticleSlugParams,
        body: ArticleFields,
        response: { 200: AdminArticle, 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: supportOnly,
    },
    async (request) =>
      faq.updateArticle(ctx.db, ctx.clock, await auditActorOf(ctx, request), (request.params as { slug: string }).slug, request.body as ArticleFields),
  );
}
