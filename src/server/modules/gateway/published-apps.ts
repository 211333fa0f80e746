import type { AppContext } from '../../app-context.ts';
import { type ApplicationRule, ruleOf } from '../applications/application-access.ts';
import { type GatewayRouteRow, gatewaySlugExists, listGatewayRoutes } from './gateway.repo.ts';

export type PublishedApp = {
  id: string;
  slug: string;
  name: string;
  rule: ApplicationRule;
  /** The upstream's base address; its path always ends with '/'. */
  upstream: URL;
  host: string | null;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  websocket: boolean;
  passAuthorization: boolean;
  signingSecret: string;
};

// Every request reads the table of published apps: it is small, so each instance keeps it in memory and reads
// it again every few seconds. A change made on another instance applies there within this delay.
const REFRESH_MS = 5_000;

export type PublishedApps = {
  bySlug(slug: string): Promise<PublishedApp | undefined>;
  byHost(host: string): Promise<PublishedApp | undefined>;
  /** Reads the table now: at start-up, so that the first request on an app's host is recognised. */
  load(): Promise<void>;
  /** From the copy in memory, without waiting: for the URL rewrite, which runs before any hook. */
  slugOfHostNow(host: string | undefined): string | undefined;
  invalidate(): void;
};

function publishedApp(ctx: AppContext, row: GatewayRouteRow): PublishedApp {
  const upstream = new URL(row.upstream_url);
  if (!upstream.pathname.endsWith('/')) upstream.pathname += '/';
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    rule: ruleOf(row),
    upstream,
    host: row.host,
    connectTimeoutMs: row.connect_timeout_ms,
    totalTimeoutMs: row.total_timeout_ms,
    maxRequestBytes: row.max_request_bytes,
    maxResponseBytes: row.max_response_bytes,
    websocket: row.websocket,
    passAuthorization: row.pass_authorization,
    signingSecret: ctx.keys.decrypt('gateway-signature', row.signing_secret_encrypted),
  };
}

const withoutPort = (host: string) => host.replace(/:\d+$/, '');

function createPublishedApps(ctx: AppContext): PublishedApps {
  let loadedAt = Number.NEGATIVE_INFINITY;
  let slugs = new Map<string, PublishedApp>();
  let hosts = new Map<string, PublishedApp>();
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    const rows = await listGatewayRoutes(ctx.db);
    const apps = rows.map((row) => publishedApp(ctx, row));
    slugs = new Map(apps.map((app) => [app.slug, app]));
    hosts = new Map(apps.flatMap((app) => (app.host ? [[app.host, app] as const] : [])));
    loadedAt = performance.now();
  }

  function fresh(): Promise<void> {
    if (performance.now() - loadedAt < REFRESH_MS) return Promise.resolve();
    loading ??= load().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  const hostEntry = (host: string) => hosts.get(host) ?? hosts.get(withoutPort(host));

  return {
    async bySlug(slug) {
      await fresh();
      // An app just published on another instance is served at once, not after the next refresh.
      if (!slugs.has(slug) && (await gatewaySlugExists(ctx.db, slug))) {
        loadedAt = Number.NEGATIVE_INFINITY;
        await fresh();
      }
      return slugs.get(slug);
    },
    async byHost(host) {
      await fresh();
      return hostEntry(host.toLowerCase());
    },
    load: () => {
      loadedAt = Number.NEGATIVE_INFINITY;
      return fresh();
    },
    slugOfHostNow(host) {
      if (!host) return undefined;
      fresh().catch(() => undefined);
      return hostEntry(host.toLowerCase())?.slug;
    },
    invalidate() {
      loadedAt = Number.NEGATIVE_INFINITY;
    },
  };
}

const registries = new WeakMap<AppContext, PublishedApps>();

/** The published apps as this instance knows them (one registry per running app). */
export function publishedAppsOf(ctx: AppContext): PublishedApps {
  let registry = registries.get(ctx);
  if (!registry) {
    registry = createPublishedApps(ctx);
    registries.set(ctx, registry);
  }
  return registry;
}
