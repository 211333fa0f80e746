import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { createLogger } from '../../http/logger.ts';
import { createAgent } from '../../test-support/fixtures.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { deliverSsoLogouts } from './backchannel-logout.ts';
import { browserOf, logoutReceiver, registerClient, relyingParty, signIn, signInToApp, type SsoPortal, startSsoPortal } from './sso-test-support.ts';

reportSkippedPostgres();

const log = createLogger('silent');
const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

for (const kind of testDatabaseKinds()) {
  describe(`OpenID Connect provider: signing out (${kind})`, () => {
    let t: SsoPortal;
    const receivers: Array<{ close(): Promise<void> }> = [];
    before(async () => {
      t = await startSsoPortal(kind);
    });
    after(async () => {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      await t.close();
    });

    async function appWithBackchannel(failures = 0) {
      const receiver = await logoutReceiver(failures);
      receivers.push(receiver);
      const client = await registerClient(t, { backchannelLogoutUri: receiver.uri });
      return { receiver, client, config: await relyingParty(t, client) };
    }

    // What an app checks in a logout token before ending its own session.
    async function verifiedLogout(token: string, clientId: string) {
      assert.equal(decodeProtectedHeader(token).typ, 'logout+jwt');
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${t.issuer}/jwks`)), { issuer: t.issuer, audience: clientId });
      assert.deepEqual(payload.events, { [BACKCHANNEL_EVENT]: {} });
      assert.equal(payload.nonce, undefined);
      return payload;
    }

    const runLogoutJob = () => deliverSsoLogouts(t.app.ctx, t.clock.now(), log);

    test('an app’s sign-out (RP-initiated) signs the agent out of the portal and of the other apps', async () => {
      const agent = await createAgent(t.database.db);
      const portal = await signIn(t, agent);
      const browser = browserOf(t, portal);
      const webmail = await appWithBackchannel();
      const leave = await appWithBackchannel();
      const webmailTokens = await signInToApp(webmail.config, webmail.client, browser);
      const leaveTokens = await signInToApp(leave.config, leave.client, browser);

      const endSession = oidc.buildEndSessionUrl(webmail.config, {
        id_token_hint: webmailTokens.id_token ?? '',
        post_logout_redirect_uri: webmail.client.postLogoutRedirectUri,
        state: 'au-revoir',
      });
      const confirmation = await browser.request(endSession.href);
      assert.equal(confirmation.status, 200);
      const page = await confirmation.text();
      assert.match(page, /<h1>Se déconnecter<\/h1>/);
      assert.match(confirmation.headers.get('content-security-policy') ?? '', new RegExp(`form-action 'self' ${new URL(webmail.client.postLogoutRedirectUri).origin}`));
      const action = page.match(/<form id="op.logoutForm" method="post" action="([^"]+)"/)?.[1] ?? '';
      const xsrf = page.match(/name="xsrf" value="([^"]+)"/)?.[1] ?? '';

      const signedOut = await browser.request(action, { form: { xsrf, logout: 'yes' } });
      assert.equal(signedOut.status, 303);
      assert.equal(signedOut.headers.get('location'), `${webmail.client.postLogoutRedirectUri}?state=au-revoir`);
      assert.equal((await portal.get('/api/me')).statusCode, 401, 'the portal session has ended');
      const history = await t.database.db.selectFrom('connection_events').select('kind').where('agent_id', '=', agent.agentId).execute();
      assert.ok(history.some((event) => event.kind === 'logout'), 'the connection history says so');

      await runLogoutJob();
      assert.equal(webmail.receiver.tokens.length, 1);
      assert.equal(leave.receiver.tokens.length, 1);
      const toLeave = await verifiedLogout(leave.receiver.tokens[0] ?? '', leave.client.clientId);
      assert.equal(toLeave.sub, agent.agentId);
      assert.equal(toLeave.sid, leaveTokens.claims()?.sid, 'the session the app knows from its ID token');
      await assert.rejects(oidc.refreshTokenGrant(leave.config, leaveTokens.refresh_token ?? ''), { error: 'invalid_grant' });

      await runLogoutJob();
      assert.equal(leave.receiver.tokens.length, 1, 'each app is told once');
    });

    test('signing out of the portal ends the apps’ sessions, the logout token retried until the app takes it', async () => {
      const agent = await createAgent(t.database.db);
      const portal = await signIn(t, agent);
      const app = await appWithBackchannel(1);
      const tokens = await signInToApp(app.config, app.client, browserOf(t, portal));

      assert.equal((await portal.post('/api/auth/logout')).statusCode, 204);
      await assert.rejects(oidc.refreshTokenGrant(app.config, tokens.refresh_token ?? ''), { error: 'invalid_grant' }, 'refused at once, before the job runs');

      await runLogoutJob();
      assert.equal(app.receiver.tokens.length, 0, 'the app answered 500');
      const pending = await t.database.db.selectFrom('sso_logout_deliveries').selectAll().where('client_id', '=', app.client.clientId).executeTakeFirstOrThrow();
      assert.equal(pending.attempts, 1);
      assert.match(pending.last_error ?? '', /500/);

      await runLogoutJob();
      assert.equal(app.receiver.tokens.length, 0, 'not before its next attempt');
      t.clock.advance(31_000);
      await runLogoutJob();
      assert.equal(app.receiver.tokens.length, 1);
      assert.equal((await verifiedLogout(app.receiver.tokens[0] ?? '', app.client.clientId)).sid, tokens.claims()?.sid);
    });

    test('a portal session that runs out (idle) ends the apps’ sessions too', async () => {
      const agent = await createAgent(t.database.db);
      const app = await appWithBackchannel();
      const tokens = await signInToApp(app.config, app.client, browserOf(t, await signIn(t, agent)));
      assert.ok(await oidc.refreshTokenGrant(app.config, tokens.refresh_token ?? ''), 'using the app keeps the session alive');

      t.clock.advance(t.config.auth.sessionIdleMs + 1000);
      await runLogoutJob();
      assert.equal(app.receiver.tokens.length, 1);
      assert.equal((await verifiedLogout(app.receiver.tokens[0] ?? '', app.client.clientId)).sub, agent.agentId);
    });
  });
}
