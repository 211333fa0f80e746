import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { signInRoutes } from './sign-in.routes.ts';

export async function identityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest('session', null);
  await signInRoutes(app, ctx);
}
