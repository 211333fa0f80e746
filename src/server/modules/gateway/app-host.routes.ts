import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { hashToken, randomToken } from '../../security/keys.ts';
import { CallbackQuery, HandoffQuery } from './gateway.schema.ts';
import { answers, sendGatewayAnswer } from './gateway-pages.ts';
import { mountOf } from './gateway-place.ts';
import type { GatewayDeps } from './gateway-proxy.ts';
import * as repo from './gateway.repo.ts';
import { APP_HOST_COOKIE, sealAppHostCookie, visitOf } from './gateway-visit.ts';
import { CALLBACK_PATH, HANDOFF_PATH, portalSignIn, portalStepUp } from './portal-links.ts';

const HANDOFF_VALIDITY_MS = 60_000;
const handoffLabel = 'handoff';

// Only a path on the app's host: never another site.
const safePath = (value: string | undefined) => (value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/');

/**
 * The portal's session cookie never leaves the portal's host. An app on a host of its own (proxied by the
 * gateway, or behind nginx / Traefik with forward-auth) gets a sealed copy through a one-time code: the portal
 * checks the rule and issues the code, the app's host trades it for its own cookie.
 */
export async function appHostRoutes(app: FastifyInstance, deps: GatewayDeps): Promise<void> {
  const { ctx, apps } = deps;
  const proto = new URL(ctx.config.publicUrl).protocol;
  const send = (request: FastifyRequest, reply: FastifyReply, answer: Parameters<typeof sendGatewayAnswer>[2]) =>
    sendGatewayAnswer(request, reply, answer, ctx.config.publicUrl);

  app.get(HANDOFF_PATH, { schema: { hide: true, querystring: HandoffQuery } }, async (request, reply) => {
    const query = request.query as { app: string; retour?: string };
    const published = await apps.bySlug(query.app);
    if (!published) return send(request, reply, answers.unknownApp());
    const returnPath = safePath(query.retour);
    if (!published.host) return reply.redirect(`${mountOf(published.slug)}${returnPath}`, 303);
    const token = request.cookies[SESSION_COOKIE];
    const visit = await visitOf(ctx, request, published, token);
    if (visit.outcome === 'signed_out' || !token) return reply.redirect(portalSignIn(request.url), 303);
    if (visit.outcome === 'step_up') return reply.redirect(portalStepUp(request.url), 303);
    if (visit.outcome === 'denied') return send(request, reply, answers.denied(published.name, visit.reason));
    const code = randomToken();
    const now = ctx.clock.now();
    await repo.storeHandoff(ctx.db, {
      codeHash: hashToken(code),
      applicationId: published.id,
      sessionTokenEncrypted: ctx.keys.encrypt('gateway-signature', `${handoffLabel}\n${token}`),
      returnPath,
      expiresAt: new Date(now.getTime() + HANDOFF_VALIDITY_MS),
      now,
    });
    return reply.redirect(`${proto}//${published.host}${CALLBACK_PATH}?${new URLSearchParams({ code })}`, 303);
  });

  app.get(CALLBACK_PATH, { schema: { hide: true, querystring: CallbackQuery } }, async (request, reply) => {
    // The host first: a code sent to the wrong host must stay usable on the right one.
    const published = await apps.byHost(request.headers.host ?? '');
    const taken = published ? await repo.takeHandoff(ctx.db, hashToken((request.query as { code: string }).code), published.id, ctx.clock.now()) : undefined;
    if (!published || !taken) {
      return send(request, reply, answers.handoffExpired());
    }
    const [label, token] = ctx.keys.decrypt('gateway-signature', taken.session_token_encrypted).split('\n');
    if (label !== handoffLabel || !token) return send(request, reply, answers.handoffExpired());
    reply.setCookie(APP_HOST_COOKIE, sealAppHostCookie(ctx, published.slug, token), { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
    return reply.redirect(taken.return_path, 303);
  });
}
