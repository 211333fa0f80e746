import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { verifyAuditChain } from '../audit/index.ts';

reportSkippedPostgres();

const INSIDE = '10.0.0.50';
const OUTSIDE = '203.0.113.7';
const reason = (text = 'Appel de l’agent au 3975, ticket 4521') => ({ reason: text });
const fullChecklist = { calledBackOnKnownNumber: true, checkedBadgeNumber: true, checkedManagerOrHr: true };

for (const kind of testDatabaseKinds()) {
  describe(`IT support console (${kind})`, () => {
    let t: TestApp;
    let dsinSupport: AgentFixture;
    let dascoSupport: AgentFixture;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      dsinSupport = await createAgent(t.database.db, { department: 'DSIN', role: 'it_support', firstName: 'Yasmina', lastName: 'Haddad' });
      await t.database.db.updateTable('role_assignments').set({ department_id: null }).where('agent_id', '=', dsinSupport.agentId).execute();
      dascoSupport = await createAgent(t.database.db, { department: 'DASCO', role: 'it_support', firstName: 'Paul', lastName: 'Durand' });
    });
    after(async () => t.close());

    const signIn = async (who: AgentFixture, ip = INSIDE): Promise<TestClient> => {
      const client = testClient(t.app, { ip });
      const res = await client.post('/api/auth/login', { identifier: who.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(res.statusCode, 200, res.body);
      return client;
    };
    const auditOf = (action: string, agentId: string) =>
      t.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('target_id', '=', agentId).execute();

    test('IT support of the DSIN finds accounts across the city; IT support of the DASCO gets 404 for a CASVP account', async () => {
      const emilieDasco = await createAgent(t.database.db, { department: 'DASCO', firstName: 'Émilie', lastName: 'Érard-Le Gall' });
      const emilieCasvp = await createAgent(t.database.db, { department: 'CASVP', firstName: 'Emilie', lastName: 'Erard' });
      const dsin = await signIn(dsinSupport);
      const dasco = await signIn(dascoSupport);

      const cityWide = (await dsin.get('/api/support/accounts?q=emilie%20ERA')).json();
      assert.deepEqual(cityWide.items.map((i: { badgeNumber: string }) => i.badgeNumber).sort(), [emilieCasvp.badgeNumber, emilieDasco.badgeNumber].sort());
      const mine = (await dasco.get('/api/support/accounts?q=%C3%A9rard')).json();
      assert.deepEqual(mine.items.map((i: { badgeNumber: string }) => i.badgeNumber), [emilieDasco.badgeNumber]);
      assert.equal(mine.total, 1);
      assert.equal((await dasco.get('/api/support/accounts?q=gall')).json().total, 1, 'a word inside a compound name');
      assert.equal((await dasco.get(`/api/support/accounts?q=${emilieDasco.email}`)).json().total, 1);
      assert.equal((await dasco.get(`/api/support/accounts?q=${emilieCasvp.badgeNumber}`)).json().total, 0);
      assert.equal((await dsin.get(`/api/support/accounts?q=${emilieCasvp.badgeNumber.slice(0, 4)}&pageSize=1`)).json().items.length, 1);

      const card = await dsin.get(`/api/support/accounts/${emilieCasvp.badgeNumber}`);
      assert.equal(card.statusCode, 200);
      assert.equal(card.json().visibleBecause, 'autorisé car : support informatique de toute la collectivité');
      assert.equal(card.json().agent.department.code, 'CASVP');
      for (const res of [
        await dasco.get(`/api/support/accounts/${emilieCasvp.badgeNumber}`),
        await dasco.get(`/api/support/accounts/${emilieCasvp.badgeNumber}/connections`),
        await dasco.post(`/api/support/accounts/${emilieCasvp.badgeNumber}/unlock`, reason()),
        await dasco.get('/api/support/accounts/9999999'),
      ]) {
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().detail, 'Aucun agent correspondant.');
      }
      const badQuery = await dasco.get('/api/support/accounts?q=1');
      assert.equal(badQuery.statusCode, 400);
      assert.equal(badQuery.json().errors[0].field, 'querystring.q');
    });

    test('a plain agent gets 403 on the console; an HR officer sees the card but gets 403 on support-only actions', async () => {
      const colleague = await createAgent(t.database.db, { department: 'DASCO' });
      const plain = await signIn(await createAgent(t.database.db, { department: 'DASCO' }));
      for (const res of [
        await plain.get(`/api/support/accounts?q=${colleague.badgeNumber}`),
        await plain.get(`/api/support/accounts/${colleague.badgeNumber}`),
        await plain.post(`/api/support/accounts/${colleague.badgeNumber}/unlock`, reason()),
        await plain.post(`/api/support/accounts/${colleague.badgeNumber}/sessions/end`, reason()),
        await plain.get('/api/support/security-alerts'),
      ]) {
        assert.equal(res.statusCode, 403, res.body);
      }

      const hr = await signIn(await createAgent(t.database.db, { department: 'DASCO', role: 'hr_officer' }));
      const card = (await hr.get(`/api/support/accounts/${colleague.badgeNumber}`)).json();
      assert.equal(card.sessions, null, 'connections are not the HR officer’s business');
      assert.equal(card.actions.unlock.allowed, false);
      assert.equal(card.actions.issueTemporaryPassword.allowed, true);
      for (const res of [
        await hr.post(`/api/support/accounts/${colleague.badgeNumber}/unlock`, reason()),
        await hr.post(`/api/support/accounts/${colleague.badgeNumber}/second-factors/reset`, { ...reason(), checklist: fullChecklist }),
        await hr.post(`/api/support/accounts/${colleague.badgeNumber}/sessions/end`, reason()),
        await hr.get(`/api/support/accounts/${colleague.badgeNumber}/connections`),
        await hr.get('/api/support/security-alerts'),
      ]) {
        assert.equal(res.statusCode, 403, res.body);
      }
    });

    test('refuses the console to a support agent signed in from outside with a password alone', async () => {
      const remote = await createAgent(t.database.db, { department: 'DEVE', role: 'it_support' });
      await t.database.db.updateTable('departments').set({ enhanced_auth_outside: false }).where('code', '=', 'DEVE').execute();
      const fromHome = await signIn(remote, OUTSIDE);
      const res = await fromHome.get(`/api/support/accounts?q=${remote.badgeNumber}`);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().errors[0].rule, 'strong_authentication');
      assert.equal((await (await signIn(remote)).get(`/api/support/accounts?q=${remote.badgeNumber}`)).statusCode, 200);
    });

    test('does not let support act on their own account nor hand over an administrator’s account', async () => {
      const admin = await createAgent(t.database.db, { department: 'DASCO', role: 'administrator' });
      const dasco = await signIn(dascoSupport);
      const own = await dasco.post(`/api/support/accounts/${dascoSupport.badgeNumber}/sessions/end`, reason());
      assert.equal(own.statusCode, 403);
      assert.match(own.json().detail, /propre compte/);
      const takeover = await dasco.post(`/api/support/accounts/${admin.badgeNumber}/temporary-password`, reason());
      assert.equal(takeover.statusCode, 403);
      assert.match(takeover.json().detail, /administrateur/);
      const card = (await dasco.get(`/api/support/accounts/${admin.badgeNumber}`)).json();
      assert.equal(card.actions.issueTemporaryPassword.allowed, false);
      assert.equal(card.actions.unlock.allowed, true);
    });

    test('unlocking a locked account lets the agent sign in again, and says so in their history', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const attempts = testClient(t.app, { ip: '10.0.0.77' });
      for (let i = 0; i < 5; i++) await attempts.post('/api/auth/login', { identifier: agent.badgeNumber, password: 'Mauvais-Mot-De-Passe-1' });
      assert.equal((await attempts.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).statusCode, 401);

      const dasco = await signIn(dascoSupport);
      const card = (await dasco.get(`/api/support/accounts/${agent.badgeNumber}`)).json();
      assert.equal(card.account.locked, true);
      assert.equal(card.account.failedAttempts, 5);
      assert.equal((await dasco.get('/api/support/accounts?locked=true')).json().items.some((i: { badgeNumber: string }) => i.badgeNumber === agent.badgeNumber), true);

      t.clock.advance(1000);
      const unlocked = await dasco.post(`/api/support/accounts/${agent.badgeNumber}/unlock`, reason('Agent bloqué, rappelé sur son poste'));
      assert.equal(unlocked.statusCode, 200);
      assert.deepEqual(unlocked.json(), { wasLocked: true, failedAttemptsBefore: 5 });
      t.clock.advance(1000);
      assert.deepEqual((await attempts.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json(), { next: 'done' });

      const history = (await dasco.get(`/api/support/accounts/${agent.badgeNumber}/connections?limit=2`)).json();
      assert.deepEqual(history.items.map((e: { kind: string; result: string }) => `${e.kind}:${e.result}`), ['sign_in:success', 'account_unlocked:info']);
      assert.ok(history.nextCursor);
      const [entry] = await auditOf('account.unlock', agent.agentId);
      assert.equal(entry?.reason, 'Agent bloqué, rappelé sur son poste');
      assert.deepEqual((entry?.changes as { failedAttempts: unknown }).failedAttempts, { from: 5, to: 0 });
    });

    test('a new temporary password ends the agent’s sessions and signs them in to choose a new one; it needs a recent password confirmation', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const agentDesk = await signIn(agent);
      const dasco = await signIn(dascoSupport);
      t.clock.advance(6 * 60_000);
      const stale = await dasco.post(`/api/support/accounts/${agent.badgeNumber}/temporary-password`, reason());
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().code, 'reauthentication_required');
      assert.equal((await dasco.post('/api/auth/reauthenticate', { password: KNOWN_PASSWORD })).statusCode, 204);

      const issued = await dasco.post(`/api/support/accounts/${agent.badgeNumber}/temporary-password`, reason());
      assert.equal(issued.statusCode, 200, issued.body);
      const { temporaryPassword, sessionsEnded, deliveredTo } = issued.json();
      assert.equal(deliveredTo, 'support');
      assert.equal(sessionsEnded, 1);
      assert.equal((await agentDesk.get('/api/me')).statusCode, 401);
      const again = testClient(t.app, { ip: INSIDE });
      assert.equal((await again.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).statusCode, 401);
      assert.deepEqual((await again.post('/api/auth/login', { identifier: agent.badgeNumber, password: temporaryPassword })).json(), { next: 'change_password' });

      const [entry] = await auditOf('account.issue_temporary_password', agent.agentId);
      assert.ok(entry);
      assert.doesNotMatch(JSON.stringify(entry), new RegExp(temporaryPassword), 'the password never enters the trail');
      const notice = await t.database.db.selectFrom('outbox_messages').select('body').where('recipient', '=', agent.email).execute();
      assert.equal(notice.length, 1);
      assert.doesNotMatch(notice[0]!.body, new RegExp(temporaryPassword));
    });

    test('deliverTo manager e-mails the password to the manager and does not show it', async () => {
      const manager = await createAgent(t.database.db, { department: 'DASCO', firstName: 'Claire', lastName: 'Petit' });
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      await t.database.db.updateTable('agents').set({ manager_id: manager.agentId }).where('id', '=', agent.agentId).execute();
      const dasco = await signIn(dascoSupport);

      const res = await dasco.post(`/api/support/accounts/${agent.badgeNumber}/temporary-password`, { ...reason(), deliverTo: 'manager' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().deliveredTo, 'manager');
      assert.equal(res.json().manager.badgeNumber, manager.badgeNumber);
      assert.equal(res.json().temporaryPassword, undefined);
      const [mail] = await t.database.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', manager.email).execute();
      assert.ok(mail);
      assert.match(mail.subject, new RegExp(agent.badgeNumber));
      const password = /^ {4}(\S+)$/m.exec(mail.body)?.[1] ?? '';
      assert.doesNotMatch(res.body, new RegExp(password));
      const login = await testClient(t.app, { ip: INSIDE }).post('/api/auth/login', { identifier: agent.badgeNumber, password });
      assert.deepEqual(login.json(), { next: 'change_password' });

      const orphan = await createAgent(t.database.db, { department: 'DASCO' });
      const refused = await dasco.post(`/api/support/accounts/${orphan.badgeNumber}/temporary-password`, { ...reason(), deliverTo: 'manager' });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().errors[0].field, 'body.deliverTo');
    });

    test('resetting second factors needs the identity checklist; then factors are gone and the agent must enrol from outside', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const at = t.clock.now();
      await t.database.db
        .insertInto('second_factors')
        .values({ agent_id: agent.agentId, kind: 'totp', label: 'Téléphone pro', totp_secret_encrypted: 'SECRET-NEVER-SHOWN', created_at: at, confirmed_at: at })
        .execute();
      await t.database.db
        .insertInto('recovery_codes')
        .values([{ agent_id: agent.agentId, code_hash: 'h1', created_at: at }, { agent_id: agent.agentId, code_hash: 'h2', created_at: at }])
        .execute();
      const fromHome = testClient(t.app, { ip: OUTSIDE });
      assert.equal((await fromHome.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json().next, 'second_factor');

      const dsin = await signIn(dsinSupport);
      const card = await dsin.get(`/api/support/accounts/${agent.badgeNumber}`);
      assert.equal(card.json().secondFactors.items[0].label, 'Téléphone pro');
      assert.equal(card.json().secondFactors.recoveryCodesLeft, 2);
      assert.equal(card.json().sessions.count, 1, 'the session waiting for its code');
      assert.doesNotMatch(card.body, /SECRET-NEVER-SHOWN|totp_secret/);

      const incomplete = await dsin.post(`/api/support/accounts/${agent.badgeNumber}/second-factors/reset`, {
        ...reason(),
        checklist: { calledBackOnKnownNumber: true, checkedBadgeNumber: false },
      });
      assert.equal(incomplete.statusCode, 422);
      assert.deepEqual(incomplete.json().errors.map((e: { field: string }) => e.field), ['body.checklist.checkedBadgeNumber', 'body.checklist.checkedManagerOrHr']);
      assert.match(incomplete.json().errors[0].message, /Matricule vérifié/);
      const stillThere = await t.database.db.selectFrom('second_factors').select('id').where('agent_id', '=', agent.agentId).execute();
      assert.equal(stillThere.length, 1);

      const checklist = (await dsin.get('/api/support/identity-checklist')).json().items;
      assert.deepEqual(checklist.filter((i: { mandatory: boolean }) => i.mandatory).map((i: { key: string }) => i.key), Object.keys(fullChecklist));

      const done = await dsin.post(`/api/support/accounts/${agent.badgeNumber}/second-factors/reset`, {
        ...reason('Téléphone perdu, identité vérifiée'),
        checklist: { ...fullChecklist, seenIdentityDocumentInPerson: false },
      });
      assert.equal(done.statusCode, 200, done.body);
      const result = done.json();
      assert.equal(result.factorsRemoved, 1);
      assert.equal(result.recoveryCodesRemoved, 2);
      assert.equal(result.sessionsEnded, 1);
      assert.match(result.enrolmentCode.code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      assert.equal((await t.database.db.selectFrom('second_factors').select('id').where('agent_id', '=', agent.agentId).execute()).length, 0);
      assert.equal((await t.database.db.selectFrom('recovery_codes').select('id').where('agent_id', '=', agent.agentId).execute()).length, 0);
      const mails = await t.database.db.selectFrom('outbox_messages').select('subject').where('recipient', '=', agent.email).execute();
      assert.ok(mails.some((m) => m.subject === 'Vos méthodes de vérification ont été retirées'));

      const nextTime = testClient(t.app, { ip: OUTSIDE });
      assert.equal((await nextTime.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).json().next, 'enrol_second_factor');

      const [entry] = await auditOf('account.reset_second_factors', agent.agentId);
      assert.equal(entry?.reason, 'Téléphone perdu, identité vérifiée');
      const changes = entry?.changes as Record<string, unknown>;
      assert.deepEqual(changes.identityCheck, { ...fullChecklist, checkedPersonalDetails: false, seenIdentityDocumentInPerson: false });
      assert.deepEqual(changes.secondFactors, { from: ['totp « Téléphone pro »'], to: [] });
    });

    test('every action without a reason is refused with a French message per field, and nothing is written', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const dsin = await signIn(dsinSupport);
      const count = async () => Number((await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const base = `/api/support/accounts/${agent.badgeNumber}`;
      for (const [url, body] of [
        [`${base}/unlock`, {}],
        [`${base}/temporary-password`, { deliverTo: 'support' }],
        [`${base}/enrolment-code`, { reason: '   ok  ' }],
        [`${base}/second-factors/reset`, { checklist: fullChecklist }],
        [`${base}/sessions/end`, { reason: 'x'.repeat(501) }],
        ['/api/support/security-alerts/00000000-0000-4000-8000-000000000000/handle', {}],
      ] as const) {
        const res = await dsin.post(url, body);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        const [error] = res.json().errors;
        assert.match(error.field, /^body\.(reason|note)$/);
        assert.match(error.message, /motif|note/i);
      }
      const unknown = await dsin.post(`${base}/unlock`, { ...reason(), force: true });
      assert.equal(unknown.statusCode, 400);
      assert.equal(await count(), before);
    });

    test('every action is in the audit trail with its reason, and the trail still verifies', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const dasco = await signIn(dascoSupport);
      const base = `/api/support/accounts/${agent.badgeNumber}`;
      assert.equal((await dasco.post(`${base}/enrolment-code`, reason('Agent en télétravail sans facteur'))).statusCode, 200);
      assert.equal((await dasco.post(`${base}/sessions/end`, reason('Poste partagé resté connecté'))).statusCode, 200);
      const trail = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'reason', 'actor_label', 'changes'])
        .where('target_id', '=', agent.agentId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        trail.map((e) => [e.action, e.reason, e.actor_label]),
        [
          ['account.issue_enrolment_code', 'Agent en télétravail sans facteur', `Paul Durand (${dascoSupport.badgeNumber})`],
          ['account.end_sessions', 'Poste partagé resté connecté', `Paul Durand (${dascoSupport.badgeNumber})`],
        ],
      );
      assert.equal((trail[0]!.changes as { enrolmentCode: string }).enrolmentCode, '[modifié]', 'the code itself is never kept');
      assert.equal((await verifyAuditChain(t.database.db)).ok, true);
    });

    test('lists the security alerts of the perimeter, unhandled first, and marks one handled once, with a note', async () => {
      const dascoAgent = await createAgent(t.database.db, { department: 'DASCO' });
      const casvpAgent = await createAgent(t.database.db, { department: 'CASVP' });
      const alert = (agentId: string, minutesAgo: number) =>
        t.database.db
          .insertInto('security_alerts')
          .values({ agent_id: agentId, kind: 'not_me', created_at: new Date(t.clock.now().getTime() - minutesAgo * 60_000), ip: '198.51.100.9', network_zone: 'external' })
          .returning('id')
          .executeTakeFirstOrThrow();
      const older = await alert(dascoAgent.agentId, 30);
      const newer = await alert(dascoAgent.agentId, 10);
      const elsewhere = await alert(casvpAgent.agentId, 5);
      const dasco = await signIn(dascoSupport);
      const dsin = await signIn(dsinSupport);

      const handled = await dasco.post(`/api/support/security-alerts/${newer.id}/handle`, { note: 'Agent rappelé : connexion de son fils, mot de passe changé' });
      assert.equal(handled.statusCode, 200, handled.body);
      assert.equal(handled.json().handled.by, `Paul Durand (${dascoSupport.badgeNumber})`);
      assert.equal((await dsin.post(`/api/support/security-alerts/${newer.id}/handle`, { note: 'Deuxième passage' })).statusCode, 409);
      assert.equal((await dasco.post(`/api/support/security-alerts/${elsewhere.id}/handle`, { note: 'Hors périmètre' })).statusCode, 404);

      const mine = (await dasco.get('/api/support/security-alerts')).json();
      assert.deepEqual(mine.items.map((a: { id: string }) => a.id), [older.id, newer.id]);
      assert.equal(mine.openCount, 1);
      const cityWide = (await dsin.get('/api/support/security-alerts?status=open')).json();
      assert.deepEqual(cityWide.items.map((a: { id: string }) => a.id), [elsewhere.id, older.id]);
      const card = (await dasco.get(`/api/support/accounts/${dascoAgent.badgeNumber}`)).json();
      assert.deepEqual(card.openSecurityAlerts.map((a: { id: string }) => a.id), [older.id]);
      const [entry] = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'security_alert.handle').execute();
      assert.equal(entry?.reason, 'Agent rappelé : connexion de son fils, mot de passe changé');
    });
  });
}
