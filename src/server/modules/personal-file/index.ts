import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { hrFileRoutes } from './hr-file.routes.ts';
import { myFileRoutes } from './my-file.routes.ts';

export async function personalFileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await myFileRoutes(app, ctx);
  await hrFileRoutes(app, ctx);
}

export { seedPersonalFiles } from './personal-file.seed.ts';
export { PersonalFileResponse } from './personal-file.schema.ts';
