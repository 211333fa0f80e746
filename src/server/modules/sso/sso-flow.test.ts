import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { createAgent, ensureDepartment, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { totpCodeAt } from '../identity/totp.ts';
import {
  Browser,
  browserOf,
  finishAuthorization,
  OUTSIDE_IP,
  registerClient,
  relyingParty,
  signIn,
  signInToApp,
  type SsoPortal,
  startAuthorization,
  startSsoPortal,
} from './sso-test-support.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`OpenID Connect provider: sign-in to an app (${kind})`, () => {
    let t: SsoPortal;
    before(async () => {
      t = await startSsoPortal(kind);
    });
    after(async () => t.close());

    const accessEvents = (agentId: string) =>
      t.database.db.selectFrom('application_access_events').select(['channel', 'outcome', 'detail']).where('agent_id', '=', agentId).orderBy('id').execute();

    test('publishes its discovery document and its public signing key', async () => {
      const discovery = await (await fetch(`${t.issuer}/.well-known/openid-configuration`)).json();
      assert.equal(discovery.issuer, t.issuer);
      assert.equal(discovery.authorization_endpoint, `${t.issuer}/auth`);
      assert.deepEqual(discovery.response_types_supported, ['code']);
      assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
      assert.deepEqual(discovery.scopes_supported, ['openid', 'profile', 'email', 'nomades']);
      assert.deepEqual(discovery.acr_values_supported, ['urn:nomades:pwd', 'urn:nomades:2fa']);
      assert.equal(discovery.backchannel_logout_supported, true);
      assert.equal(discovery.end_session_endpoint, `${t.issuer}/session/end`);
      for (const claim of ['badge_number', 'department', 'service', 'job_profile', 'roles', 'amr', 'acr']) assert.ok(discovery.claims_supported.includes(claim), claim);

      const jwks = await (await fetch(discovery.jwks_uri)).json();
      assert.equal(jwks.keys.length, 1);
      assert.equal(jwks.keys[0].alg, 'RS256');
      assert.equal(jwks.keys[0].d, undefined, 'no private part is published');
      const stored = await t.database.db.selectFrom('sso_signing_keys').select(['private_jwk_encrypted']).executeTakeFirstOrThrow();
      assert.doesNotMatch(stored.private_jwk_encrypted, /"d"/, 'the private key is stored encrypted');
    });

    test('an agent not yet signed in goes through the portal sign-in and back to the app, with their claims', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO', role: 'manager', firstName: 'Léa', lastName: 'Moreau' });
      const client = await registerClient(t);
      const config = await relyingParty(t, client);
      const authorization = await startAuthorization(config, client);

      const browser = new Browser(t.baseUrl);
      const toSignIn = await browser.follow(authorization.url.href);
      const interaction = new URL(toSignIn.location);
      assert.equal(interaction.pathname, '/connexion');
      const back = interaction.searchParams.get('retour') ?? '';
      assert.match(back, /^\/api\/sso\/interaction\/[\w-]+$/);

      const portal = await signIn(t, agent);
      for (const [name, value] of browserOf(t, portal).jar) browser.jar.set(name, value);
      const landed = await browser.follow(back);
      assert.ok(landed.location.startsWith(`${client.redirectUri}?`), landed.location);
      const callback = new URL(landed.location);
      assert.equal(callback.searchParams.get('iss'), t.issuer);

      const tokens = await finishAuthorization(config, authorization, landed.location);
      const idToken = tokens.claims();
      assert.equal(idToken?.sub, agent.agentId);
      assert.equal(idToken?.acr, 'urn:nomades:pwd');
      assert.deepEqual(idToken?.amr, ['pwd']);
      assert.ok(tokens.refresh_token, 'a refresh token comes with the code');

      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, agent.agentId);
      assert.equal(userinfo.badge_number, agent.badgeNumber);
      assert.equal(userinfo.given_name, 'Léa');
      assert.equal(userinfo.family_name, 'Moreau');
      assert.equal(userinfo.email, agent.email);
      assert.equal(userinfo.department, 'DASCO');
      assert.equal(userinfo.job_profile, 'agent-administratif');
      assert.deepEqual(userinfo.roles, ['manager']);

      assert.deepEqual(await accessEvents(agent.agentId), [{ channel: 'oidc', outcome: 'allowed', detail: null }]);
    });

    test('rotates refresh tokens: a used one is refused, and presenting it again revokes the whole grant', async () => {
      const agent = await createAgent(t.database.db);
      const client = await registerClient(t);
      const config = await relyingParty(t, client);
      const first = await signInToApp(config, client, browserOf(t, await signIn(t, agent)));

      const second = await oidc.refreshTokenGrant(config, first.refresh_token ?? '');
      assert.ok(second.refresh_token && second.refresh_token !== first.refresh_token, 'a new refresh token each time');
      assert.equal((await oidc.fetchUserInfo(config, second.access_token, agent.agentId)).sub, agent.agentId);

      await assert.rejects(oidc.refreshTokenGrant(config, first.refresh_token ?? ''), { error: 'invalid_grant' });
      await assert.rejects(oidc.refreshTokenGrant(config, second.refresh_token), { error: 'invalid_grant' }, 'a replay ends the grant');
      await assert.rejects(oidc.fetchUserInfo(config, second.access_token, agent.agentId), 'its access tokens too');
    });

    test('on a browser shared by two agents, the second one signs in to the app as themselves', async () => {
      const first = await createAgent(t.database.db);
      const second = await createAgent(t.database.db);
      const client = await registerClient(t);
      const config = await relyingParty(t, client);
      const firstPortal = await signIn(t, first);
      const browser = browserOf(t, firstPortal);
      assert.equal((await signInToApp(config, client, browser)).claims()?.sub, first.agentId);
      await firstPortal.post('/api/auth/logout');

      const secondPortal = await signIn(t, second);
      for (const [name, value] of browserOf(t, secondPortal).jar) browser.jar.set(name, value);
      const authorization = await startAuthorization(config, client);
      let landed = await browser.follow(authorization.url.href);
      // The provider still remembers the first agent: it signs them out (a form the page submits itself) first.
      assert.equal(landed.status, 200);
      assert.match(landed.response.headers.get('content-security-policy') ?? '', /script-src 'self' 'sha256-/, 'its one script allowed by hash');
      for (let forms = 0; forms < 3 && landed.status === 200; forms++) {
        const page = await landed.response.text();
        const action = page.match(/<form method="post" action="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
        const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        landed = await browser.follow(action, { form: fields });
      }
      const tokens = await finishAuthorization(config, authorization, landed.location);
      assert.equal(tokens.claims()?.sub, second.agentId);
      assert.equal((await secondPortal.get('/api/me')).statusCode, 200, 'the second agent stays signed in to the portal');
    });

    test('refuses an agent whose department the app does not admit, with a French page, and tells the app', async () => {
      const casvp = await ensureDepartment(t.database.db, 'CASVP');
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const client = await registerClient(t, { application: { name: 'Aides sociales', allowedDepartmentIds: [casvp] } });
      const config = await relyingParty(t, client);
      const authorization = await startAuthorization(config, client);
      const browser = browserOf(t, await signIn(t, agent));

      const refused = await browser.follow(authorization.url.href);
      assert.equal(refused.status, 403);
      assert.match(refused.response.headers.get('content-type') ?? '', /text\/html/);
      const page = await refused.response.text();
      assert.match(page, /<h1>Accès refusé<\/h1>/);
      assert.match(page, /« Aides sociales » : réservée à d’autres directions/);
      assert.equal(refused.response.headers.get('content-security-policy')?.includes("script-src"), false, 'no script on the page');

      const backToApp = page.match(/href="(\/api\/sso\/interaction\/[^"]+\/abort)"/)?.[1] ?? '';
      const answered = await browser.follow(backToApp);
      const callback = new URL(answered.location);
      assert.equal(`${callback.origin}${callback.pathname}`, client.redirectUri);
      assert.equal(callback.searchParams.get('error'), 'access_denied');
      assert.equal(callback.searchParams.get('state'), authorization.state);
      assert.deepEqual(await accessEvents(agent.agentId), [{ channel: 'oidc', outcome: 'denied', detail: 'réservée à d’autres directions' }]);
    });

    test('sends an agent signed in with a password to the step-up page when the app asks for a second factor', async () => {
      const agent = await createAgent(t.database.db);
      const client = await registerClient(t, { application: { insideAccess: 'second_factor' } });
      const config = await relyingParty(t, client);
      const authorization = await startAuthorization(config, client);

      const stepUp = await browserOf(t, await signIn(t, agent)).follow(authorization.url.href);
      const page = new URL(stepUp.location);
      assert.equal(page.pathname, '/connexion/verification-renforcee');
      assert.match(page.searchParams.get('retour') ?? '', /^\/api\/sso\/interaction\/[\w-]+$/);
      assert.deepEqual(await accessEvents(agent.agentId), [{ channel: 'oidc', outcome: 'step_up', detail: 'une vérification en deux étapes est demandée pour cette application' }]);
    });

    test('says in the ID token that a second factor was used (acr, amr)', async () => {
      const agent = await createAgent(t.database.db);
      const inside = await signIn(t, agent);
      await inside.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD });
      const enrolment = (await inside.post('/api/me/second-factors/totp', {})).json();
      const secret = String(enrolment.secret).replace(/\s/g, '');
      await inside.post(`/api/me/second-factors/totp/${enrolment.factorId}/confirm`, { code: totpCodeAt(secret, t.clock.now()) });

      const outside = testClient(t.app, { ip: OUTSIDE_IP });
      assert.equal((await outside.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json().next, 'second_factor');
      t.clock.advance(30_000);
      assert.equal((await outside.post('/api/auth/second-factor', { method: 'totp', code: totpCodeAt(secret, t.clock.now()) })).json().next, 'done');

      const client = await registerClient(t, { application: { outsideAccess: 'second_factor' } });
      const config = await relyingParty(t, client);
      const tokens = await signInToApp(config, client, browserOf(t, outside));
      assert.equal(tokens.claims()?.acr, 'urn:nomades:2fa');
      assert.deepEqual(tokens.claims()?.amr, ['pwd', 'otp']);
    });

    test('a public client signs in with PKCE only, and cannot without it', async () => {
      const agent = await createAgent(t.database.db);
      const client = await registerClient(t, { public: true });
      assert.equal(client.secret, null);
      const config = await relyingParty(t, client);
      const browser = browserOf(t, await signIn(t, agent));
      assert.equal((await signInToApp(config, client, browser)).claims()?.sub, agent.agentId);

      const withoutPkce = new URL(`${t.issuer}/auth`);
      withoutPkce.search = new URLSearchParams({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid', state: 'abc' }).toString();
      const refused = await browser.follow(withoutPkce.href);
      const callback = new URL(refused.location);
      assert.equal(callback.searchParams.get('error'), 'invalid_request');
      assert.match(callback.searchParams.get('error_description') ?? '', /PKCE/);
    });

    test('answers malformed requests with the standard OAuth errors, never redirecting to an unverified address', async () => {
      const agent = await createAgent(t.database.db);
      const client = await registerClient(t);
      const config = await relyingParty(t, client);
      const browser = browserOf(t, await signIn(t, agent));
      const authorize = (params: Record<string, string>) => `${t.issuer}/auth?${new URLSearchParams({ response_type: 'code', scope: 'openid', ...params })}`;

      const unknown = await browser.request(authorize({ client_id: 'inconnue', redirect_uri: client.redirectUri }));
      assert.equal(unknown.status, 400);
      assert.equal(unknown.headers.get('location'), null);
      assert.match(await unknown.text(), /Demande de connexion invalide[\s\S]*invalid_client/);

      const elsewhere = await browser.request(authorize({ client_id: client.clientId, redirect_uri: 'https://attaquant.example/cb' }));
      assert.equal(elsewhere.status, 400);
      assert.equal(elsewhere.headers.get('location'), null, 'no redirect to an address the client did not register');
      assert.match(await elsewhere.text(), /redirect_uri/);

      const unsupported = await browser.follow(authorize({ client_id: client.clientId, redirect_uri: client.redirectUri, response_type: 'token' }));
      // An implicit-flow response type: refused, in the fragment as that response type would have it.
      assert.equal(new URLSearchParams(new URL(unsupported.location).hash.slice(1)).get('error'), 'unsupported_response_type');

      // A code used twice: the second exchange fails and what the first one gave stops working.
      const authorization = await startAuthorization(config, client);
      const landed = await browser.follow(authorization.url.href);
      const tokens = await finishAuthorization(config, authorization, landed.location);
      await assert.rejects(finishAuthorization(config, authorization, landed.location), { error: 'invalid_grant' });
      await assert.rejects(oidc.fetchUserInfo(config, tokens.access_token, agent.agentId));
      await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token ?? ''), { error: 'invalid_grant' });

      const wrongSecret = await fetch(`${t.issuer}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:pas-le-bon`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x' }),
      });
      assert.equal(wrongSecret.status, 401);
      assert.equal((await wrongSecret.json()).error, 'invalid_client');
    });
  });
}
