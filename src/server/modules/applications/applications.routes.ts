import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { currentSession, requireSession } from '../identity/session.guard.ts';
import { applicationAdminRoutes } from './application-admin.routes.ts';
import { openFromCatalogue } from './application-open.ts';
import { CatalogueQuery, CatalogueResponse, FavouriteOrderBody, MAX_FAVOURITES, SlugParams } from './applications.schema.ts';
import { type CatalogueAgent, catalogueOf, openUrlOf, pinFavourite, setFavouriteOrder, unpinFavourite } from './catalogue.service.ts';
import { visitorOf } from './visitor.ts';

const tags = ['applications'];

// Pages of the web app the opening route sends a browser to (src/web/router/paths.ts).
const signInPage = '/connexion';
const stepUpPage = '/connexion/verification-renforcee';
const cataloguePage = '/applications';

async function catalogueAgent(ctx: AppContext, request: FastifyRequest): Promise<CatalogueAgent> {
  const session = currentSession(request);
  const visitor = await visitorOf(ctx.db, session);
  if (!visitor) throw new AppError('unauthenticated');
  return { agentId: session.agentId, visitor };
}

// A tile is followed by the browser itself: it gets pages, not problem documents; API clients get the problem.
const isPageVisit = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');
const backTo = (page: string, returnTo: string) => `${page}?${new URLSearchParams({ retour: returnTo })}`;

export async function applicationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/me/applications',
    {
      schema: {
        operationId: 'listMyApplications',
        tags,
        summary: 'Les applications que l’agent peut ouvrir, favoris d’abord puis par catégorie (recherche sans accents)',
        querystring: CatalogueQuery,
        response: { 200: CatalogueResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => catalogueOf(ctx.db, await catalogueAgent(ctx, request), (request.query as CatalogueQuery).q),
  );

  app.put(
    '/api/me/applications/favourites',
    {
      schema: {
        operationId: 'orderMyFavouriteApplications',
        tags,
        summary: `Remplacer les favoris par cette liste, dans cet ordre (au plus ${MAX_FAVOURITES})`,
        body: FavouriteOrderBody,
        response: { 204: NoContent, 400: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      await setFavouriteOrder(ctx.db, await catalogueAgent(ctx, request), (request.body as FavouriteOrderBody).slugs);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/me/applications/favourites/:slug',
    {
      schema: {
        operationId: 'pinFavouriteApplication',
        tags,
        summary: 'Épingler une application en fin de favoris (sans effet si elle y est déjà)',
        params: SlugParams,
        response: { 204: NoContent, 404: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      await pinFavourite(ctx.db, await catalogueAgent(ctx, request), (request.params as { slug: string }).slug);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/me/applications/favourites/:slug',
    {
      schema: {
        operationId: 'unpinFavouriteApplication',
        tags,
        summary: 'Retirer une application des favoris (sans effet si elle n’y est pas)',
        params: SlugParams,
        response: { 204: NoContent },
      },
      preHandler: requireSession(ctx),
    },
    async (request, reply) => {
      await unpinFavourite(ctx.db, await catalogueAgent(ctx, request), (request.params as { slug: string }).slug);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/applications/:slug/open',
    {
      // A HEAD (a link preview, a prefetch) is not an opening: it would fill the access log.
      exposeHeadRoute: false,
      schema: {
        operationId: 'openApplication',
        tags,
        summary: 'Ouvrir une application du catalogue : la règle d’accès est vérifiée et l’ouverture tracée, puis redirection',
        params: SlugParams,
        response: {
          302: z.null().describe('Vers l’application, ou vers la vérification renforcée si elle demande un second facteur'),
          403: ProblemResponse,
          404: ProblemResponse,
        },
      },
    },
    async (request, reply) => openRoute(ctx, request, reply),
  );

  await applicationAdminRoutes(app, ctx);
}

async function openRoute(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const { slug } = request.params as { slug: string };
  const here = openUrlOf(slug);
  try {
    await requireSession(ctx)(request, reply);
  } catch (error) {
    if (error instanceof AppError && isPageVisit(request)) return reply.redirect(backTo(signInPage, here));
    throw error;
  }
  try {
    const answer = await openFromCatalogue(ctx.db, ctx.clock, await catalogueAgent(ctx, request), slug);
    return reply.redirect(answer.outcome === 'allowed' ? answer.launchUrl : backTo(stepUpPage, here));
  } catch (error) {
    if (error instanceof AppError && isPageVisit(request) && (error.code === 'forbidden' || error.code === 'not_found')) {
      return reply.redirect(`${cataloguePage}?${new URLSearchParams({ indisponible: slug })}`);
    }
    throw error;
  }
}
