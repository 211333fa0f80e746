import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { recordVisit } from './access-log.ts';
import { ForwardAuthQuery } from './gateway.schema.ts';
import { isPageRequest } from './gateway-pages.ts';
import type { GatewayDeps } from './gateway-proxy.ts';
import { sessionTokenOf, visitOf } from './gateway-visit.ts';
import { identityHeaders } from './identity-headers.ts';
import { signInLocation, stepUpLocation } from './portal-links.ts';

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

// The path the browser asked the proxy for: nginx sends the whole URL (X-Original-URL), Traefik the path (X-Forwarded-Uri).
function originalPath(request: FastifyRequest): string {
  const url = URL.parse(header(request, 'x-original-url') ?? header(request, 'x-forwarded-uri') ?? '/', 'http://app.invalid');
  return url ? url.pathname + url.search : '/';
}

/**
 * For an existing nginx (auth_request) or Traefik (forwardAuth) in front of an app: 200 with the agent's signed
 * identity headers, 401 with a Location to sign in or to prove a second factor (302 for a page through
 * Traefik), or 403 with the reason. See docs/gateway.md.
 */
export async function forwardAuthRoutes(app: FastifyInstance, deps: GatewayDeps): Promise<void> {
  const { ctx, apps, metrics } = deps;

  app.get(
    '/api/gateway/forward-auth',
    {
      schema: {
        operationId: 'gatewayForwardAuth',
        tags: ['passerelle'],
        summary: 'Contrôle d’accès délégué (nginx auth_request, Traefik forwardAuth) : 200 avec les en-têtes d’identité signés, 401 ou 403',
        querystring: ForwardAuthQuery,
        response: { 200: z.null().describe('Accès accordé : l’identité est dans les en-têtes X-Nomades-*'), 302: z.null().describe('Page ouverte à travers Traefik : vers la connexion'), 401: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      const slug = (request.query as { app?: string }).app;
      const forwardedHost = header(request, 'x-forwarded-host');
      const published = slug ? await apps.bySlug(slug) : forwardedHost ? await apps.byHost(forwardedHost) : undefined;
      if (!published) throw new AppError('not_found', 'Aucune application publiée pour cette demande : indiquez ?app=<identifiant> ou l’en-tête X-Forwarded-Host.');

      const visit = await visitOf(ctx, request, published, sessionTokenOf(ctx, request.cookies, published));
      const target = { slug: published.slug, onAppHost: published.host !== null, returnPath: originalPath(request) };
      const absolute = (location: string) => (location.startsWith('/') ? `${ctx.config.publicUrl}${location}` : location);
      // Traefik relays the answer as it is, and a browser follows no Location on a 401: a page gets a redirect.
      // nginx takes only 2xx, 401 and 403 from auth_request, and turns the 401 into a redirect itself.
      const relayedAsIs = header(request, 'x-forwarded-method') !== undefined && header(request, 'x-original-url') === undefined;
      const sendTo = (location: string, detail: string) => {
        if (relayedAsIs && isPageRequest(request)) return reply.redirect(absolute(location), 302);
        throw new AppError('unauthenticated', detail, { headers: { location: absolute(location) } });
      };
      if (visit.outcome === 'signed_out') {
        metrics.count(published.slug, 'forward_auth', 'signed_out');
        return sendTo(signInLocation(ctx, target), `Connectez-vous au portail pour ouvrir « ${published.name} ».`);
      }
      const visitor = { agentId: visit.agentId, zone: visit.zone };
      await recordVisit(ctx, metrics, published, { channel: 'forward_auth', outcome: visit.outcome, ...visitor, detail: visit.outcome === 'allowed' ? null : visit.reason }, isPageRequest(request));
      if (visit.outcome === 'denied') throw new AppError('forbidden', `Vous ne pouvez pas ouvrir « ${published.name} » : ${visit.reason}.`);
      if (visit.outcome !== 'allowed') return sendTo(stepUpLocation(ctx, target), `« ${published.name} » demande une vérification en deux étapes.`);
      return reply.headers(identityHeaders(published, visit.identity, ctx.clock.now())).code(200).send(null);
    },
  );
}
