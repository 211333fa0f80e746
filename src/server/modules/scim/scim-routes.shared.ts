import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { DEFAULT_COUNT, MAX_RESULTS, SCIM_CONTENT_TYPE } from './scim-protocol.ts';
import type { ScimCall } from './scim-users.service.ts';
import type { ScimClient } from './scim-tokens.service.ts';
import type { AppContext } from '../../app-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    scimClient: ScimClient | null;
  }
}

export const tags = ['SCIM'];

// Hidden from /api/openapi.json: SCIM's contract is RFC 7643/7644 and its own discovery endpoints.
export const hide = true;

export const IdParams = z.object({ id: z.string().max(200) });

export const ListQuery = z.object({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ProjectionQuery = ListQuery.pick({ attributes: true, excludedAttributes: true });
export type ProjectionQuery = z.infer<typeof ProjectionQuery>;

export const ScimResourceSchema = z.looseObject({ schemas: z.array(z.string()) });
export const ScimListSchema = z.looseObject({ schemas: z.array(z.string()), totalResults: z.number(), Resources: z.array(z.looseObject({})) });

/** RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0, and count is capped. */
export function paging(query: ListQuery): { startIndex: number; count: number } {
  return {
    startIndex: Math.max(1, query.startIndex ?? 1),
    count: Math.min(MAX_RESULTS, Math.max(0, query.count ?? DEFAULT_COUNT)),
  };
}

export function scimCall(ctx: AppContext, request: FastifyRequest): ScimCall {
  if (!request.scimClient) throw new AppError('unauthenticated');
  return { ctx, client: request.scimClient, ip: request.ip, method: request.method };
}

export function sendScim(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type(SCIM_CONTENT_TYPE).send(body);
}
