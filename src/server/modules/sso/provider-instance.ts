import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { Provider } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import { providerConfiguration } from './oidc-configuration.ts';
import { OIDC_PREFIX } from './sso-paths.ts';
import { installProviderMiddleware } from './provider-middleware.ts';
import { ensureSigningKey, listSigningKeys, orderForSigning, privateJwkOf } from './signing-keys.ts';

// How often an instance looks for a key published or retired by another one (the rotation job runs on one
// instance; a new key is published two days before it signs, so a minute's delay is harmless).
const KEY_CHECK_MS = 60_000;

export type ProviderInstance = { provider: Provider; handle(req: IncomingMessage, res: ServerResponse): Promise<void> };
export type ProviderSource = { current(): Promise<ProviderInstance> };

// One provider per instance, rebuilt when the set of signing keys changes: oidc-provider takes its keys
// at construction. Everything else it needs lives in the database (oidc-adapter.ts).
export function providerSource(ctx: AppContext, log: FastifyBaseLogger): ProviderSource {
  let built: (ProviderInstance & { keySet: string; checkedAt: number }) | undefined;
  let refreshing: Promise<ProviderInstance> | undefined;

  async function refresh(): Promise<ProviderInstance> {
    const now = ctx.clock.now();
    if (!built) await ensureSigningKey(ctx);
    const keys = orderForSigning(await listSigningKeys(ctx.db), now);
    const keySet = keys.map((key) => key.kid).join(' ');
    if (built && built.keySet === keySet) {
      built.checkedAt = now.getTime();
      return built;
    }
    const provider = new Provider(`${ctx.config.publicUrl}${OIDC_PREFIX}`, providerConfiguration(ctx, keys.map((key) => privateJwkOf(ctx, key)), cookieKeys(ctx)));
    // The mount sets the forwarded headers from PUBLIC_URL and the client address Fastify trusted.
    provider.proxy = true;
    installProviderMiddleware(ctx, provider);
    // Logout tokens go out through the portal's outbox (backchannel-logout.ts), retried until the app
    // answers, for every way a portal session ends: the provider's own one-shot delivery is turned off.
    provider.Client.prototype.backchannelLogout = async () => {};
    provider.on('server_error', (_koa, error) => log.error({ err: error }, 'connexion unique : erreur du fournisseur OpenID Connect'));
    // Koa would print its own errors to stderr: they go to the portal's log instead.
    provider.on('error', (error) => log.error({ err: error }, 'connexion unique : erreur du fournisseur OpenID Connect'));
    built = { provider, handle: provider.callback(), keySet, checkedAt: now.getTime() };
    return built;
  }

  return {
    async current() {
      if (built && ctx.clock.now().getTime() - built.checkedAt < KEY_CHECK_MS) return built;
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}

// The provider's cookies are signed with a key every instance derives from SECRET_KEY.
function cookieKeys(ctx: AppContext): string[] {
  return [ctx.keys.mac('sso-cookie', 'oidc-provider cookies')];
}
