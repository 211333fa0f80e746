import type { FastifyInstance } from 'fastify';

export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/openapi.json',
    { schema: { operationId: 'getOpenApiDocument', tags: ['plateforme'], summary: 'Ce document OpenAPI 3.1', hide: true } },
    async () => app.swagger(),
  );
}
