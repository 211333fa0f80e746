import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorTable, type FieldError } from '../../http/errors.ts';
import { isDatabaseDown } from '../../http/error-handler.ts';
import { ERROR, SCIM_CONTENT_TYPE } from './scim-protocol.ts';

// SCIM clients read errors in RFC 7644 §3.12's shape, not problem+json: the same AppError codes, rendered
// with SCIM's status string and scimType. A FieldError's `rule` carries the scimType when it is one.

export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

const scimTypes = new Set<string>(['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive']);

const scimTypeOfCode: Partial<Record<ErrorCode, ScimType>> = {
  validation_failed: 'invalidValue',
  malformed_json: 'invalidSyntax',
  bad_request: 'invalidSyntax',
  conflict: 'uniqueness',
};

/** A 400 naming the attribute at fault, for the SCIM layer's own checks. */
export function scimInvalid(scimType: ScimType, attribute: string, message: string): AppError {
  return new AppError('validation_failed', undefined, { errors: [{ field: attribute, rule: scimType, message }] });
}

export type ScimErrorBody = { schemas: string[]; status: string; scimType?: string; detail: string };

export function scimErrorBody(code: ErrorCode, detail: string | undefined, errors: readonly FieldError[] = []): ScimErrorBody {
  const { status, title } = errorTable[code];
  const typed = errors.find((e) => e.rule && scimTypes.has(e.rule))?.rule;
  const scimType = status === 400 || status === 409 ? (typed ?? scimTypeOfCode[code]) : undefined;
  const fields = errors.map((e) => (e.field ? `${e.field} : ${e.message}` : e.message));
  const body: ScimErrorBody = { schemas: [ERROR], status: String(status), detail: [detail ?? (fields.length ? '' : title), ...fields].filter(Boolean).join(' ; ') };
  if (scimType) body.scimType = scimType;
  return body;
}

export function sendScimError(reply: FastifyReply, code: ErrorCode, detail?: string, errors?: readonly FieldError[]): FastifyReply {
  const body = scimErrorBody(code, detail, errors);
  if (code === 'unauthenticated') reply.header('www-authenticate', 'Bearer realm="nomades-scim"');
  return reply.code(Number(body.status)).type(SCIM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** 501 (RFC 7644 §3.12): what SCIM allows but Nomades does not do, said plainly. Not an AppError: only routes answer it. */
export function sendScimNotImplemented(reply: FastifyReply, detail: string): FastifyReply {
  const body: ScimErrorBody = { schemas: [ERROR], status: '501', detail };
  return reply.code(501).type(SCIM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/** The error handler of the /scim/v2 scope. */
export function scimErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, error.message);
    return sendScimError(reply, error.code, error.detail, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: String(issue.instancePath).split('/').filter(Boolean).join('.') || String(error.validationContext),
      message: issue.message ?? 'valeur invalide',
    }));
    return sendScimError(reply, 'validation_failed', undefined, errors);
  }
  const mapped = error.code ? frameworkCodes[error.code] : undefined;
  if (mapped) return sendScimError(reply, mapped, mapped === 'malformed_json' ? 'Le corps de la requête n’est pas un JSON valide.' : undefined);
  // JSON syntax errors and prototype-poisoning attempts, from the body parser.
  if (error instanceof SyntaxError || error.statusCode === 400) return sendScimError(reply, 'malformed_json', 'Le corps de la requête n’est pas un JSON valide.');
  if (isDatabaseDown(error)) {
    request.log.error({ err: error }, 'database unreachable');
    return sendScimError(reply, 'service_unavailable', 'La base de données ne répond pas.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendScimError(reply, 'internal', `Erreur interne (requête ${request.id}).`);
}
