import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { agentImportRoutes } from './agent-import.routes.ts';
import { agentsRoutes } from './agents.routes.ts';
import { lifecycleRoutes } from './lifecycle.routes.ts';

// HR officers administering the accounts of the agents of their department, under /api/hr.
export async function hrAccountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await agentsRoutes(app, ctx);
  await lifecycleRoutes(app, ctx);
  await agentImportRoutes(app, ctx);
}
