import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { remindTeleworkReviews, teleworkDaysOf } from './index.ts';

reportSkippedPostgres();

const DAY_MS = 86_400_000;
const quiet = { info() {} } as never;
let keys = 0;
const key = () => `telework-${Date.now()}-${(keys += 1)}`;

const twoDays = { fixedDays: ['monday', 'thursday'], startsOn: '2026-12-01', adaptationMonths: 3, installationSuitable: true };

for (const kind of testDatabaseKinds()) {
  describe(`telework (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let manager: AgentFixture;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const teamMember = async (lastName: string) => {
      const agent = await createAgent(db, { department: 'DASCO', firstName: 'Agent', lastName });
      await db.updateTable('agents').set({ manager_id: manager.agentId }).where('id', '=', agent.agentId).execute();
      return agent;
    };
    // Signed in at another time than the suite's clients (whose sessions a jump in time would end).
    const elsewhen = (who: AgentFixture) => signedIn(t, who);
    const ask = async (who: AgentFixture, body: object, idempotencyKey: string = key(), client?: TestClient) =>
      (client ?? (await as(who))).request('POST', '/api/me/telework/requests', body, { 'idempotency-key': idempotencyKey });
    const approve = async (requestId: string, client?: TestClient) =>
      (client ?? (await as(manager))).post(`/api/requests/${requestId}/decision`, { decision: 'approve' });
    const mine = async (who: AgentFixture) => (await (await as(who)).get('/api/me/telework')).json();
    const notificationsOf = (who: AgentFixture, notificationKind: string) =>
      db.selectFrom('notifications').select(['title', 'body']).where('agent_id', '=', who.agentId).where('kind', '=', notificationKind).execute();
    const rowsOf = async (who: AgentFixture) => (await db.selectFrom('requests').select('id').where('agent_id', '=', who.agentId).execute()).length;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      org = await hrOrganisation(db);
      manager = org.dascoManager;
    });
    after(async () => t.close());

    test('two fixed days are accepted, with an answer due within one month; four are refused with the reason on the field, nothing written', async () => {
      const agent = await teamMember('Bornes');
      const tooMany = await ask(agent, { ...twoDays, fixedDays: ['monday', 'tuesday', 'wednesday', 'thursday'] });
      assert.equal(tooMany.statusCode, 422, tooMany.body);
      const problem = tooMany.json();
      assert.deepEqual(
        problem.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]),
        [['fixedDays', 'over_weekly_telework_limit'], ['fixedDays', 'under_weekly_on_site_minimum']],
      );
      assert.equal(problem.errors[0].message, 'Vous demandez 4 jours de télétravail par semaine : 3 jours au plus.');
      assert.equal(problem.errors[1].message, 'Il vous resterait 1 jour sur site par semaine : 2 jours au moins.');
      const monthly = await ask(agent, { ...twoDays, floatingDays: 5, floatingPer: 'month' });
      assert.equal(monthly.json().errors[0].field, 'floatingDays', 'two fixed days a week and 5 floating a month make 13 days a month');
      const noStatement = await ask(agent, { ...twoDays, installationSuitable: false, startsOn: '2026-11-20', adaptationMonths: 4 });
      assert.deepEqual(noStatement.json().errors.map((e: { field: string }) => e.field).sort(), ['adaptationMonths', 'installationSuitable', 'startsOn']);
      assert.equal((await ask(agent, { ...twoDays, fixedDays: ['someday'] })).statusCode, 400);
      assert.equal((await ask(agent, { ...twoDays, comment: 'x'.repeat(1001) })).statusCode, 400);
      assert.equal((await (await as(agent)).post('/api/me/telework/requests', twoDays)).statusCode, 400, 'the Idempotency-Key header is required');
      assert.equal(await rowsOf(agent), 0, 'nothing half-written');

      const comment = '<b>Trajet</b> de 2 h';
      const sameKey = key();
      const accepted = await ask(agent, { ...twoDays, comment }, sameKey);
      assert.equal(accepted.statusCode, 201, accepted.body);
      assert.equal(accepted.json().answerDueOn, '2026-12-23');
      assert.equal((await ask(agent, { ...twoDays, comment }, sameKey)).json().requestId, accepted.json().requestId, 'a retried form files one request');
      const second = await ask(agent, { ...twoDays, fixedDays: ['friday'] });
      assert.equal(second.statusCode, 409, 'one pending telework request at a time');

      const view = await mine(agent);
      assert.equal(view.requests.length, 1);
      assert.equal(view.requests[0].comment, comment, 'stored as typed (the page escapes it)');
      assert.equal(view.requests[0].summary, 'Télétravail : lundi et jeudi, à partir du 1er décembre 2026 (adaptation 3 mois)');
      const inbox = (await (await as(manager)).get('/api/inbox')).json();
      const item = inbox.items.find((i: { id: string }) => i.id === accepted.json().requestId);
      assert.equal(item.answerDueOn, '2026-12-23');
      assert.equal(item.bulkApprovable, false);
    });

    test('a part-time agent cannot telework a day they do not work', async () => {
      const agent = await teamMember('Temps-Partiel');
      await db
        .insertInto('personal_files')
        .values({ agent_id: agent.agentId, birth_name: 'Temps-Partiel', birth_date: '1980-01-01', birth_place: 'Paris', address_line1: '1 rue de Rivoli', postal_code: '75001', city: 'Paris', working_time_percent: 80 })
        .execute();
      const refused = await ask(agent, { ...twoDays, fixedDays: ['wednesday'] });
      assert.equal(refused.json().errors[0].message, 'Vous ne travaillez pas le mercredi : ce jour ne peut pas être télétravaillé.');
      assert.equal((await ask(agent, { ...twoDays, fixedDays: ['monday', 'tuesday', 'thursday'] })).json().errors[0].rule, 'under_weekly_on_site_minimum');
      assert.deepEqual((await mine(agent)).cycle.wednesday, 'off');
    });

    test('a refusal needs an interview: the generic refusal is turned away, the interview form records it and refuses', async () => {
      const agent = await teamMember('Refus');
      const { requestId } = (await ask(agent, twoDays)).json();
      const generic = await (await as(manager)).post(`/api/requests/${requestId}/decision`, { decision: 'refuse', reason: 'Service en sous-effectif' });
      assert.equal(generic.statusCode, 422);
      assert.match(generic.json().detail, /entretien/);
      const bulk = (await (await as(manager)).post('/api/inbox/approvals', { ids: [requestId] })).json();
      assert.equal(bulk.results[0].outcome, 'failed', 'not approved in a batch');

      const refusal = { reason: 'Présence requise pour l’accueil des familles', interviewHeldOn: '2026-11-23', attendees: 'Sophie Lambert, l’agent' };
      const future = await (await as(manager)).post(`/api/telework/requests/${requestId}/refusal`, { ...refusal, interviewHeldOn: '2026-11-30' });
      assert.equal(future.json().errors[0].field, 'interviewHeldOn');
      const early = await (await as(manager)).post(`/api/telework/requests/${requestId}/refusal`, { ...refusal, interviewHeldOn: '2026-11-01' });
      assert.equal(early.statusCode, 422);
      assert.equal((await (await as(manager)).post(`/api/telework/requests/${requestId}/refusal`, { ...refusal, attendees: '' })).statusCode, 400);
      const outsider = await (await as(org.casvpManager)).post(`/api/telework/requests/${requestId}/refusal`, refusal);
      assert.equal(outsider.statusCode, 404, 'another team’s manager');
      assert.equal((await db.selectFrom('telework_refusal_interviews').selectAll().where('request_id', '=', requestId).execute()).length, 0, 'nothing recorded by a refused attempt');

      const refused = await (await as(manager)).post(`/api/telework/requests/${requestId}/refusal`, refusal);
      assert.equal(refused.statusCode, 200, refused.body);
      const [request] = (await mine(agent)).requests;
      assert.equal(request.status, 'refused');
      assert.equal(request.decisionReason, refusal.reason);
      assert.deepEqual(request.interview, { heldOn: '2026-11-23', attendees: refusal.attendees });
      assert.equal((await (await as(manager)).post(`/api/telework/requests/${requestId}/refusal`, refusal)).statusCode, 409);
      assert.equal((await notificationsOf(agent, 'request.refused')).length, 1);
    });

    test('approved, it runs from its start: adaptation end, next review, notice of one month during adaptation, the manager told', async () => {
      const agent = await teamMember('Preavis');
      const { requestId } = (await ask(agent, twoDays)).json();
      const team = (await (await as(manager)).get('/api/team/telework')).json();
      const pending = team.pending.find((p: { id: string }) => p.id === requestId);
      assert.equal(pending.daysLeft, 30);
      assert.equal(pending.agent.lastName, 'Preavis');
      assert.equal((await approve(requestId)).json().outcome, 'approved');

      const { arrangement } = await mine(agent);
      assert.equal(arrangement.startsOn, '2026-12-01');
      assert.equal(arrangement.adaptationEndsOn, '2027-02-28');
      assert.equal(arrangement.nextReviewOn, '2027-03-01');
      assert.equal(arrangement.endsOnIfNoticeToday, '2026-12-23', 'one month during the adaptation period');
      assert.equal(arrangement.floatingLeft, null);
      assert.deepEqual(arrangement.upcomingDays, []);
      const days = await teleworkDaysOf(db, [agent.agentId], '2026-12-21', '2026-12-27');
      assert.deepEqual(days.map((d) => [d.date, d.kind]), [['2026-12-21', 'fixed'], ['2026-12-24', 'fixed']]);

      const ended = await (await as(agent)).post('/api/me/telework/ending', { comment: 'Déménagement' });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.deepEqual(ended.json(), { endsOn: '2026-12-23', noticeGivenOn: '2026-11-23' });
      const [told] = await notificationsOf(manager, 'telework.ended');
      assert.match(told!.body, /Agent Preavis met fin à son télétravail : dernier jour le 23 décembre 2026/);
      assert.equal((await (await as(agent)).post('/api/me/telework/ending', {})).statusCode, 409, 'notice is given once');
      assert.equal((await (await as(agent)).post(`/api/me/requests/${requestId}/closing`, {})).statusCode, 200, 'not begun: the agent may still cancel it');
    });

    test('after adaptation the manager ends it with two months’ notice and reasons; quarterly reviews remind both sides once', async () => {
      const agent = await teamMember('Bilan');
      const { requestId } = (await ask(agent, { ...twoDays, startsOn: '2026-11-23', adaptationMonths: 1 })).json();
      await approve(requestId);
      const start = t.clock.now();
      try {
        t.clock.set('2027-02-23T10:00:00Z');
        await remindTeleworkReviews(t.app.ctx, t.clock.now(), quiet);
        await remindTeleworkReviews(t.app.ctx, t.clock.now(), quiet);
        assert.equal((await notificationsOf(agent, 'telework.review')).length, 1);
        assert.equal((await notificationsOf(manager, 'telework.review')).filter((n) => n.body.includes('Agent Bilan')).length, 1);
        const [agentLater, managerLater, outsiderLater] = [await elsewhen(agent), await elsewhen(manager), await elsewhen(org.casvpManager)];
        assert.equal((await agentLater.post(`/api/me/requests/${requestId}/closing`, {})).statusCode, 422, 'begun: it ends with notice');

        const ending = `/api/telework/arrangements/${requestId}/ending`;
        assert.equal((await outsiderLater.post(ending, { reason: 'Réorganisation du service' })).statusCode, 404);
        assert.equal((await managerLater.post(ending, { reason: '' })).statusCode, 400);
        const ended = await managerLater.post(ending, { reason: 'Réorganisation du service' });
        assert.deepEqual(ended.json(), { endsOn: '2027-04-23', noticeGivenOn: '2027-02-23' });
        const [told] = await notificationsOf(agent, 'telework.ended');
        assert.match(told!.body, /23 avril 2027\. Motif : Réorganisation du service/);
        assert.equal((await (await agentLater.get('/api/me/telework')).json()).arrangement.endedBy, 'manager');
      } finally {
        t.clock.set(start);
      }
    });

    test('floating days are booked one by one within the quota, even ten at once', async () => {
      const agent = await teamMember('Flottant');
      const { requestId } = (await ask(agent, { fixedDays: ['monday'], floatingDays: 4, floatingPer: 'month', startsOn: '2026-11-23', installationSuitable: true })).json();
      await approve(requestId);
      const client = await as(agent);
      const book = (date: string) => client.request('PUT', `/api/me/telework/floating-days/${date}`);
      const refusal = async (date: string) => (await book(date)).json().errors?.[0]?.message;
      assert.equal(await refusal('2026-12-25'), 'Ce jour est férié.');
      assert.equal(await refusal('2026-12-26'), 'Vous ne travaillez pas ce jour-là.');
      assert.equal(await refusal('2026-12-07'), 'Ce jour est déjà l’un de vos jours fixes de télétravail.');
      assert.equal(await refusal('2026-11-20'), 'Choisissez un jour à venir.');
      assert.equal((await book('2026-02-30')).statusCode, 400);
      await db
        .insertInto('recorded_absences')
        .values({ agent_id: agent.agentId, kind: 'sick_leave', start_date: '2026-12-22', starts_in: 'morning', end_date: '2026-12-23', ends_at: 'noon', half_days: 3, recorded_at: t.clock.now() })
        .execute();
      assert.equal(await refusal('2026-12-22'), 'Vous êtes en congé ou absent ce jour-là.');
      assert.equal((await book('2026-12-23')).statusCode, 200, 'the afternoon of a half-day away is worked');
      assert.equal((await client.delete('/api/me/telework/floating-days/2026-12-23')).statusCode, 204);

      const december = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-15', '2026-12-16'];
      const answers = await Promise.all(december.map(book));
      assert.equal(answers.filter((a) => a.statusCode === 200).length, 4, answers.map((a) => a.body).join('\n'));
      assert.ok(answers.filter((a) => a.statusCode === 422).every((a) => /Quota atteint : 4 jours flottants par mois/.test(a.body)));
      const stored = await db.selectFrom('telework_floating_days').select('day').where('agent_id', '=', agent.agentId).execute();
      assert.equal(stored.length, 4);
      const bookedDay = stored[0]!.day;
      assert.equal((await book(bookedDay)).statusCode, 200, 'booking a day again changes nothing');

      const view = (await mine(agent)).arrangement;
      assert.equal(view.floatingLeft, 4, 'November’s quota is untouched');
      assert.ok(view.upcomingDays.some((d: { date: string; booked: boolean }) => d.date === bookedDay && d.booked));
      assert.ok(!view.upcomingDays.some((d: { date: string }) => d.date === '2026-11-30'), 'a fixed Monday is not offered');
      assert.equal((await client.delete(`/api/me/telework/floating-days/${bookedDay}`)).statusCode, 204);
      assert.equal((await client.delete(`/api/me/telework/floating-days/${bookedDay}`)).statusCode, 404);
      assert.equal((await book('2026-12-17')).statusCode, 200, 'a freed day gives the quota back');
      const calendar = await teleworkDaysOf(db, [agent.agentId], '2026-12-14', '2026-12-20');
      assert.ok(calendar.some((d) => d.date === '2026-12-17' && d.kind === 'floating'));
      assert.ok(calendar.some((d) => d.date === '2026-12-14' && d.kind === 'fixed'));
    });

    test('the telework allowance of an ended quarter goes to the manager then to HR, once per quarter', async () => {
      const agent = await teamMember('Forfait');
      const start = t.clock.now();
      try {
        t.clock.set('2026-06-10T09:00:00Z');
        const { requestId } = (await ask(agent, { ...twoDays, startsOn: '2026-07-01' }, key(), await elsewhen(agent))).json();
        await approve(requestId, await elsewhen(manager));
      } finally {
        t.clock.set(start);
      }
      const client = await as(agent);
      const allowance = (await client.get('/api/me/telework/allowance')).json();
      assert.equal(allowance.ratePerDayCents, 288);
      assert.equal(allowance.yearlyCapCents, 25_344);
      const third = allowance.quarters.find((q: { year: number; quarter: number }) => q.year === 2026 && q.quarter === 3);
      assert.equal(third.teleworkDays, 26, 'Mondays and Thursdays of July to September 2026');
      assert.equal(third.amountCents, 26 * 288);

      const claim = (quarter: number, idempotencyKey = key()) => client.request('POST', '/api/me/telework/allowance-requests', { year: 2026, quarter }, { 'idempotency-key': idempotencyKey });
      assert.equal((await claim(4)).statusCode, 422, 'the quarter is not over');
      assert.equal((await claim(2)).json().errors[0].message, 'Aucun jour de télétravail sur ce trimestre.');
      const claimed = await claim(3);
      assert.equal(claimed.statusCode, 201, claimed.body);
      assert.deepEqual({ days: claimed.json().days, amountCents: claimed.json().amountCents }, { days: 26, amountCents: 7488 });
      assert.equal((await claim(3)).statusCode, 409);

      const id = claimed.json().requestId;
      assert.equal((await approve(id)).json().outcome, 'forwarded_to_hr');
      const hr = await (await as(org.dascoHr)).post(`/api/requests/${id}/decision`, { decision: 'approve' });
      assert.equal(hr.json().outcome, 'approved');
      const detail = (await client.get(`/api/requests/${id}`)).json();
      assert.match(detail.summary, /^Forfait télétravail du 3e trimestre 2026 : 26 jours, 74,88\s€$/);
      assert.deepEqual(detail.events.map((e: { action: string }) => e.action), ['submitted', 'forwarded_to_hr', 'approved']);
    });
  });
}
