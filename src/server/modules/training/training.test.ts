import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, pdfText, signedIn } from '../accounts/test-support.ts';
import { registerForSession } from './registration.service.ts';

reportSkippedPostgres();

let keys = 0;
const key = () => `training-${Date.now()}-${(keys += 1)}`;

// The test clock says 23 November 2026.
const psc1 = {
  title: 'Gestes de premiers secours (PSC1)',
  theme: 'health_safety',
  format: 'in_person',
  description: 'Protéger, alerter, masser, défibriller : la formation de secouriste citoyen.',
  durationMinutes: 420,
  audience: 'Tous les agents',
};

for (const kind of testDatabaseKinds()) {
  describe(`training (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let manager: AgentFixture;
    let lea: AgentFixture;
    let ines: AgentFixture;
    let psc1Id: string;
    let sessionId: string;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const managedBy = (who: AgentFixture, boss: AgentFixture) => db.updateTable('agents').set({ manager_id: boss.agentId }).where('id', '=', who.agentId).execute();
    const register = async (who: AgentFixture, session: string, body: Record<string, unknown> = {}, idempotencyKey = key()) =>
      (await as(who)).request('POST', `/api/training/sessions/${session}/registrations`, body, { 'idempotency-key': idempotencyKey });
    const approve = async (requestId: string) => (await as(manager)).post(`/api/requests/${requestId}/decision`, { decision: 'approve' });
    const myTraining = async (who: AgentFixture, session: string) =>
      (await (await as(who)).get('/api/me/trainings')).json().items.find((i: { session: { id: string } }) => i.session.id === session);
    const newSession = async (courseId: string, body: Record<string, unknown>) => {
      const res = await (await as(org.dascoHr)).post(`/api/hr/training/courses/${courseId}/sessions`, body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json().sessions.find((s: { startsOn: string; place: string }) => s.startsOn === body.startsOn && s.place === body.place).id as string;
    };
    const notificationsOf = (who: AgentFixture, kindOf: string) =>
      db.selectFrom('notifications').select(['title', 'body']).where('agent_id', '=', who.agentId).where('kind', '=', kindOf).execute();
    let hired = 0;
    const team = async (count: number) => {
      const agents: AgentFixture[] = [];
      for (let i = 0; i < count; i += 1) {
        const agent = await createAgent(db, { department: 'DASCO', firstName: 'Agent', lastName: `Equipe${(hired += 1)}` });
        await managedBy(agent, manager);
        agents.push(agent);
      }
      return agents;
    };

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      org = await hrOrganisation(db);
      manager = org.dascoManager;
      lea = await createAgent(db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' });
      ines = await createAgent(db, { department: 'DASCO', firstName: 'Inès', lastName: 'Roux' });
      await managedBy(lea, manager);
      await managedBy(ines, manager);
    });
    after(async () => t.close());

    test('HR builds the catalogue; an agent finds a course by a word, a theme, a format, upcoming only, page by page', async () => {
      const hr = await as(org.dascoHr);
      assert.equal((await (await as(lea)).post('/api/hr/training/courses', psc1)).statusCode, 403, 'an agent does not edit the catalogue');
      const created = await hr.post('/api/hr/training/courses', psc1);
      assert.equal(created.statusCode, 201, created.body);
      psc1Id = created.json().id;
      sessionId = await newSession(psc1Id, { startsOn: '2027-01-12', endsOn: '2027-01-13', place: 'Centre de formation, 12 rue Chauchat', capacity: 2 });
      const rgpd = (
        await hr.post('/api/hr/training/courses', { ...psc1, title: 'RGPD : protéger les données', theme: 'public_law', format: 'e_learning', description: 'Module en ligne sur les données personnelles.' })
      ).json();
      await newSession(rgpd.id, { startsOn: '2026-11-23', endsOn: '2027-05-31', place: 'Plateforme en ligne' });
      await hr.post('/api/hr/training/courses', { ...psc1, title: 'Excel : les fondamentaux', theme: 'digital', description: 'Tableaux, formules, tris et filtres.' });

      const search = async (query: string) => (await (await as(lea)).get(`/api/training/courses${query}`)).json();
      const found = await search('?q=SECOURS&upcoming=true');
      assert.deepEqual(found.items.map((c: { title: string }) => c.title), [psc1.title], 'accents and case ignored');
      assert.equal(found.items[0].nextSession.seatsLeft, 2);
      assert.equal(found.items[0].nextSession.startsOn, '2027-01-12');
      assert.deepEqual((await search('?theme=public_law')).items.map((c: { title: string }) => c.title), ['RGPD : protéger les données']);
      assert.equal((await search('?format=e_learning')).items[0].nextSession.seatsLeft, null, 'e-learning has no capacity');
      assert.equal((await search('?upcoming=true')).total, 2, 'Excel has no session to register to');
      const all = await search('?limit=2&offset=2');
      assert.equal(all.total, 3);
      assert.deepEqual(all.items.map((c: { title: string }) => c.title), ['RGPD : protéger les données'], 'third of three, alphabetically');
      assert.equal((await (await as(lea)).get('/api/training/courses?format=presentiel')).statusCode, 400);
    });

    test('bad input is refused with its reason, and nothing is written', async () => {
      const hr = await as(org.dascoHr);
      const countSessions = async () => (await db.selectFrom('training_sessions').select('id').execute()).length;
      const before = await countSessions();
      const session = (body: Record<string, unknown>) => hr.post(`/api/hr/training/courses/${psc1Id}/sessions`, { startsOn: '2027-02-01', endsOn: '2027-02-01', place: 'Mairie du 11e', capacity: 10, ...body });
      const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
      const reversed = await session({ endsOn: '2027-01-30' });
      assert.equal(reversed.statusCode, 400);
      assert.deepEqual(fieldsOf(reversed), ['endsOn']);
      assert.deepEqual(fieldsOf(await session({ startsOn: '2026-11-01', endsOn: '2026-11-02' })), ['startsOn']);
      assert.deepEqual(fieldsOf(await session({ capacity: null })), ['capacity'], 'a room has a number of seats');
      assert.equal((await session({ capacity: 0 })).statusCode, 400);
      assert.equal((await session({ startsOn: '2027-02-30' })).statusCode, 400);
      assert.equal(await countSessions(), before);

      assert.deepEqual(fieldsOf(await hr.post('/api/hr/training/courses', psc1)), ['title'], 'the same title twice');
      assert.deepEqual(fieldsOf(await hr.post('/api/hr/training/courses', { ...psc1, title: 'Autre', theme: 'cuisine' })), ['body.theme']);
      assert.deepEqual(fieldsOf(await hr.post('/api/hr/training/courses', { ...psc1, title: 'Long', description: 'x'.repeat(4001) })), ['body.description']);
      const html = '<script>alert(1)</script> Formation « sûre »';
      const stored = await hr.post('/api/hr/training/courses', { ...psc1, title: html });
      assert.equal(stored.json().title, html, 'stored as typed (the page escapes it)');

      const long = await register(lea, sessionId, { comment: 'x'.repeat(501) });
      assert.equal(long.statusCode, 400);
      assert.equal((await (await as(lea)).post(`/api/training/sessions/${sessionId}/registrations`, {})).statusCode, 400, 'Idempotency-Key required');
      assert.equal((await register(lea, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      assert.equal((await db.selectFrom('training_registrations').select('id').execute()).length, 0);
    });

    test('a registration goes to the manager; approval gives a seat, or the waiting list once the session is full', async () => {
      const comment = 'Je suis référente sécurité <b>de mon école</b>.';
      const sameKey = key();
      const first = await register(lea, sessionId, { comment }, sameKey);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().status, 'pending');
      const retried = await register(lea, sessionId, { comment }, sameKey);
      assert.equal(retried.statusCode, 200);
      assert.equal(retried.json().registrationId, first.json().registrationId, 'a retried form creates one registration');
      assert.equal((await register(lea, sessionId)).statusCode, 409, 'one registration per session');

      const inbox = (await (await as(manager)).get('/api/inbox')).json();
      const item = inbox.items.find((i: { id: string }) => i.id === first.json().requestId);
      assert.equal(item.kindLabel, 'Demande de formation');
      assert.match(item.summary, /« Gestes de premiers secours \(PSC1\) » du 12 au 13 janvier 2027/);
      assert.ok(item.summary.includes(comment), 'the manager reads the agent’s comment');
      assert.equal(item.bulkApprovable, true);
      assert.equal((await notificationsOf(manager, 'request.awaiting')).length, 1);

      const pending = (await (await as(lea)).get(`/api/training/courses/${psc1Id}`)).json().sessions[0];
      assert.equal(pending.mine.status, 'pending');
      assert.equal(pending.seatsLeft, 2, 'no seat held while the manager has not answered');

      assert.equal((await approve(first.json().requestId)).json().outcome, 'approved');
      assert.equal((await myTraining(lea, sessionId)).status, 'registered');
      const ines1 = await register(ines, sessionId);
      await approve(ines1.json().requestId);
      const [third] = await team(1);
      const thirdRequest = (await register(third!, sessionId)).json();
      await approve(thirdRequest.requestId);
      const waiting = await myTraining(third!, sessionId);
      assert.equal(waiting.status, 'waiting');
      assert.equal(waiting.waitingPosition, 1);
      const [told] = await notificationsOf(third!, 'training.waiting');
      assert.match(told!.body, /position 1 sur la liste d’attente/);
      const detail = (await (await as(lea)).get(`/api/training/courses/${psc1Id}`)).json().sessions[0];
      assert.deepEqual([detail.seatsLeft, detail.waiting], [0, 1]);

      const rgpd = (await (await as(lea)).get('/api/training/courses?format=e_learning')).json().items[0].id;
      const elearning = (await (await as(lea)).get(`/api/training/courses/${rgpd}`)).json().sessions[0];
      const module = await register(lea, elearning.id);
      await approve(module.json().requestId);
      assert.equal((await myTraining(lea, elearning.id)).status, 'registered', 'e-learning: always a place');
    });

    test('ten approvals at once on a session of three seats: exactly three registered and seven waiting, in order', async () => {
      const threeSeats = await newSession(psc1Id, { startsOn: '2027-03-02', endsOn: '2027-03-02', place: 'Mairie du 11e', capacity: 3 });
      const agents = await team(10);
      const requests = [];
      for (const agent of agents) requests.push((await registerForSession(t.app.ctx, agent.agentId, threeSeats, {}, key())).requestId);
      const outcomes = await Promise.all(requests.map((id) => approve(id)));
      assert.deepEqual(outcomes.map((r) => r.statusCode), Array(10).fill(200));
      const rows = await db.selectFrom('training_registrations').select(['status']).where('session_id', '=', threeSeats).execute();
      assert.equal(rows.filter((r) => r.status === 'registered').length, 3);
      assert.equal(rows.filter((r) => r.status === 'waiting').length, 7);
      const positions = (await Promise.all(agents.map((a) => myTraining(a, threeSeats)))).map((m) => m.waitingPosition).filter((p) => p !== null);
      assert.deepEqual(positions.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7]);
    });

    test('a cancellation frees the seat: the first on the waiting list gets it at once and is told', async () => {
      const [seated, first, second] = await team(3);
      const oneSeat = await newSession(psc1Id, { startsOn: '2027-04-06', endsOn: '2027-04-06', place: 'Salle Morland', capacity: 1 });
      const requests = [];
      for (const agent of [seated!, first!, second!]) {
        const { requestId } = await registerForSession(t.app.ctx, agent.agentId, oneSeat, {}, key());
        await approve(requestId);
        requests.push(requestId);
      }
      assert.deepEqual((await Promise.all([first!, second!].map((a) => myTraining(a, oneSeat)))).map((m) => m.waitingPosition), [1, 2]);

      const cancelled = await (await as(seated!)).post(`/api/me/requests/${requests[0]}/closing`, { comment: 'Changement de planning' });
      assert.equal(cancelled.json().outcome, 'cancelled');
      assert.equal((await myTraining(seated!, oneSeat)).status, 'cancelled');
      assert.equal((await myTraining(first!, oneSeat)).status, 'registered');
      assert.equal((await myTraining(second!, oneSeat)).waitingPosition, 1, 'the list moved up');
      const [seat] = await notificationsOf(first!, 'training.seat');
      assert.match(seat!.body, /vous êtes inscrit\(e\) à la session « Gestes de premiers secours \(PSC1\) » le 6 avril 2027/);

      await (await as(second!)).post(`/api/me/requests/${requests[2]}/closing`, {});
      assert.equal((await myTraining(second!, oneSeat)).status, 'cancelled', 'leaving the waiting list frees nothing');
      assert.equal((await myTraining(first!, oneSeat)).status, 'registered');

      const withdrawn = await registerForSession(t.app.ctx, seated!.agentId, oneSeat, {}, key());
      assert.equal((await (await as(seated!)).post(`/api/me/requests/${withdrawn.requestId}/closing`, {})).json().outcome, 'withdrawn');
      const history = (await (await as(seated!)).get('/api/me/trainings')).json().items.filter((i: { session: { id: string } }) => i.session.id === oneSeat);
      assert.deepEqual(history.map((i: { status: string }) => i.status).sort(), ['cancelled', 'withdrawn'], 'both kept in the history');
    });

    test('attendance recorded by HR after the session gives the agent a certificate naming them, the course and the dates', async () => {
      const hr = await as(org.dascoHr);
      const registrants = (await hr.get(`/api/hr/training/sessions/${sessionId}/registrants`)).json();
      assert.equal(registrants.attendanceOpen, false);
      const id = (who: AgentFixture) => registrants.items.find((r: { agent: { id: string } }) => r.agent.id === who.agentId).registrationId;
      const waitingOne = registrants.items.find((r: { status: string }) => r.status === 'waiting').registrationId;
      const entries = [{ registrationId: id(lea), attended: true }, { registrationId: id(ines), attended: false }];
      assert.equal((await hr.request('PUT', `/api/hr/training/sessions/${sessionId}/attendance`, { entries })).statusCode, 422, 'not before the last day');
      assert.equal((await (await as(lea)).request('PUT', `/api/hr/training/sessions/${sessionId}/attendance`, { entries })).statusCode, 403);

      t.clock.set('2027-01-12T08:00:00Z');
      clients.clear(); // seven weeks later: the sessions have expired, everyone signs in again
      const late = await (await as(lea)).post(`/api/me/requests/${(await myTraining(lea, sessionId)).requestId}/closing`, {});
      assert.equal(late.statusCode, 422, 'no cancelling once the session has begun');
      assert.match(late.json().detail, /a commencé/);

      t.clock.set('2027-01-13T16:00:00Z');
      clients.clear();
      const hrNow = await as(org.dascoHr);
      const wrong = await hrNow.request('PUT', `/api/hr/training/sessions/${sessionId}/attendance`, {
        entries: [{ registrationId: id(lea), attended: true }, { registrationId: waitingOne, attended: true }],
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(wrong.json().errors.map((e: { field: string }) => e.field), ['entries.1.registrationId']);
      assert.equal((await myTraining(lea, sessionId)).status, 'registered', 'nothing written');

      const recorded = await hrNow.request('PUT', `/api/hr/training/sessions/${sessionId}/attendance`, { entries });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.deepEqual([recorded.json().session.attended, recorded.json().session.absent], [1, 1]);
      const mine = await myTraining(lea, sessionId);
      assert.deepEqual([mine.status, mine.certificate], ['attended', true]);
      assert.equal((await notificationsOf(lea, 'training.attended')).length, 1);

      const pdf = await (await as(lea)).get(`/api/training/registrations/${mine.registrationId}/certificate`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = pdfText(pdf.rawPayload);
      assert.match(text, /ATTESTATION DE PRÉSENCE/);
      assert.match(text, /Léa MOREAU/);
      assert.match(text, /« Gestes de premiers secours \(PSC1\) »/);
      assert.match(text, /du 12 au 13 janvier 2027/);
      assert.match(text, /Ville de Paris/);
      const again2 = await (await as(lea)).get(`/api/training/registrations/${mine.registrationId}/certificate`);
      assert.deepEqual(again2.rawPayload, pdf.rawPayload, 'the same document at every download');
      assert.equal((await hrNow.get(`/api/training/registrations/${mine.registrationId}/certificate`)).statusCode, 200, 'HR downloads it too');
      assert.equal((await (await as(ines)).get(`/api/training/registrations/${mine.registrationId}/certificate`)).statusCode, 404, 'nobody else');
      assert.equal((await (await as(ines)).get(`/api/training/registrations/${id(ines)}/certificate`)).statusCode, 422, 'absent: no certificate');
      assert.equal((await myTraining(ines, sessionId)).status, 'absent');
    });
  });
}
