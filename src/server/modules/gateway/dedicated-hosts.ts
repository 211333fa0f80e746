import type { FastifyInstance, RawRequestDefaultExpression } from 'fastify';
import { mountOf } from './gateway-place.ts';
import { CALLBACK_PATH } from './portal-links.ts';
import { publishedAppsOf } from './published-apps.ts';

/**
 * Fastify's `rewriteUrl` (app.ts): a request on an app's own host name is routed as /apps/<slug>/… so that it
 * meets the same handler, and never one of the portal's own routes or pages. Runs before any hook, hence from
 * the copy of the published apps in memory.
 */
export function gatewayRewriteUrl(this: FastifyInstance, request: RawRequestDefaultExpression): string {
  const url = request.url ?? '/';
  // Before the first request is handled the app is not decorated yet: nothing to rewrite.
  const ctx = (this as Partial<FastifyInstance>).ctx;
  if (!ctx || url.startsWith(`${CALLBACK_PATH}?`) || url === CALLBACK_PATH) return url;
  const slug = publishedAppsOf(ctx).slugOfHostNow(request.headers.host);
  return slug ? `${mountOf(slug)}${url.startsWith('/') ? url : `/${url}`}` : url;
}
