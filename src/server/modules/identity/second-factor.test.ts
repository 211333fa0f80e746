import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { totpCodeAt } from './totp.ts';

reportSkippedPostgres();

const INSIDE = '10.4.4.4';
const OUTSIDE = '198.51.100.20';
const NEW_PASSWORD = 'Baleine-Orage-Tulipe-63';

for (const kind of testDatabaseKinds()) {
  describe(`second factor (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '1000' } });
    });
    after(async () => t.close());

    const secretOf = (enrolment: { secret: string }) => enrolment.secret.replace(/\s/g, '');

    async function enrolTotp(client: TestClient, enrolmentCode?: string) {
      const started = await client.post('/api/me/second-factors/totp', enrolmentCode ? { enrolmentCode } : {});
      assert.equal(started.statusCode, 200, started.body);
      const enrolment = started.json();
      assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\//);
      assert.match(enrolment.qrCodeDataUrl, /^data:image\/svg\+xml;base64,/);
      const secret = secretOf(enrolment);
      const confirmed = await client.post(`/api/me/second-factors/totp/${enrolment.factorId}/confirm`, { code: totpCodeAt(secret, t.clock.now()) });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      return { secret, result: confirmed.json() as { next: string; recoveryCodes: string[] | null } };
    }

    async function agentWithTotp() {
      const agent = await createAgent(t.database.db);
      const client = testClient(t.app, { ip: INSIDE });
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      await client.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD });
      const { secret, result } = await enrolTotp(client);
      return { agent, secret, recoveryCodes: result.recoveryCodes ?? [] };
    }

    test('first sign-in from outside with a temporary password: new password, then TOTP enrolment, then in', async () => {
      const agent = await createAgent(t.database.db, { temporaryPassword: true });
      const client = testClient(t.app, { ip: OUTSIDE });
      assert.deepEqual((await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json(), { next: 'change_password' });
      assert.equal((await client.post('/api/me/password', { currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD })).statusCode, 204);
      assert.equal((await client.get('/api/me')).json().session.stage, 'enrol_second_factor');
      const { result } = await enrolTotp(client);
      assert.equal(result.next, 'done');
      assert.equal(result.recoveryCodes?.length, 10);
      const me = (await client.get('/api/me')).json();
      assert.equal(me.session.stage, 'done');
      assert.equal(me.session.secondFactorUsed, true);
      const mail = await t.database.db.selectFrom('outbox_messages').select('subject').where('recipient', '=', agent.email).execute();
      assert.ok(mail.some((m) => /méthode de vérification ajoutée/i.test(m.subject)));
    });

    test('refuses enrolment from outside with a password alone, unless IT support gave an enrolment code', async () => {
      const agent = await createAgent(t.database.db);
      const client = testClient(t.app, { ip: OUTSIDE });
      assert.deepEqual((await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json(), { next: 'enrol_second_factor' });
      assert.equal((await client.get('/api/me/second-factors')).json().enrolmentCodeNeeded, true);
      const refused = await client.post('/api/me/second-factors/totp', {});
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'forbidden');
      assert.equal((await client.post('/api/me/second-factors/totp', { enrolmentCode: 'ABCD-EFGH' })).statusCode, 403);

      await t.database.db
        .updateTable('accounts')
        .set({ enrolment_code_hash: t.app.ctx.keys.mac('enrolment-code', 'KQ7MX2PA'), enrolment_code_expires_at: new Date(t.clock.now().getTime() + 3_600_000) })
        .where('agent_id', '=', agent.agentId)
        .execute();
      const { result } = await enrolTotp(client, 'kq7m-x2pa');
      assert.equal(result.next, 'done');
      const account = await t.database.db.selectFrom('accounts').select('enrolment_code_hash').where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.equal(account.enrolment_code_hash, null, 'the code is single-use');
    });

    test('asks for the code from outside, accepts it once only, and rotates the session id', async () => {
      const { agent, secret } = await agentWithTotp();
      const client = testClient(t.app, { ip: OUTSIDE });
      const login = (await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json();
      assert.equal(login.next, 'second_factor');
      assert.deepEqual(login.methods, ['totp', 'recovery_code']);
      assert.deepEqual((await client.get('/api/me')).json().session.methods, ['totp', 'recovery_code'], 'a new tab learns the methods too');
      assert.equal((await client.get('/api/me/sessions')).statusCode, 403);
      const partial = client.cookie('__Host-nomades-session');

      t.clock.advance(30_000);
      const code = totpCodeAt(secret, t.clock.now());
      const ok = await client.post('/api/auth/second-factor', { method: 'totp', code });
      assert.deepEqual(ok.json(), { next: 'done' });
      assert.notEqual(client.cookie('__Host-nomades-session'), partial, 'a new session id after the second factor');

      const thief = testClient(t.app, { ip: OUTSIDE });
      await thief.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      const replay = await thief.post('/api/auth/second-factor', { method: 'totp', code });
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().code, 'invalid_code');
    });

    test('accepts a code from the previous or next 30-second step, not older', async () => {
      const { agent, secret } = await agentWithTotp();
      const signIn = async () => {
        const client = testClient(t.app, { ip: OUTSIDE });
        await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
        return client;
      };
      t.clock.advance(120_000);
      const next = totpCodeAt(secret, new Date(t.clock.now().getTime() + 30_000));
      assert.equal((await (await signIn()).post('/api/auth/second-factor', { method: 'totp', code: next })).statusCode, 200);
      t.clock.advance(120_000);
      const stale = totpCodeAt(secret, new Date(t.clock.now().getTime() - 60_000));
      assert.equal((await (await signIn()).post('/api/auth/second-factor', { method: 'totp', code: stale })).statusCode, 401);
    });

    test('a recovery code works once', async () => {
      const { agent, recoveryCodes } = await agentWithTotp();
      const use = async (code: string) => {
        const client = testClient(t.app, { ip: OUTSIDE });
        await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
        return client.post('/api/auth/second-factor', { method: 'recovery_code', code });
      };
      assert.match(recoveryCodes[0]!, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      assert.equal((await use(recoveryCodes[0]!.toLowerCase())).statusCode, 200);
      assert.equal((await use(recoveryCodes[0]!)).statusCode, 401);
    });

    test('locks the account after 5 wrong codes, like wrong passwords', async () => {
      const { agent, secret } = await agentWithTotp();
      const client = testClient(t.app, { ip: OUTSIDE });
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      for (let i = 0; i < 5; i++) await client.post('/api/auth/second-factor', { method: 'totp', code: '000000' });
      t.clock.advance(30_000);
      const good = await client.post('/api/auth/second-factor', { method: 'totp', code: totpCodeAt(secret, t.clock.now()) });
      assert.equal(good.statusCode, 401);
      const events = await t.database.db.selectFrom('connection_events').select('kind').where('agent_id', '=', agent.agentId).where('kind', '=', 'lockout').execute();
      assert.equal(events.length, 1);
    });

    test('sends a 6-digit SMS code valid 5 minutes, with 5 tries', async () => {
      const agent = await createAgent(t.database.db);
      const client = testClient(t.app, { ip: INSIDE });
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      await client.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD });
      const lastSms = async () => {
        const [sms] = await t.database.db.selectFrom('outbox_messages').select('body').where('recipient', '=', '+33612345678').orderBy('created_at', 'desc').limit(1).execute();
        return /(\d{6})/.exec(sms?.body ?? '')?.[1] ?? '';
      };
      const started = await client.post('/api/me/second-factors/sms', { phone: '06 12 34 56 78' });
      assert.equal(started.statusCode, 200, started.body);
      const confirm = await client.post(`/api/me/second-factors/sms/${started.json().factorId}/confirm`, { code: await lastSms() });
      assert.equal(confirm.statusCode, 200, confirm.body);

      t.clock.advance(60_000);
      const outside = testClient(t.app, { ip: OUTSIDE });
      const login = (await outside.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json();
      assert.deepEqual(login.methods, ['sms', 'recovery_code']);
      assert.equal((await outside.post('/api/auth/second-factor/sms/send')).statusCode, 202);
      const code = await lastSms();
      t.clock.advance(5 * 60_000 + 1_000);
      assert.equal((await outside.post('/api/auth/second-factor', { method: 'sms', code })).statusCode, 401, 'expired after 5 minutes');
      await outside.post('/api/auth/second-factor/sms/send');
      const fresh = await lastSms();
      assert.deepEqual((await outside.post('/api/auth/second-factor', { method: 'sms', code: fresh })).json(), { next: 'done' });
    });

    test('adding or removing a factor requires a password confirmed in the last 5 minutes', async () => {
      const { agent } = await agentWithTotp();
      const client = testClient(t.app, { ip: INSIDE });
      await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      t.clock.advance(6 * 60_000);
      const [factor] = (await client.get('/api/me/second-factors')).json().items;
      const refused = await client.delete(`/api/me/second-factors/${factor.id}`);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'reauthentication_required');
      assert.equal((await client.post('/api/auth/reauthenticate', { password: 'Wrong-Password-1!' })).statusCode, 422);
      assert.equal((await client.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD })).statusCode, 204);
      assert.equal((await client.delete(`/api/me/second-factors/${factor.id}`)).statusCode, 204);
      assert.equal((await client.get('/api/me/second-factors')).json().items.length, 0);
    });

    test('a password reset asks for the second factor of an account that has one', async () => {
      const { agent, secret } = await agentWithTotp();
      const anyone = testClient(t.app, { ip: OUTSIDE });
      await anyone.post('/api/auth/password/forgot', { identifier: agent.email });
      const [mail] = await t.database.db.selectFrom('outbox_messages').select('body').where('recipient', '=', agent.email).where('subject', 'like', 'Réinitialisation%').execute();
      const token = /#jeton=([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1] ?? '';
      assert.deepEqual((await anyone.post('/api/auth/password/reset/describe', { token })).json(), { secondFactorMethods: ['totp', 'recovery_code'] });
      const without = await anyone.post('/api/auth/password/reset', { token, newPassword: NEW_PASSWORD });
      assert.equal(without.statusCode, 422);
      assert.equal(without.json().errors[0].rule, 'second_factor_required');
      t.clock.advance(30_000);
      const ok = await anyone.post('/api/auth/password/reset', { token, newPassword: NEW_PASSWORD, method: 'totp', code: totpCodeAt(secret, t.clock.now()) });
      assert.equal(ok.statusCode, 204, ok.body);
    });
  });
}
