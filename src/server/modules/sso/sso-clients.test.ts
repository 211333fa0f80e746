import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { browserOf, createOidcApplication, type RegisteredClient, relyingParty, signIn, signInToApp, type SsoPortal, startSsoPortal } from './sso-test-support.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`OpenID Connect clients, registered by the administrators (${kind})`, () => {
    let t: SsoPortal;
    let admin: TestClient;
    before(async () => {
      t = await startSsoPortal(kind);
      admin = await signIn(t, await createAgent(t.database.db, { department: 'DSIN', role: 'administrator' }));
    });
    after(async () => t.close());

    // The app's side of a client_secret_basic call: 401 invalid_client with a wrong secret, else 400 for the bogus token.
    async function tokenEndpointAnswer(clientId: string, secret: string): Promise<{ status: number; error: string }> {
      const response = await fetch(`${t.issuer}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'inconnu' }),
      });
      return { status: response.status, error: (await response.json()).error };
    }

    const fields = (applicationId: string, overrides: Record<string, unknown> = {}) => ({
      applicationId,
      public: false,
      redirectUris: ['https://messagerie.paris.example/oidc/callback', 'http://localhost:8080/callback'],
      postLogoutRedirectUris: ['https://messagerie.paris.example/'],
      backchannelLogoutUri: 'https://messagerie.paris.example/oidc/logout',
      ...overrides,
    });

    test('an administrator registers an application; its secret is shown once and stored encrypted', async () => {
      const application = await createOidcApplication(t.database.db, { name: 'Messagerie' });
      const before = (await admin.get('/api/admin/sso/clients')).json();
      assert.ok(before.unregisteredApplications.some((a: { id: string }) => a.id === application.id));
      assert.equal(before.discoveryUrl, `${t.issuer}/.well-known/openid-configuration`);

      const created = await admin.post('/api/admin/sso/clients', fields(application.id));
      assert.equal(created.statusCode, 201, created.body);
      const { clientId, clientSecret } = created.json();
      assert.equal(clientId, application.slug);
      assert.match(clientSecret, /^nomades_oidc_[\w-]{43}$/);

      const list = (await admin.get('/api/admin/sso/clients')).json();
      const item = list.items.find((c: { clientId: string }) => c.clientId === clientId);
      assert.equal(item.applicationName, 'Messagerie');
      assert.equal(item.backchannelLogoutUri, 'https://messagerie.paris.example/oidc/logout');
      assert.equal(JSON.stringify(list).includes(clientSecret), false, 'the list never shows a secret');
      assert.ok(!list.unregisteredApplications.some((a: { id: string }) => a.id === application.id));

      const stored = await t.database.db.selectFrom('sso_clients').select('secret_encrypted').where('client_id', '=', clientId).executeTakeFirstOrThrow();
      assert.ok(stored.secret_encrypted && !stored.secret_encrypted.includes(clientSecret.slice(13)));
      assert.deepEqual(await tokenEndpointAnswer(clientId, clientSecret), { status: 400, error: 'invalid_grant' });
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('target_id', '=', clientId).execute();
      assert.deepEqual(audit.map((a) => a.action), ['sso_client.create']);

      const twice = await admin.post('/api/admin/sso/clients', fields(application.id));
      assert.equal(twice.statusCode, 409);
    });

    test('refuses addresses an app could be impersonated with, and applications that are not OpenID Connect', async () => {
      const application = await createOidcApplication(t.database.db);
      const plainHttp = await admin.post('/api/admin/sso/clients', fields(application.id, { redirectUris: ['http://intranet.paris.example/callback'] }));
      assert.equal(plainHttp.statusCode, 400);
      assert.equal(plainHttp.json().errors[0].field, 'body.redirectUris.0');
      const fragment = await admin.post('/api/admin/sso/clients', fields(application.id, { backchannelLogoutUri: 'https://messagerie.paris.example/logout#x' }));
      assert.equal(fragment.statusCode, 400);
      const none = await admin.post('/api/admin/sso/clients', fields(application.id, { redirectUris: [] }));
      assert.equal(none.statusCode, 400);

      const link = await t.database.db.updateTable('applications').set({ kind: 'link' }).where('id', '=', application.id).returning('id').executeTakeFirstOrThrow();
      const notOidc = await admin.post('/api/admin/sso/clients', fields(link.id));
      assert.equal(notOidc.statusCode, 400);
      assert.match(notOidc.json().errors[0].message, /OpenID Connect/);
    });

    test('is for administrators only', async () => {
      const agent = await signIn(t, await createAgent(t.database.db));
      assert.equal((await agent.get('/api/admin/sso/clients')).statusCode, 403);
      assert.equal((await agent.post('/api/admin/sso/clients', {})).statusCode, 403, 'refused before the body is looked at');
      assert.equal((await agent.delete('/api/admin/sso/clients/messagerie')).statusCode, 403);
    });

    test('a new secret works at once and the old one no longer does', async () => {
      const application = await createOidcApplication(t.database.db);
      const { clientId, clientSecret: old } = (await admin.post('/api/admin/sso/clients', fields(application.id))).json();
      const rotated = await admin.post(`/api/admin/sso/clients/${clientId}/secret`);
      assert.equal(rotated.statusCode, 200);
      const fresh = rotated.json().clientSecret;
      assert.notEqual(fresh, old);
      assert.deepEqual(await tokenEndpointAnswer(clientId, old), { status: 401, error: 'invalid_client' });
      assert.deepEqual(await tokenEndpointAnswer(clientId, fresh), { status: 400, error: 'invalid_grant' });
      assert.equal((await admin.post('/api/admin/sso/clients/inconnu/secret')).statusCode, 404);
    });

    test('deleting a client ends what it was given at once', async () => {
      const application = await createOidcApplication(t.database.db);
      const redirectUri = 'https://messagerie.paris.example/oidc/callback';
      const { clientId, clientSecret } = (await admin.post('/api/admin/sso/clients', fields(application.id))).json();
      const client: RegisteredClient = { clientId, secret: clientSecret, redirectUri, postLogoutRedirectUri: '' };
      const config = await relyingParty(t, client);
      const agent = await createAgent(t.database.db);
      const tokens = await signInToApp(config, client, browserOf(t, await signIn(t, agent)));

      assert.equal((await admin.delete(`/api/admin/sso/clients/${clientId}`)).statusCode, 204);
      await assert.rejects(oidc.fetchUserInfo(config, tokens.access_token, agent.agentId));
      assert.deepEqual(await tokenEndpointAnswer(clientId, clientSecret), { status: 401, error: 'invalid_client' });
      assert.equal((await admin.delete(`/api/admin/sso/clients/${clientId}`)).statusCode, 404);
      assert.equal(await t.database.db.selectFrom('oidc_payloads').select('id').where('payload', '@>', JSON.stringify({ clientId })).executeTakeFirst(), undefined);
    });
  });
}
