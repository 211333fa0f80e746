import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { scheduledJobs } from '../../jobs/index.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { frenchDate, parisDate, parisMidnight } from './paris-calendar.ts';
import { addDays, auditTrailOf, hrOrganisation, pdfText, signedIn } from './test-support.ts';

reportSkippedPostgres();

const silent = pino({ level: 'silent' });

for (const kind of testDatabaseKinds()) {
  describe(`HR officers administer the accounts of their department (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    const db = () => t.database.db;
    const today = () => parisDate(t.clock.now());
    // Just after the next midnight in Paris, as the hourly job would see it.
    const afterMidnight = (minutes = 1) => new Date(parisMidnight(addDays(today(), 1)).getTime() + minutes * 60_000);
    const lifecycleJob = () => runDueJobs(t.app.ctx, scheduledJobs.filter((j) => j.name === 'account-lifecycle'), t.clock.now(), { log: silent });
    const newAgent = (body: Record<string, unknown> = {}) => ({
      badgeNumber: String(4_000_000 + Math.floor(Math.random() * 999_999)),
      firstName: 'Léa',
      lastName: 'Moreau',
      email: `lea.moreau.${Math.random().toString(36).slice(2, 8)}@paris.example`,
      departmentCode: 'DASCO',
      serviceCode: 'ECOLES',
      jobProfileCode: 'asem',
      gradeCode: 'asem-principal-2',
      startDate: today(),
      ...body,
    });

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', PUBLIC_URL: 'https://portail.paris.example' } });
      org = await hrOrganisation(db());
    });
    after(async () => t.close());

    test('an HR officer of DASCO creates a DASCO agent: pending before the start date, with a temporary password and an enrolment code shown once', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const body = newAgent({
        unitId: org.unitId,
        siteId: org.siteId,
        managerBadgeNumber: org.dascoManager.badgeNumber,
        professionalPhone: '01 42 76 40 40',
        startDate: addDays(today(), 7),
        reason: 'Recrutement rentrée de novembre',
      });
      const res = await hr.post('/api/hr/agents', body);
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.match(created.temporaryPassword, /^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
      assert.match(created.enrolmentCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // Valid 72 hours from the agent's first day, not from today.
      assert.equal(created.enrolmentCodeExpiresAt, new Date(parisMidnight(body.startDate).getTime() + 72 * 3_600_000).toISOString());
      const agent = created.agent;
      assert.equal(agent.status, 'pending');
      assert.deepEqual(
        [agent.department.code, agent.service.code, agent.unit.name, agent.site.name, agent.jobProfile.code, agent.grade.code, agent.jobTitle],
        ['DASCO', 'ECOLES', 'Circonscription 11e', 'Site Morland', 'asem', 'asem-principal-2', 'Agent spécialisé des écoles maternelles (ASEM)'],
      );
      assert.equal(agent.manager.badgeNumber, org.dascoManager.badgeNumber);
      assert.deepEqual(agent.account, {
        passwordIssued: true,
        temporaryPasswordPending: true,
        locked: false,
        lockedUntil: null,
        lastSignInAt: null,
        secondFactors: 0,
        enrolmentCodeExpiresAt: created.enrolmentCodeExpiresAt,
      });
      assert.equal(agent.visibleBecause, 'autorisé car : gestionnaire RH de la DASCO');

      // The secrets are stored hashed only, and a pending account cannot sign in yet.
      const stored = await db().selectFrom('accounts').selectAll().where('agent_id', '=', agent.id).executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(stored), new RegExp(created.temporaryPassword));
      const early = await testClient(t.app, { ip: '10.0.0.9' }).post('/api/auth/login', { identifier: body.badgeNumber, password: created.temporaryPassword });
      assert.equal(early.statusCode, 401);

      const fetched = (await hr.get(`/api/hr/agents/${agent.id}`)).json();
      assert.equal(fetched.badgeNumber, body.badgeNumber);
      const list = (await hr.get(`/api/hr/agents?q=${encodeURIComponent('moreau')}&status=pending`)).json();
      assert.ok(list.items.some((a: { id: string }) => a.id === agent.id));
      assert.ok(list.items.every((a: { department: { code: string } }) => a.department.code === 'DASCO'));

      const [entry] = await auditTrailOf(db(), agent.id);
      assert.equal(entry?.action, 'account.create');
      assert.equal(entry?.reason, 'Recrutement rentrée de novembre');
      assert.equal(entry?.actor_ip, '10.0.0.5');
      assert.match(entry?.actor_label ?? '', /Nathalie Girard/);
      assert.deepEqual((entry?.changes as Record<string, unknown>).department, { from: null, to: 'DASCO' });
      assert.doesNotMatch(JSON.stringify(entry), new RegExp(created.temporaryPassword));
    });

    test('creating an agent: clear per-field errors, a taken badge number or e-mail is a conflict, another department is refused', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const bad = await hr.post('/api/hr/agents', newAgent({ serviceCode: 'NOPE', jobProfileCode: 'astronaute', managerBadgeNumber: org.casvpManager.badgeNumber }));
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field).sort(), ['jobProfileCode', 'managerBadgeNumber', 'serviceCode']);
      assert.match(JSON.stringify(bad.json().errors), /même direction \(DASCO\)/);

      const format = await hr.post('/api/hr/agents', newAgent({ badgeNumber: '12-34', email: 'pas-une-adresse' }));
      assert.equal(format.statusCode, 400);
      assert.deepEqual(format.json().errors.map((e: { field: string }) => e.field).sort(), ['body.badgeNumber', 'body.email']);

      const taken = await hr.post('/api/hr/agents', newAgent({ badgeNumber: org.casvpManager.badgeNumber }));
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().errors[0].field, 'badgeNumber');

      const elsewhere = await hr.post('/api/hr/agents', newAgent({ departmentCode: 'CASVP', serviceCode: 'SOCIAL' }));
      assert.equal(elsewhere.statusCode, 403);
      assert.equal(elsewhere.json().errors[0].field, 'departmentCode');
      assert.match(elsewhere.json().errors[0].message, /vous ne gérez pas les agents de la CASVP/);
    });

    test('the same calls on a CASVP agent answer 404, as if the agent did not exist', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const casvpAgent = await createAgent(db(), { department: 'CASVP' });
      const base = `/api/hr/agents/${casvpAgent.agentId}`;
      const calls = [
        hr.get(base),
        hr.request('PATCH', base, { jobTitle: 'Autre', reason: 'essai' }),
        hr.post(`${base}/suspension`, { reason: 'essai de suspension' }),
        hr.post(`${base}/reactivation`, { reason: 'essai de réactivation' }),
        hr.post(`${base}/departure`, { date: today(), reason: 'essai de départ' }),
        hr.post(`${base}/departure/cancel`, { reason: 'essai' }),
        hr.post(`${base}/mobility`, { departmentCode: 'DASCO', reason: 'essai' }),
        hr.post(`${base}/welcome-letter`, {}),
      ];
      for (const res of await Promise.all(calls)) assert.equal(res.statusCode, 404, res.body);
      const unknown = await hr.get('/api/hr/agents/00000000-0000-4000-8000-000000000000');
      assert.deepEqual([unknown.statusCode, unknown.json().detail], [404, 'Aucun agent correspondant.']);
      const list = (await hr.get(`/api/hr/agents?q=${casvpAgent.badgeNumber}`)).json();
      assert.equal(list.total, 0);
      const status = await db().selectFrom('agents').select('status').where('id', '=', casvpAgent.agentId).executeTakeFirstOrThrow();
      assert.equal(status.status, 'active');
    });

    test('a plain agent gets 403 on the HR routes', async () => {
      const plain = await createAgent(db(), { department: 'DASCO' });
      const colleague = await createAgent(db(), { department: 'DASCO' });
      const client = await signedIn(t, plain);
      const base = `/api/hr/agents/${colleague.agentId}`;
      const calls = [
        client.get('/api/hr/reference'),
        client.get('/api/hr/agents'),
        client.get(base),
        client.post('/api/hr/agents', newAgent()),
        client.request('PATCH', base, { jobTitle: 'Autre' }),
        client.post(`${base}/suspension`, { reason: 'je peux ?' }),
        client.post(`${base}/departure`, { date: today(), reason: 'je peux ?' }),
        client.post(`${base}/mobility`, { departmentCode: 'CASVP', reason: 'je peux ?' }),
        client.post(`${base}/welcome-letter`, {}),
        client.post('/api/hr/imports', { csv: 'matricule;nom\n' }),
      ];
      for (const res of await Promise.all(calls)) assert.equal(res.statusCode, 403, res.body);
      assert.equal((await testClient(t.app).get('/api/hr/agents')).statusCode, 401);
    });

    test('updates a DASCO agent field by field, each change audited with its reason', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const agent = await createAgent(db(), { department: 'DASCO' });
      const res = await hr.request('PATCH', `/api/hr/agents/${agent.agentId}`, {
        jobTitle: 'Responsable de la restauration scolaire',
        serviceCode: 'ECOLES',
        unitId: org.unitId,
        managerBadgeNumber: org.dascoManager.badgeNumber,
        professionalPhone: '01  42 76 40 40',
        reason: 'Prise de poste au 11e',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().changedFields.sort(), ['jobTitle', 'manager', 'professionalPhone', 'service', 'unit']);
      assert.equal(res.json().agent.professionalPhone, '01 42 76 40 40');

      const again = await hr.request('PATCH', `/api/hr/agents/${agent.agentId}`, { jobTitle: 'Responsable de la restauration scolaire' });
      assert.deepEqual(again.json().changedFields, []);
      const wrongUnit = await hr.request('PATCH', `/api/hr/agents/${agent.agentId}`, { serviceCode: 'RH', unitId: org.unitId });
      assert.equal(wrongUnit.statusCode, 400);
      assert.equal(wrongUnit.json().errors[0].field, 'unitId');
      const emailTaken = await hr.request('PATCH', `/api/hr/agents/${agent.agentId}`, { email: org.dascoManager.email });
      assert.deepEqual([emailTaken.statusCode, emailTaken.json().errors[0].field], [409, 'email']);

      const trail = await auditTrailOf(db(), agent.agentId);
      assert.deepEqual(trail.map((e) => e.action), ['account.update']);
      assert.equal(trail[0]?.reason, 'Prise de poste au 11e');
      assert.deepEqual((trail[0]?.changes as Record<string, unknown>).service, { from: null, to: 'ECOLES' });
      assert.deepEqual((trail[0]?.changes as Record<string, unknown>).manager, { from: null, to: `Sophie Lambert (${org.dascoManager.badgeNumber})` });

      const own = await hr.request('PATCH', `/api/hr/agents/${org.dascoHr.agentId}`, { jobTitle: 'Directrice' });
      assert.equal(own.statusCode, 403);
    });

    test('suspension ends the agent’s sessions immediately; reactivation lets them sign in again', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const agent = await createAgent(db(), { department: 'DASCO' });
      const desk = await signedIn(t, agent);
      const phone = await signedIn(t, agent);
      assert.equal((await desk.get('/api/me')).statusCode, 200);

      const noReason = await hr.post(`/api/hr/agents/${agent.agentId}/suspension`, {});
      assert.deepEqual([noReason.statusCode, noReason.json().errors[0].field], [400, 'body.reason']);

      const res = await hr.post(`/api/hr/agents/${agent.agentId}/suspension`, { reason: 'Enquête administrative en cours' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'suspended');
      assert.equal(res.json().suspensionReason, 'Enquête administrative en cours');
      assert.equal((await desk.get('/api/me')).statusCode, 401);
      assert.equal((await phone.get('/api/me')).statusCode, 401);
      const count = await db().selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
      const refused = await testClient(t.app, { ip: '10.0.0.7' }).post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(refused.statusCode, 401);
      assert.equal((await hr.post(`/api/hr/agents/${agent.agentId}/suspension`, { reason: 'encore' })).statusCode, 409);

      const back = await hr.post(`/api/hr/agents/${agent.agentId}/reactivation`, { reason: 'Enquête close sans suite' });
      assert.equal(back.json().status, 'active');
      await signedIn(t, agent);

      const trail = await auditTrailOf(db(), agent.agentId);
      assert.deepEqual(trail.map((e) => [e.action, e.reason]), [
        ['account.suspend', 'Enquête administrative en cours'],
        ['account.reactivate', 'Enquête close sans suite'],
      ]);
      assert.equal((trail[0]?.changes as { sessionsEnded: number }).sessionsEnded, 2);
    });

    test('the welcome letter is a real PDF with the badge number, and its temporary password signs in (change_password next)', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const body = newAgent({ firstName: 'Élodie', lastName: 'Bérard', managerBadgeNumber: org.dascoManager.badgeNumber });
      const created = (await hr.post('/api/hr/agents', body)).json();
      assert.equal(created.agent.status, 'active');

      const letter = await hr.post(`/api/hr/agents/${created.agent.id}/welcome-letter`, {
        temporaryPassword: created.temporaryPassword,
        enrolmentCode: created.enrolmentCode.toLowerCase(),
      });
      assert.equal(letter.statusCode, 200, letter.body);
      assert.equal(letter.headers['content-type'], 'application/pdf');
      assert.match(String(letter.headers['content-disposition']), new RegExp(`lettre-accueil-${body.badgeNumber}\\.pdf`));
      assert.equal(letter.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(letter.rawPayload).replace(/\s+/g, ' ');
      for (const expected of [
        'Ville de Paris',
        'Élodie Bérard',
        body.badgeNumber,
        body.email,
        'https://portail.paris.example',
        created.temporaryPassword,
        created.enrolmentCode,
        'application d’authentification',
        'Nathalie Girard',
        'Sophie Lambert',
      ]) {
        assert.ok(text.includes(expected), `the letter shows ${expected}`);
      }

      const agent = testClient(t.app, { ip: '10.0.0.8' });
      const login = await agent.post('/api/auth/login', { identifier: body.badgeNumber, password: created.temporaryPassword });
      assert.deepEqual(login.json(), { next: 'change_password' });

      // Secrets that are not (or no longer) the agent's are not printed; without them, new ones are drawn.
      const forged = await hr.post(`/api/hr/agents/${created.agent.id}/welcome-letter`, { temporaryPassword: 'abcd-efgh-jkmn-pqrs', enrolmentCode: created.enrolmentCode });
      assert.equal(forged.statusCode, 409);
      const fresh = await hr.post(`/api/hr/agents/${created.agent.id}/welcome-letter`, { reason: 'Lettre perdue' });
      assert.equal(fresh.statusCode, 200);
      assert.ok(!pdfText(fresh.rawPayload).includes(created.temporaryPassword));
      assert.equal((await agent.get('/api/me/sessions')).statusCode, 401, 'the new letter ends the sessions of the old one');
      const old = await testClient(t.app, { ip: '10.0.0.8' }).post('/api/auth/login', { identifier: body.badgeNumber, password: created.temporaryPassword });
      assert.equal(old.statusCode, 401);

      const trail = await auditTrailOf(db(), created.agent.id);
      assert.deepEqual(trail.map((e) => e.action), ['account.create', 'account.welcome_letter', 'account.welcome_letter']);
      assert.equal(trail[2]?.reason, 'Lettre perdue');
      assert.deepEqual(trail[2]?.changes, { temporaryPassword: '[modifié]', enrolmentCode: '[modifié]' });
    });

    test('mobility to CASVP moves the agent out of DASCO HR’s sight and into CASVP HR’s the same day, with a new manager', async () => {
      const dascoHr = await signedIn(t, org.dascoHr);
      const casvpHr = await signedIn(t, org.casvpHr);
      const agent = await createAgent(db(), { department: 'DASCO', role: 'manager' });
      await db().updateTable('agents').set({ manager_id: org.dascoManager.agentId, service_id: org.services.ecoles }).where('id', '=', agent.agentId).execute();
      assert.equal((await casvpHr.get(`/api/hr/agents/${agent.agentId}`)).statusCode, 404);

      const wrongManager = await dascoHr.post(`/api/hr/agents/${agent.agentId}/mobility`, {
        departmentCode: 'CASVP',
        managerBadgeNumber: org.dascoManager.badgeNumber,
        reason: 'Mutation',
      });
      assert.deepEqual([wrongManager.statusCode, wrongManager.json().errors[0].field], [400, 'managerBadgeNumber']);

      const res = await dascoHr.post(`/api/hr/agents/${agent.agentId}/mobility`, {
        departmentCode: 'CASVP',
        serviceCode: 'SOCIAL',
        managerBadgeNumber: org.casvpManager.badgeNumber,
        reason: 'Mutation à sa demande',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { applied: true, effectiveDate: today(), departmentCode: 'CASVP', agent: null });

      assert.equal((await dascoHr.get(`/api/hr/agents/${agent.agentId}`)).statusCode, 404);
      const seen = await casvpHr.get(`/api/hr/agents/${agent.agentId}`);
      assert.equal(seen.statusCode, 200);
      assert.deepEqual([seen.json().department.code, seen.json().service.code, seen.json().manager.badgeNumber], ['CASVP', 'SOCIAL', org.casvpManager.badgeNumber]);
      const roles = await db().selectFrom('role_assignments').select('role').where('agent_id', '=', agent.agentId).execute();
      assert.deepEqual(roles, [], 'the manager role over DASCO ended with the move');

      const [entry] = await auditTrailOf(db(), agent.agentId);
      assert.equal(entry?.action, 'account.mobility');
      assert.equal(entry?.reason, 'Mutation à sa demande');
      const changes = entry?.changes as Record<string, unknown>;
      assert.deepEqual(changes.department, { from: 'DASCO', to: 'CASVP' });
      assert.deepEqual(changes.rolesEnded, ['manager']);
      const history = await db().selectFrom('department_changes').selectAll().where('agent_id', '=', agent.agentId).execute();
      assert.equal(history.length, 1);
      assert.ok(history[0]?.applied_at);
    });

    test('a departure dated tomorrow keeps the account open today; the job closes it and ends its sessions once midnight passes in Paris', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const leaving = await createAgent(db(), { department: 'DASCO' });
      const tomorrow = addDays(today(), 1);
      const res = await hr.post(`/api/hr/agents/${leaving.agentId}/departure`, { date: tomorrow, reason: 'Départ à la retraite' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().status, res.json().departureDate], ['active', tomorrow]);

      const leavingNow = await createAgent(db(), { department: 'DASCO' });
      const leavingNowSession = await signedIn(t, leavingNow);
      const now = await hr.post(`/api/hr/agents/${leavingNow.agentId}/departure`, { date: today(), reason: 'Fin de contrat' });
      assert.equal(now.json().status, 'departed');
      assert.equal((await leavingNowSession.get('/api/me')).statusCode, 401);
      assert.equal((await hr.post(`/api/hr/agents/${leavingNow.agentId}/departure/cancel`, { reason: 'erreur' })).statusCode, 409);

      // 23:50 in Paris: still today. The job runs every 15 minutes: next at 00:05.
      t.clock.set(afterMidnight(-10));
      const session = await signedIn(t, leaving);
      await lifecycleJob();
      assert.equal((await session.get('/api/me')).statusCode, 200);

      t.clock.set(afterMidnight(6));
      const outcomes = await lifecycleJob();
      assert.deepEqual(outcomes, [{ name: 'account-lifecycle', status: 'succeeded' }]);
      assert.equal((await session.get('/api/me')).statusCode, 401);
      const row = await db().selectFrom('agents').select(['status', 'departed_at']).where('id', '=', leaving.agentId).executeTakeFirstOrThrow();
      assert.equal(row.status, 'departed');
      const refused = await testClient(t.app, { ip: '10.0.0.7' }).post('/api/auth/login', { identifier: leaving.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(refused.statusCode, 401);

      const trail = await auditTrailOf(db(), leaving.agentId);
      assert.deepEqual(trail.map((e) => [e.action, e.reason]), [
        ['account.depart', 'Départ à la retraite'],
        ['account.departed', `Départ à la date prévue (${frenchDate(tomorrow)})`],
      ]);
      assert.equal(trail[1]?.actor_ip, null);
      assert.equal((trail[1]?.changes as { sessionsEnded: number }).sessionsEnded, 1);
    });

    test('a pending account becomes active on its start date, and a scheduled mobility happens that day', async () => {
      const hr = await signedIn(t, org.dascoHr);
      const start = addDays(today(), 1);
      const created = (await hr.post('/api/hr/agents', newAgent({ startDate: start }))).json();
      assert.equal(created.agent.status, 'pending');

      const moving = await createAgent(db(), { department: 'DASCO' });
      const scheduled = await hr.post(`/api/hr/agents/${moving.agentId}/mobility`, {
        departmentCode: 'CASVP',
        managerBadgeNumber: org.casvpManager.badgeNumber,
        effectiveDate: start,
        reason: 'Mutation au 1er du mois',
      });
      assert.equal(scheduled.statusCode, 200, scheduled.body);
      assert.equal(scheduled.json().applied, false);
      assert.equal(scheduled.json().agent.scheduledMobility.department.code, 'CASVP');
      assert.equal((await hr.post(`/api/hr/agents/${moving.agentId}/mobility`, { departmentCode: 'CASVP', effectiveDate: start, reason: 'bis' })).statusCode, 409);

      await runAccountLifecycleAt(afterMidnight(-30));
      const hrLateEvening = await signedIn(t, org.dascoHr);
      assert.equal((await hrLateEvening.get(`/api/hr/agents/${created.agent.id}`)).json().status, 'pending');

      t.clock.set(afterMidnight(5));
      await lifecycleJob();
      const hrNextDay = await signedIn(t, org.dascoHr);
      assert.equal((await hrNextDay.get(`/api/hr/agents/${created.agent.id}`)).json().status, 'active');
      const login = await testClient(t.app, { ip: '10.0.0.8' }).post('/api/auth/login', { identifier: created.agent.badgeNumber, password: created.temporaryPassword });
      assert.deepEqual(login.json(), { next: 'change_password' });
      assert.equal((await hrNextDay.get(`/api/hr/agents/${moving.agentId}`)).statusCode, 404);
      const casvp = await signedIn(t, org.casvpHr);
      assert.equal((await casvp.get(`/api/hr/agents/${moving.agentId}`)).json().manager.badgeNumber, org.casvpManager.badgeNumber);

      assert.deepEqual((await auditTrailOf(db(), created.agent.id)).map((e) => e.action), ['account.create', 'account.activate']);
      assert.deepEqual((await auditTrailOf(db(), moving.agentId)).map((e) => [e.action, e.reason]), [
        ['account.mobility_schedule', 'Mutation au 1er du mois'],
        ['account.mobility', 'Mutation au 1er du mois'],
      ]);
      const chain = await verifyAuditChain(db());
      assert.equal(chain.ok, true, chain.problem);
    });

    async function runAccountLifecycleAt(at: Date) {
      t.clock.set(at);
      await lifecycleJob();
    }
  });
}
