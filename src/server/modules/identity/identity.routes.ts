import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { connectionHistoryRoutes } from './connection-history.routes.ts';
import { enrolmentRoutes } from './enrolment.routes.ts';
import { secondFactorRoutes } from './second-factor.routes.ts';
import { passwordRoutes } from './password.routes.ts';
import { sessionsRoutes } from './sessions.routes.ts';
import { signInRoutes } from './sign-in.routes.ts';

export async function identityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest('session', null);
  await signInRoutes(app, ctx);
  await passwordRoutes(app, ctx);
  await sessionsRoutes(app, ctx);
  await connectionHistoryRoutes(app, ctx);
  await secondFactorRoutes(app, ctx);
  await enrolmentRoutes(app, ctx);
}
