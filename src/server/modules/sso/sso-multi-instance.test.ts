import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import type { DatabaseHandle } from '../../db/connection.ts';
import { createAgent } from '../../test-support/fixtures.ts';
import { createTestDatabase, reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { Browser, browserOf, finishAuthorization, registerClient, relyingParty, signIn, type SsoPortal, startAuthorization, startSsoPortal } from './sso-test-support.ts';

// Two portal instances behind one address, on one database: each step of a sign-in may land on either.
// Nothing of the provider lives in an instance's memory but its configuration (the two apps share the
// database handle: what must not be shared is each instance's provider, and it is not).

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`OpenID Connect provider on two instances (${kind})`, () => {
    let database: DatabaseHandle;
    let first: SsoPortal;
    let second: SsoPortal;
    let turn = 0;
    // The load balancer: every request to the shared address goes to the next instance in turn.
    const nextInstance = (url: string) => {
      turn += 1;
      return url.replace(first.baseUrl, (turn % 2 === 0 ? first : second).baseUrl);
    };

    before(async () => {
      database = await createTestDatabase(kind);
      first = await startSsoPortal(kind, { database });
      second = await startSsoPortal(kind, { database, publicUrl: first.baseUrl });
    });
    after(async () => {
      await second?.close();
      await first?.close();
      await database?.close();
    });

    test('both instances start together and publish the same single signing key', async () => {
      const [a, b] = await Promise.all([fetch(`${first.baseUrl}/oidc/jwks`), fetch(`${second.baseUrl}/oidc/jwks`)]);
      const [keysA, keysB] = [await a.json(), await b.json()];
      assert.equal(keysA.keys.length, 1);
      assert.deepEqual(keysA, keysB);
    });

    test('a sign-in, token exchange, userinfo and refreshes complete across both instances', async () => {
      const agent = await createAgent(database.db);
      const client = await registerClient(first);
      const config = await relyingParty(first, client);
      config[oidc.customFetch] = (url, options) => fetch(nextInstance(url), options as RequestInit);
      const browser = browserOf(first, await signIn(first, agent));
      const roaming = new (class extends Browser {
        override request(url: string, init?: { method?: string; form?: Record<string, string> }) {
          return super.request(nextInstance(new URL(url, first.baseUrl).href), init);
        }
      })(first.baseUrl);
      for (const [name, value] of browser.jar) roaming.jar.set(name, value);

      const authorization = await startAuthorization(config, client);
      const landed = await roaming.follow(authorization.url.href);
      assert.ok(landed.location.startsWith(client.redirectUri), landed.location);
      const tokens = await finishAuthorization(config, authorization, landed.location);
      assert.equal(tokens.claims()?.sub, agent.agentId);
      assert.equal((await oidc.fetchUserInfo(config, tokens.access_token, agent.agentId)).badge_number, agent.badgeNumber);

      // Each refresh on the other instance than the one before: rotation and replay detection hold.
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
      const again = await oidc.refreshTokenGrant(config, refreshed.refresh_token ?? '');
      assert.ok(again.refresh_token);
      await assert.rejects(oidc.refreshTokenGrant(config, refreshed.refresh_token ?? ''), { error: 'invalid_grant' });
      assert.ok(turn >= 8, 'the requests went to both instances in turn');
    });
  });
}
