import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { DepartmentListResponse } from './organisation.schema.ts';
import { listDepartments } from './organisation.service.ts';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/departments',
    {
      schema: {
        operationId: 'listDepartments',
        tags: ['organisation'],
        summary: 'Les directions de la collectivité (information publique)',
        response: { 200: DepartmentListResponse },
      },
    },
    async () => ({ items: await listDepartments(ctx.db) }),
  );
}
