import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { resolveSession, signOutSession } from '../identity/index.ts';
import { clientInfoOf, fastifyRequestOf } from './request-bridge.ts';
import { recordSid } from './sso-grants.repo.ts';

// What the portal adds around oidc-provider's own handling of a request.
export function installProviderMiddleware(ctx: AppContext, provider: Provider): void {
  provider.use(async (koa, next) => {
    await next();
    allowFormTargets(koa);
    if (koa.status === 303 && (koa.oidc?.route === 'resume' || koa.oidc?.route === 'authorization')) await rememberSid(ctx, koa);
    if (koa.status === 303 && koa.oidc?.route === 'end_session_confirm' && koa.oidc.params?.logout) await endPortalSession(ctx, koa);
  });
}

// A form of ours leading, after the portal, to the app (form_post answers, the sign-out confirmation): the
// page's policy must allow that address, verified against the client's registration, and no other.
function allowFormTargets(koa: KoaContextWithOIDC): void {
  const { client, params } = koa.oidc ?? {};
  if (!client || !params) return;
  const targets = new Set<string>();
  if (typeof params.redirect_uri === 'string' && client.redirectUriAllowed(params.redirect_uri)) targets.add(new URL(params.redirect_uri).origin);
  const afterLogout = params.post_logout_redirect_uri;
  if (typeof afterLogout === 'string' && client.postLogoutRedirectUriAllowed(afterLogout)) targets.add(new URL(afterLogout).origin);
  const policy = koa.response.get('content-security-policy');
  if (targets.size === 0 || !policy) return;
  koa.set('content-security-policy', policy.replace(/form-action [^;]*/, `form-action 'self' ${[...targets].join(' ')}`));
}

// The session id the app has in its ID token: its back-channel logout token names it.
async function rememberSid(ctx: AppContext, koa: KoaContextWithOIDC): Promise<void> {
  const grant = koa.oidc.entities.Grant;
  const clientId = koa.oidc.client?.clientId;
  const sid = clientId ? koa.oidc.session?.sidFor(clientId) : undefined;
  if (grant?.jti && sid) await recordSid(ctx.db, grant.jti, sid);
}

// An app's sign-out (RP-initiated logout) signs the agent out of the portal too, and so of every other
// app. Only when the provider's session was this same agent's: a browser where someone else has since
// signed in to the portal keeps that other person's session.
async function endPortalSession(ctx: AppContext, koa: KoaContextWithOIDC): Promise<void> {
  const request = fastifyRequestOf(koa.req);
  const token = request?.cookies[SESSION_COOKIE];
  const account = koa.oidc.session?.accountId;
  if (!request || !token || !account) return;
  const session = await resolveSession(ctx, token, () => clientInfoOf(ctx, koa.req), { touch: false });
  if (!session || session.agentId !== account) return;
  await signOutSession(ctx, session, clientInfoOf(ctx, koa.req));
  // The same attributes as the session cookie (cookies.ts), so that the browser drops that very cookie.
  koa.append('set-cookie', request.server.serializeCookie(SESSION_COOKIE, '', { path: '/', httpOnly: true, secure: true, sameSite: 'lax', expires: new Date(0) }));
}
