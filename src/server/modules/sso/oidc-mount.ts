import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { OIDC_PREFIX } from './sso-paths.ts';
import type { ProviderSource } from './provider-instance.ts';
import { rememberRequest } from './request-bridge.ts';

// oidc-provider (a Koa application) answers everything under /oidc: discovery, keys, authorisation, token,
// userinfo, revocation, sign-out. It reads its own request bodies and has its own protections (state,
// PKCE, client authentication, its signed cookies), so the portal's CSRF check, limited to /api/, does not
// apply here.
export async function mountProvider(app: FastifyInstance, ctx: AppContext, source: ProviderSource): Promise<void> {
  const publicUrl = new URL(ctx.config.publicUrl);
  await app.register(async (scope) => {
    // Left unread for the provider, which bounds them itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    scope.all(`${OIDC_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
      const { handle } = await source.current();
      reply.hijack();
      // The portal's security headers (set on every request) go out with the provider's answers too.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      const req = request.raw as IncomingMessage & { originalUrl?: string };
      req.originalUrl = req.url;
      req.url = (req.url ?? '').slice(OIDC_PREFIX.length) || '/';
      // The provider builds its addresses from these: the public address, and the client address Fastify
      // worked out from the proxies it trusts, whatever the client sent.
      req.headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '');
      req.headers['x-forwarded-host'] = publicUrl.host;
      req.headers['x-forwarded-for'] = request.ip;
      rememberRequest(request);
      await handle(req, reply.raw);
    });
  });
}
