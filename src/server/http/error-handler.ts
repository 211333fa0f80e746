import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import FindMyWay from 'find-my-way';
import { AppError, type ErrorCode, errorTable, type FieldError } from './errors.ts';
import { sendProblem } from './problem.ts';

// Connection-level failures of PostgreSQL (or of the pool in front of it): the database is down, not the request.
const databaseDownCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && databaseDownCodes.has(e.code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|PGlite is closed|database did not answer/i.test(
    message,
  );
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

// The generic code of each status is the first one the table lists for it.
const codeByStatus = new Map<number, ErrorCode>();
for (const [code, { status }] of Object.entries(errorTable)) {
  if (!codeByStatus.has(status)) codeByStatus.set(status, code as ErrorCode);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(request, reply, error.code, error.detail, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((issue) => ({
        field: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'valeur invalide',
      }));
      return sendProblem(request, reply, 'validation_failed', undefined, errors);
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped, error.message);
    if (error instanceof SyntaxError && error.statusCode === 400) return sendProblem(request, reply, 'malformed_json');
    if (isDatabaseDown(error)) {
      request.log.error({ err: error }, 'database unreachable');
      return sendProblem(request, reply, 'service_unavailable', 'La base de données ne répond pas.');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, codeByStatus.get(status) ?? 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    // 5xx details stay in the log: the client only gets the request id to quote to support.
    return sendProblem(request, reply, 'internal');
  });
}

// A second router that knows every registered path, so an unknown method on a known path gets 405, not 404.
export function trackRoutesForMethodNotAllowed(app: FastifyInstance): (request: FastifyRequest, reply: FastifyReply) => boolean {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  const allowed = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    // The static files' catch-all would make every path look known.
    if (route.url.includes('*')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let set = allowed.get(route.url);
    if (!set) {
      set = new Set();
      allowed.set(route.url, set);
      router.on('GET', route.url, () => {}, { url: route.url });
    }
    for (const m of methods) set.add(m);
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const found = router.find('GET', path);
    const pattern = (found?.store as { url?: string } | undefined)?.url;
    const methods = pattern ? allowed.get(pattern) : undefined;
    if (!methods || methods.has(request.method)) return false;
    reply.header('Allow', [...methods].sort().join(', '));
    sendProblem(request, reply, 'method_not_allowed');
    return true;
  };
}

// Errors the router raises before any route or hook runs (malformed or oversized URLs).
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(request, reply, (error.code ? fastifyCodes[error.code] : undefined) ?? 'bad_request');
}
