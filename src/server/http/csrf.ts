import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { randomToken } from '../security/keys.ts';
import { CSRF_COOKIE, csrfCookieOptions } from './cookies.ts';
import { AppError } from './errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CsrfTokenResponse = z.object({ token: z.string() }).meta({ id: 'CsrfToken' });

// Signed double-submit: the cookie holds a random value, the header must carry its HMAC. A site that
// cannot read our cookies cannot compute it, and the sign-in itself is covered (no login CSRF).
export async function csrfProtection(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers['x-csrf-token'];
    if (!cookie || typeof header !== 'string' || !ctx.keys.verifyMac('csrf', cookie, header)) {
      throw new AppError('csrf_failed', 'Jeton anti-CSRF absent ou invalide : rechargez la page et recommencez.');
    }
  });

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        operationId: 'getCsrfToken',
        tags: ['authentification'],
        summary: 'Jeton anti-CSRF à renvoyer dans l’en-tête X-CSRF-Token de toute requête qui modifie',
        response: { 200: CsrfTokenResponse },
      },
    },
    async (request, reply) => {
      let value = request.cookies[CSRF_COOKIE];
      if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
        value = randomToken();
        reply.setCookie(CSRF_COOKIE, value, csrfCookieOptions);
      }
      return { token: ctx.keys.mac('csrf', value) };
    },
  );
}
