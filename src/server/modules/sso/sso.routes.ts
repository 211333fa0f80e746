import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { interactionRoutes } from './interaction.routes.ts';
import { mountProvider } from './oidc-mount.ts';
import { providerSource } from './provider-instance.ts';
import { ssoClientRoutes } from './sso-clients.routes.ts';

// The portal as an OpenID Connect provider: the protocol under /oidc, the agent's interactions, and the
// administrators' registry of clients.
export async function ssoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const source = providerSource(ctx, app.log);
  await interactionRoutes(app, ctx, source);
  await mountProvider(app, ctx, source);
  await ssoClientRoutes(app, ctx);
}
