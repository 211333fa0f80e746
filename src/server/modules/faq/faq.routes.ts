import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';

// Placeholder until the module's routes are written.
export async function faqRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
