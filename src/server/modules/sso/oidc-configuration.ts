import type { JWK } from 'jose';
import { type Configuration, errors, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import { createAdapter } from './oidc-adapter.ts';
import { findAccountFor } from './oidc-account.ts';
import { SIGNING_ALG } from './signing-keys.ts';
import { renderSsoPage, type SsoPage, ssoPages } from './sso-pages.ts';
import { INTERACTION_PREFIX } from './sso-paths.ts';

/** acr values: whether the portal session proved a second factor. */
export const ACR_PASSWORD = 'urn:nomades:pwd';
export const ACR_SECOND_FACTOR = 'urn:nomades:2fa';

const MINUTE = 60;

// What each scope gives an app. `nomades` is the city's own: where the agent works and what they may do.
// Every ID token says how the agent signed in (acr, amr), without the app having to ask.
export const claimsByScope = {
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  profile: ['given_name', 'family_name', 'name'],
  email: ['email', 'email_verified'],
  nomades: ['badge_number', 'department', 'service', 'job_profile', 'roles'],
  sid: null,
  iss: null,
};
export const supportedScopes = ['openid', 'profile', 'email', 'nomades'];

/** Shows one of our pages as the provider's answer. */
export function sendPage(koa: KoaContextWithOIDC, page: SsoPage, status = page.status): void {
  const { html, csp } = renderSsoPage(page);
  koa.status = status;
  koa.type = 'html';
  koa.set('content-security-policy', csp);
  koa.body = html;
}

// Every authorisation goes through our interaction, whatever the provider's own session says: there the
// portal session and the application's rule are checked, each time.
function policy() {
  const base = interactionPolicy.base();
  base.get('login')?.checks.add(new interactionPolicy.Check('portal_session', 'the portal session is checked at every authorisation', (koa) => !koa.oidc.result?.login), 0);
  return base;
}

export function providerConfiguration(ctx: AppContext, signingKeys: JWK[], cookieKeys: string[]): Configuration {
  const lifetime = Math.floor(ctx.config.auth.sessionAbsoluteMs / 1000);
  return {
    adapter: createAdapter(ctx),
    findAccount: findAccountFor(ctx),
    jwks: { keys: signingKeys },
    claims: claimsByScope,
    scopes: supportedScopes,
    acrValues: [ACR_PASSWORD, ACR_SECOND_FACTOR],
    responseTypes: ['code'],
    pkce: { required: (_koa: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: SIGNING_ALG,
      token_endpoint_auth_method: 'client_secret_basic',
    },
    clientAuthMethods: ['client_secret_basic', 'none'],
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALG], userinfoSigningAlgValues: [SIGNING_ALG] },
    allowOmittingSingleRegisteredRedirectUri: false,
    // Consent is implicit for the city's own apps: a refresh token comes with every code, no offline_access.
    issueRefreshToken: async (_koa: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // Tokens follow the portal session through the grant's link (oidc-account.ts), not the provider's cookie.
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: 10 * MINUTE,
      Interaction: 30 * MINUTE,
      RefreshToken: lifetime,
      Grant: lifetime,
      Session: lifetime,
    },
    cookies: {
      names: { session: 'nomades-oidc-session', interaction: 'nomades-oidc-interaction', resume: 'nomades-oidc-resume' },
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
      keys: cookieKeys,
    },
    interactions: { policy: policy(), url: (_koa: unknown, interaction: { uid: string }) => `${INTERACTION_PREFIX}/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (koa: KoaContextWithOIDC, form: string) => {
          const target = koa.oidc.params?.post_logout_redirect_uri;
          sendPage(koa, ssoPages.signOut(form, typeof target === 'string' ? [new URL(target).origin] : [], koa.oidc.client?.clientName));
        },
        postLogoutSuccessSource: async (koa: KoaContextWithOIDC) => sendPage(koa, ssoPages.signedOut()),
      },
      revocation: { enabled: true, allowedPolicy: async (_koa: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    clientBasedCORS: (_koa: unknown, origin: string, client: { redirectUris: string[] }) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    // The provider has set the status (400, 401, 500); never a redirect to an address it could not verify.
    renderError: async (koa: KoaContextWithOIDC, out: { error: string; error_description?: string }, error: unknown) => {
      const reference = String(koa.res.getHeader('x-request-id') ?? '');
      const page = error instanceof errors.SessionNotFound ? ssoPages.expired() : ssoPages.invalidRequest(out.error, out.error_description, reference);
      sendPage(koa, page, koa.status);
    },
    discovery: { ui_locales_supported: ['fr'], claims_locales_supported: ['fr'] },
  };
}
