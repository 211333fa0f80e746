import type { FastifyRequest } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';

const secretQueryParams = /([?&](?:token|code|password|secret|state|id_token_hint)=)[^&]*/gi;

// Secrets never reach the log: cookies, tokens, passwords, second-factor codes, bank details.
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.token',
  '*.code',
  '*.secret',
  '*.iban',
  '*.bic',
  '*.cookie',
  '*.authorization',
];

export function redactUrl(url: string): string {
  return url.replace(secretQueryParams, '$1[redacted]');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      }),
      err: pino.stdSerializers.err,
    },
    },
    destination,
  );
}
