import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import type { Db } from '../../db/connection.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { type AgentFixture, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { freePort } from '../../test-support/portal-process.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import type { TestDatabaseKind } from '../../test-support/test-database.ts';
import { createSsoClient } from './sso-clients.service.ts';

// What the provider's tests share: the portal on a real port of the loopback, an application registered as
// a client, a browser that follows redirects by hand, and a real relying party (openid-client).

export const INSIDE_IP = '10.4.4.4';
export const OUTSIDE_IP = '198.51.100.20';

export type SsoPortal = TestApp & { baseUrl: string; issuer: string };

/** The portal listening on 127.0.0.1; `publicUrl` names another instance's address behind a shared one. */
export async function startSsoPortal(kind: TestDatabaseKind, options: { database?: DatabaseHandle; publicUrl?: string; env?: Record<string, string> } = {}): Promise<SsoPortal> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const publicUrl = options.publicUrl ?? baseUrl;
  const t = await createTestApp(kind, {
    env: { PUBLIC_URL: publicUrl, INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '1000', ...options.env },
    ...(options.database ? { database: options.database } : {}),
  });
  await t.app.listen({ host: '127.0.0.1', port });
  return { ...t, baseUrl, issuer: `${publicUrl}/oidc` };
}

let applicationSequence = 0;

/** An application of kind 'oidc' with its rule (empty lists: every agent). */
export async function createOidcApplication(
  db: Db,
  options: { name?: string; allowedDepartmentIds?: string[]; insideAccess?: string; outsideAccess?: string } = {},
): Promise<{ id: string; slug: string }> {
  applicationSequence += 1;
  const slug = `appli-${applicationSequence}-${Math.random().toString(36).slice(2, 8)}`;
  const now = new Date();
  const row = await db
    .insertInto('applications')
    .values({
      slug,
      name: options.name ?? `Application ${applicationSequence}`,
      category: 'outils',
      kind: 'oidc',
      launch_url: `https://${slug}.paris.example/`,
      allowed_department_ids: options.allowedDepartmentIds ?? [],
      inside_access: options.insideAccess ?? 'password',
      outside_access: options.outsideAccess ?? 'second_factor',
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  return row;
}

export type RegisteredClient = { clientId: string; secret: string | null; redirectUri: string; postLogoutRedirectUri: string };

/** A client registered as an administrator would, for an application created for it. */
export async function registerClient(
  t: SsoPortal,
  options: { public?: boolean; backchannelLogoutUri?: string | null; application?: Parameters<typeof createOidcApplication>[1] } = {},
): Promise<RegisteredClient> {
  const application = await createOidcApplication(t.database.db, options.application);
  const redirectUri = `https://${application.slug}.paris.example/callback`;
  const postLogoutRedirectUri = `https://${application.slug}.paris.example/au-revoir`;
  const created = await createSsoClient(
    t.app.ctx,
    {
      applicationId: application.id,
      public: options.public ?? false,
      redirectUris: [redirectUri],
      postLogoutRedirectUris: [postLogoutRedirectUri],
      backchannelLogoutUri: options.backchannelLogoutUri ?? null,
    },
    { agentId: null, label: 'test', ip: null },
  );
  return { clientId: created.clientId, secret: created.clientSecret, redirectUri, postLogoutRedirectUri };
}

/** The app's side: openid-client configured from the portal's discovery document. */
export function relyingParty(t: Pick<SsoPortal, 'issuer'>, client: RegisteredClient): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(t.issuer),
    client.clientId,
    { redirect_uris: [client.redirectUri] },
    client.secret ? oidc.ClientSecretBasic(client.secret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] },
  );
}

// A browser on the loopback: keeps cookies (paths aside), follows redirects one by one.
export class Browser {
  readonly jar = new Map<string, string>();
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(url, this.baseUrl), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(cookie ? { cookie } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = value === '' || attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a));
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  /** Follows the portal's redirects; stops at a page, or at the first redirect that leaves the portal. */
  async follow(url: string, init: { form?: Record<string, string> } = {}): Promise<{ status: number; location: string; response: Response }> {
    let response = await this.request(url, init);
    let location = new URL(url, this.baseUrl).href;
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
      location = new URL(response.headers.get('location') ?? '', location).href;
      if (!location.startsWith(this.baseUrl)) return { status: response.status, location, response };
      response = await this.request(location);
    }
    return { status: response.status, location, response };
  }
}

/** Signs the agent in through the portal's API (password, from the city network unless told). */
export async function signIn(t: SsoPortal, agent: AgentFixture, ip = INSIDE_IP): Promise<TestClient> {
  const client = testClient(t.app, { ip });
  const login = await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
  assert.equal(login.json().next, 'done', login.body);
  return client;
}

/** A browser carrying the portal session of `portalClient`. */
export function browserOf(t: Pick<SsoPortal, 'baseUrl'>, portalClient: TestClient): Browser {
  const browser = new Browser(t.baseUrl);
  const session = portalClient.cookie(SESSION_COOKIE);
  if (session) browser.jar.set(SESSION_COOKIE, session);
  return browser;
}

export type Authorization = { url: URL; verifier: string; state: string; nonce: string };

/** The app sends the browser to the portal: code flow, PKCE, state and nonce. */
export async function startAuthorization(config: oidc.Configuration, client: RegisteredClient, extra: Record<string, string> = {}): Promise<Authorization> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: client.redirectUri,
    scope: 'openid profile email nomades',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

/** Back at the app with a code: it exchanges it for tokens. */
export function finishAuthorization(config: oidc.Configuration, authorization: Authorization, callback: string) {
  return oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: authorization.verifier,
    expectedState: authorization.state,
    expectedNonce: authorization.nonce,
  });
}

/** The whole flow for a browser already signed in to the portal. */
export async function signInToApp(config: oidc.Configuration, client: RegisteredClient, browser: Browser) {
  const authorization = await startAuthorization(config, client);
  const landed = await browser.follow(authorization.url.href);
  assert.ok(landed.location.startsWith(client.redirectUri), `expected a redirect to the app, got ${landed.status} ${landed.location}`);
  return finishAuthorization(config, authorization, landed.location);
}

/** An app's back-channel logout endpoint: records the logout tokens it receives; `failures` first answers 500. */
export async function logoutReceiver(failures = 0): Promise<{ uri: string; tokens: string[]; close(): Promise<void> }> {
  const tokens: string[] = [];
  let toFail = failures;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (toFail > 0) {
        toFail -= 1;
        response.writeHead(500).end();
        return;
      }
      const token = new URLSearchParams(body).get('logout_token');
      if (token) tokens.push(token);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return { uri: `http://localhost:${port}/backchannel-logout`, tokens, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
