import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, ListenToChannel } from './db/connection.ts';
import { frameworkErrorHandler, installErrorHandler, trackRoutesForMethodNotAllowed } from './http/error-handler.ts';
import { createLogger } from './http/logger.ts';
import { createMetrics, installRequestMetrics } from './http/metrics.ts';
import { openApiRoutes } from './http/openapi.routes.ts';
import { platformRoutes } from './http/platform.routes.ts';
import { sendProblem } from './http/problem.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { installWebApp } from './http/web-app.ts';
import { createNetworkMatcher } from './http/network.ts';
import { createKeys } from './security/keys.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { hrAccountRoutes } from './modules/accounts/index.ts';
import { supportConsoleRoutes } from './modules/support-console/index.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { accessRoutes } from './modules/access/access.routes.ts';
import { payslipRoutes } from './modules/payslips/index.ts';
import { createLiveEvents, devOutboxRoutes, notificationRoutes } from './modules/notifications/index.ts';
import { applicationRoutes } from './modules/applications/index.ts';
import { gatewayRewriteUrl, gatewayRoutes } from './modules/gateway/index.ts';
import { helpdeskRoutes } from './modules/helpdesk/index.ts';
import { announcementsRoutes } from './modules/announcements/index.ts';
import { faqRoutes } from './modules/faq/index.ts';
import { leaveRoutes } from './modules/leave/index.ts';
import { ssoRoutes } from './modules/sso/index.ts';
import { mobilityRoutes } from './modules/mobility/index.ts';
import { requestRoutes } from './modules/requests/index.ts';
import { teleworkRoutes } from './modules/telework/index.ts';
import { trainingRoutes } from './modules/training/index.ts';
import { scimRoutes } from './modules/scim/index.ts';
import { certificateRoutes } from './modules/certificates/index.ts';
import { professionalCardRoutes } from './modules/professional-card/index.ts';
import { personalFileRoutes } from './modules/personal-file/index.ts';
import { csrfProtection } from './http/csrf.ts';
import fastifyCookie from '@fastify/cookie';
import { appVersion } from './version.ts';

export type AppOptions = {
  config: Config;
  db: Db;
  /** The database's LISTEN, for live notifications across instances (absent: no live stream delivery). */
  listen?: ListenToChannel;
  clock?: Clock;
  logger?: FastifyBaseLogger;
  // Tests register throw-away routes here to exercise the platform.
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
};

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger ?? createLogger(config.logLevel),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    // An app published on a host name of its own is served there at the root (modules/gateway/dedicated-hosts.ts).
    rewriteUrl: gatewayRewriteUrl,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: no text/plain bodies, which browsers may send cross-site without a preflight.
  app.removeContentTypeParser('text/plain');

  const ctx: AppContext = {
    config,
    db: options.db,
    clock: options.clock ?? systemClock,
    metrics: createMetrics(),
    keys: createKeys(config.secretKey),
    isInternalNetwork: createNetworkMatcher(config.internalNetworks),
    lifecycle: { shuttingDown: false },
    live: createLiveEvents(options.listen),
  };
  app.decorate('ctx', ctx);
  // Open live streams are never idle: they end first, or closing would wait for them.
  app.addHook('preClose', () => ctx.live.close());

  const methodNotAllowed = trackRoutesForMethodNotAllowed(app);
  await app.register(fastifyCookie);
  installErrorHandler(app);
  installSecurityHeaders(app);
  installRequestMetrics(app, ctx.metrics);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `API Nomades — ${config.org.name}`,
        version: appVersion,
        description: 'Portail d’accès à distance des agents. Erreurs au format RFC 9457 (application/problem+json).',
      },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(async (scope) => {
    await csrfProtection(scope, ctx);
    await platformRoutes(scope, ctx);
    await openApiRoutes(scope);
    await portalRoutes(scope, ctx);
    await organisationRoutes(scope, ctx);
    await identityRoutes(scope, ctx);
    await devOutboxRoutes(scope, ctx);
    scope.decorateRequest('actor', null);
    await auditRoutes(scope, ctx);
    await hrAccountRoutes(scope, ctx);
    await scimRoutes(scope, ctx);
    await supportConsoleRoutes(scope, ctx);
    await directoryRoutes(scope, ctx);
    await accessRoutes(scope, ctx);
    await certificateRoutes(scope, ctx);
    await professionalCardRoutes(scope, ctx);
    await personalFileRoutes(scope, ctx);
    await payslipRoutes(scope, ctx);
    await notificationRoutes(scope, ctx);
    await requestRoutes(scope, ctx);
    await leaveRoutes(scope, ctx);
    await teleworkRoutes(scope, ctx);
    await mobilityRoutes(scope, ctx);
    await trainingRoutes(scope, ctx);
    await applicationRoutes(scope, ctx);
    await ssoRoutes(scope, ctx);
    await gatewayRoutes(scope, ctx);
    await helpdeskRoutes(scope, ctx);
    await announcementsRoutes(scope, ctx);
    await faqRoutes(scope, ctx);
    if (options.extraRoutes) await options.extraRoutes(scope);
  });

  const servePage = await installWebApp(app);
  app.setNotFoundHandler((request, reply) => {
    if (methodNotAllowed(request, reply)) return reply;
    if (servePage(request, reply)) return reply;
    return sendProblem(request, reply, 'not_found', `Aucune ressource à l’adresse ${request.url.split('?')[0]}.`);
  });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
