import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ErrorCode, errorTable, type FieldError } from './errors.ts';

// RFC 9457 problem details, the shape of every error the API answers.
export const ProblemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string().optional(), rule: z.string().optional(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type ProblemResponse = z.infer<typeof ProblemResponse>;

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: readonly FieldError[],
): FastifyReply {
  const { status, title } = errorTable[code];
  const body: ProblemResponse = {
    type: `/api/problems/${code}`,
    title,
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (detail) body.detail = detail;
  if (errors && errors.length > 0) body.errors = [...errors];
  // The route's response schema does not describe problems: bypass its serializer.
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

// For 202 and 204 answers, which have no body.
export const NoContent = z.null().describe('Pas de contenu');
