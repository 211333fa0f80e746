import type { FastifyRequest } from 'fastify';
import type { PublishedApp, PublishedApps } from './published-apps.ts';

/** Where a request to the gateway goes: which app, and the same address on the public and upstream sides. */
export type Place = {
  app: PublishedApp;
  /** Reached on the app's own host name (see dedicated-hosts.ts) rather than under /apps/<slug>/. */
  onAppHost: boolean;
  /** '/apps/<slug>' on the portal's host, '' on the app's own. */
  prefix: string;
  /** What the browser asked for: path and query. */
  publicPath: string;
  /** Path and query on the upstream. */
  upstreamPath: string;
};

export const mountOf = (slug: string) => `/apps/${slug}`;

export type PlaceAnswer = { place: Place } | { redirect: string } | { unknown: true };

export async function placeOf(apps: PublishedApps, request: FastifyRequest): Promise<PlaceAnswer> {
  const { slug } = request.params as { slug: string };
  const app = await apps.bySlug(slug);
  if (!app) return { unknown: true };
  const url = request.raw.url ?? '/';
  const original = (request.raw as { originalUrl?: string }).originalUrl;
  const onAppHost = original !== undefined && original !== url;
  const mount = mountOf(slug);
  const rest = url.slice(mount.length);
  // Relative links of the app resolve against /apps/<slug>/, never /apps/.
  if (!rest.startsWith('/')) return { redirect: `${mount}/${rest}` };
  // Built by concatenation, then parsed: dot segments are resolved, and "//host" stays a path on the upstream.
  const target = new URL(app.upstream.origin + app.upstream.pathname + rest.slice(1));
  if (target.origin !== app.upstream.origin || !target.pathname.startsWith(app.upstream.pathname)) return { unknown: true };
  return {
    place: {
      app,
      onAppHost,
      prefix: onAppHost ? '' : mount,
      publicPath: onAppHost ? (original ?? '/') : url,
      upstreamPath: target.pathname + target.search,
    },
  };
}
