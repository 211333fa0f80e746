import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { createLogger } from '../../http/logger.ts';
import { createAgent } from '../../test-support/fixtures.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { orderForSigning, PUBLISH_AHEAD_MS, RETIRED_GRACE_MS, ROTATION_PERIOD_MS, rotateSigningKeys } from './signing-keys.ts';
import { browserOf, registerClient, relyingParty, signIn, signInToApp, type SsoPortal, startSsoPortal } from './sso-test-support.ts';

reportSkippedPostgres();

const at = (iso: string) => new Date(iso);

describe('signing keys in the order oidc-provider uses them', () => {
  test('the newest key already active signs; an upcoming one is published next; older ones after', () => {
    const keys = [
      { kid: 'old', activates_at: at('2026-01-01T00:00:00Z') },
      { kid: 'next', activates_at: at('2026-07-03T00:00:00Z') },
      { kid: 'current', activates_at: at('2026-04-01T00:00:00Z') },
    ];
    assert.deepEqual(orderForSigning(keys, at('2026-07-01T00:00:00Z')).map((key) => key.kid), ['current', 'next', 'old']);
    assert.deepEqual(orderForSigning(keys, at('2026-07-03T00:00:00Z')).map((key) => key.kid), ['next', 'current', 'old']);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`signing key rotation (${kind})`, () => {
    let t: SsoPortal;
    before(async () => {
      t = await startSsoPortal(kind);
    });
    after(async () => t.close());

    const published = async () => ((await (await fetch(`${t.issuer}/jwks`)).json()).keys as Array<{ kid: string }>).map((key) => key.kid);
    const rotate = () => rotateSigningKeys(t.app.ctx, t.clock.now(), createLogger('silent'));

    test('a new key is published before it signs, and the old one stays published for a grace period', async () => {
      const client = await registerClient(t);
      const config = await relyingParty(t, client);
      const signingKid = async () => {
        const agent = await createAgent(t.database.db);
        const tokens = await signInToApp(config, client, browserOf(t, await signIn(t, agent)));
        return decodeProtectedHeader(tokens.id_token ?? '').kid;
      };

      const [first] = await published();
      await rotate();
      assert.deepEqual(await published(), [first], 'nothing to rotate yet');

      t.clock.advance(ROTATION_PERIOD_MS - PUBLISH_AHEAD_MS);
      await rotate();
      const [current, next] = await published();
      assert.equal(current, first);
      assert.ok(next && next !== first, 'the next key is published');
      assert.equal(await signingKid(), first, 'but does not sign yet');

      t.clock.advance(PUBLISH_AHEAD_MS);
      assert.deepEqual(await published(), [next, first]);
      assert.equal(await signingKid(), next, 'it signs from its activation on');

      t.clock.advance(RETIRED_GRACE_MS);
      await rotate();
      assert.deepEqual(await published(), [next], 'the old key is retired after the grace period');
    });
  });
}
