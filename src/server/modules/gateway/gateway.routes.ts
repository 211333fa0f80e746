import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { appHostRoutes } from './app-host.routes.ts';
import { forwardAuthRoutes } from './forward-auth.routes.ts';
import { gatewayAdminRoutes } from './gateway-admin.routes.ts';
import { createGatewayMetrics } from './gateway-metrics.ts';
import { gatewayHandler } from './gateway-proxy.ts';
import { publishedAppsOf } from './published-apps.ts';
import { stepUpRoutes } from './step-up.routes.ts';
import { createUpstreamAgents } from './upstream.ts';
import { routeUpgrades } from './websocket-tunnel.ts';

const proxiedMethods: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

// The identity-aware gateway: internal apps published under /apps/<slug>/, the forward-auth endpoint for an
// existing nginx or Traefik, step-up to a second factor, and the administrators' registry of published apps.
export async function gatewayRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const apps = publishedAppsOf(ctx);
  const agents = createUpstreamAgents();
  const deps = { ctx, apps, agents, metrics: createGatewayMetrics(ctx.metrics) };
  app.addHook('onReady', async () => {
    await apps.load().catch((error: unknown) => app.log.warn({ err: error }, 'published apps not loaded yet'));
  });
  app.addHook('onClose', async () => agents.destroy());

  await gatewayAdminRoutes(app, ctx);
  await stepUpRoutes(app, ctx);
  await forwardAuthRoutes(app, deps);
  await appHostRoutes(app, deps);

  await app.register(async (proxy) => {
    // Bodies are streamed to the upstream as they arrive, whatever their type: none is parsed or buffered here.
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const { gateway, bodyFailed } = gatewayHandler(deps);
    proxy.setErrorHandler(bodyFailed);
    proxy.route({ method: proxiedMethods, url: '/apps/:slug', schema: { hide: true }, handler: gateway });
    proxy.route({ method: proxiedMethods, url: '/apps/:slug/*', schema: { hide: true }, handler: gateway });
  });
  routeUpgrades(app, apps);
}
