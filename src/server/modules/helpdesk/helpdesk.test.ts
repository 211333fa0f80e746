import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { levels, priorityMatrix, priorityOf } from './helpdesk-rules.ts';
import { closeUnansweredSolutions } from './index.ts';

reportSkippedPostgres();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const quiet = { info() {} } as never;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const ticketBody = (over: Record<string, unknown> = {}) => ({
  kind: 'incident',
  category: 'email',
  urgency: 'high',
  title: 'Ma messagerie ne s’ouvre plus',
  description: 'Depuis ce matin, le webmail affiche une page blanche.',
  ...over,
});

test('the priority matrix gives a priority to every urgency × impact, rising with both', () => {
  const rank = ['low', 'medium', 'high', 'very_high'];
  for (const impact of levels) {
    for (const urgency of levels) assert.equal(priorityOf(urgency, impact), priorityMatrix[impact][urgency]);
  }
  assert.equal(priorityOf('high', 'high'), 'very_high');
  assert.equal(priorityOf('low', 'low'), 'low');
  assert.ok(rank.indexOf(priorityOf('high', 'medium')) > rank.indexOf(priorityOf('medium', 'medium')));
});

for (const kind of testDatabaseKinds()) {
  describe(`helpdesk (${kind})`, () => {
    let t: TestApp;
    let lea: AgentFixture;
    let dascoSupport: AgentFixture;
    let casvpSupport: AgentFixture;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      lea = await createAgent(t.database.db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' });
      dascoSupport = await createAgent(t.database.db, { department: 'DASCO', role: 'it_support', firstName: 'Paul', lastName: 'Durand' });
      casvpSupport = await createAgent(t.database.db, { department: 'CASVP', role: 'it_support', firstName: 'Inès', lastName: 'Roux' });
    });
    after(async () => t.close());

    // From the city network: outside, the portal first asks for a second factor.
    const signIn = async (who: AgentFixture): Promise<TestClient> => {
      const client = testClient(t.app, { ip: '10.0.0.50' });
      const res = await client.post('/api/auth/login', { identifier: who.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(res.statusCode, 200, res.body);
      return client;
    };
    const notificationsOf = (who: AgentFixture) =>
      t.database.db.selectFrom('notifications').select(['title']).where('agent_id', '=', who.agentId).where('kind', '=', 'helpdesk.followup').execute();

    test('an agent’s ticket goes new → assigned → pending → solved → closed, and the agent rates it once', async () => {
      const agent = await signIn(lea);
      const support = await signIn(dascoSupport);
      const created = await agent.post('/api/help/tickets', ticketBody({ urgency: 'medium' }));
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().status, 'new');
      assert.equal(created.json().priority, 'medium');

      const queue = (await support.get('/api/support/tickets?assignee=nobody')).json();
      assert.ok(queue.items.some((i: { id: string }) => i.id === id));

      const assigned = await support.post(`/api/support/tickets/${id}/assign`, {});
      assert.equal(assigned.json().status, 'assigned');
      assert.equal(assigned.json().assignee.badgeNumber, dascoSupport.badgeNumber);
      assert.equal((await support.post(`/api/support/tickets/${id}/impact`, { impact: 'high' })).json().priority, 'high');

      const pending = await support.post(`/api/support/tickets/${id}/status`, { status: 'pending', comment: 'Quel navigateur utilisez-vous ?' });
      assert.equal(pending.json().status, 'pending');
      assert.equal((await agent.post(`/api/help/tickets/${id}/followups`, { body: 'Firefox.' })).json().status, 'assigned', 'the agent’s answer ends the wait');

      const notSolution = await support.post(`/api/support/tickets/${id}/status`, { status: 'solved' });
      assert.equal(notSolution.statusCode, 400, 'solving needs the solution');
      await support.post(`/api/support/tickets/${id}/status`, { status: 'solved', comment: 'Videz le cache du navigateur.' });
      const refused = await agent.post(`/api/help/tickets/${id}/solution`, { accepted: false, comment: 'Toujours blanc.' });
      assert.equal(refused.json().status, 'assigned');
      await support.post(`/api/support/tickets/${id}/status`, { status: 'solved', comment: 'Compte de messagerie réparé.' });
      assert.equal((await agent.post(`/api/help/tickets/${id}/satisfaction`, { rating: 5 })).statusCode, 409, 'no rating before closing');
      const closed = await agent.post(`/api/help/tickets/${id}/solution`, { accepted: true });
      assert.equal(closed.json().status, 'closed');

      const impossible = await support.post(`/api/support/tickets/${id}/status`, { status: 'pending' });
      assert.equal(impossible.statusCode, 409);
      assert.equal((await agent.post(`/api/help/tickets/${id}/followups`, { body: 'Merci' })).statusCode, 409);
      const rated = await agent.post(`/api/help/tickets/${id}/satisfaction`, { rating: 4, comment: 'Rapide' });
      assert.deepEqual(rated.json().satisfaction, { rating: 4, comment: 'Rapide' });
      assert.equal((await agent.post(`/api/help/tickets/${id}/satisfaction`, { rating: 1 })).statusCode, 409);
      const titles = (await notificationsOf(lea)).map((n) => n.title);
      assert.equal(titles.filter((x) => x.startsWith('Solution proposée')).length, 2);
      assert.ok(titles.some((x) => x.startsWith('Réponse du support')));
    });

    test('private follow-ups reach support only, never the agent’s API', async () => {
      const agent = await signIn(lea);
      const support = await signIn(dascoSupport);
      const id = (await agent.post('/api/help/tickets', ticketBody())).json().id;
      const before = (await notificationsOf(lea)).length;
      await support.post(`/api/support/tickets/${id}/followups`, { body: 'Collègue : vérifier la boîte partagée', visibility: 'private' });
      await support.post(`/api/support/tickets/${id}/followups`, { body: 'Nous regardons.', visibility: 'public' });
      const seen = await agent.get(`/api/help/tickets/${id}`);
      assert.deepEqual(seen.json().followups.map((f: { body: string }) => f.body), ['Nous regardons.']);
      assert.doesNotMatch(seen.body, /boîte partagée/);
      assert.equal((await support.get(`/api/support/tickets/${id}`)).json().followups.length, 2);
      assert.equal((await notificationsOf(lea)).length, before + 1, 'only the public follow-up is announced');
    });

    test('times to own and to resolve follow the priority, and the queue flags what is overdue', async () => {
      const agent = await signIn(lea);
      let support = await signIn(dascoSupport);
      const id = (await agent.post('/api/help/tickets', ticketBody())).json().id;
      await support.post(`/api/support/tickets/${id}/impact`, { impact: 'high' });
      const itemOf = async () => (await support.get('/api/support/tickets?priority=very_high')).json().items.find((i: { id: string }) => i.id === id);

      const fresh = await itemOf();
      assert.equal(new Date(fresh.targets.ownBy).getTime() - new Date(fresh.createdAt).getTime(), HOUR);
      assert.equal(new Date(fresh.targets.resolveBy).getTime() - new Date(fresh.createdAt).getTime(), 4 * HOUR);
      assert.deepEqual([fresh.targets.ownOverdue, fresh.targets.resolveOverdue], [false, false]);

      t.clock.advance(2 * HOUR);
      support = await signIn(dascoSupport); // the idle session ran out meanwhile
      assert.equal((await itemOf()).targets.ownOverdue, true);
      const overdue = (await support.get('/api/support/tickets?overdue=true')).json();
      assert.equal(overdue.items[0].id, id, 'overdue tickets come first');
      await support.post(`/api/support/tickets/${id}/assign`, {});
      assert.equal((await itemOf()).targets.ownOverdue, false);

      t.clock.advance(3 * HOUR);
      support = await signIn(dascoSupport);
      assert.equal((await itemOf()).targets.resolveOverdue, true);
      await support.post(`/api/support/tickets/${id}/status`, { status: 'solved', comment: 'Réglé.' });
      assert.equal((await itemOf()).targets.resolveOverdue, false);
    });

    test('a solution left unanswered closes after 7 days, not before', async () => {
      const agent = await signIn(lea);
      const support = await signIn(dascoSupport);
      const id = (await agent.post('/api/help/tickets', ticketBody())).json().id;
      await support.post(`/api/support/tickets/${id}/status`, { status: 'solved', comment: 'Redémarrez le poste.' });
      t.clock.advance(6 * DAY);
      await closeUnansweredSolutions(t.app.ctx, t.clock.now(), quiet);
      // The session would have expired meanwhile: sign in again to look.
      assert.equal((await (await signIn(lea)).get(`/api/help/tickets/${id}`)).json().status, 'solved');
      t.clock.advance(DAY + HOUR);
      await closeUnansweredSolutions(t.app.ctx, t.clock.now(), quiet);
      const closed = (await (await signIn(lea)).get(`/api/help/tickets/${id}`)).json();
      assert.equal(closed.status, 'closed');
      assert.match(closed.followups.at(-1).body, /close automatiquement/);
    });

    test('attachments: PDF, JPEG or PNG by their content, 2 MB at most, always downloaded', async () => {
      const agent = await signIn(lea);
      const support = await signIn(dascoSupport);
      const id = (await agent.post('/api/help/tickets', ticketBody())).json().id;
      const attach = (name: string, content: Buffer) => agent.post(`/api/help/tickets/${id}/attachments`, { fileName: name, contentBase64: content.toString('base64') });

      const html = await attach('capture.png', Buffer.from('<script>alert(1)</script>'));
      assert.equal(html.statusCode, 422);
      assert.equal(html.json().errors[0].rule, 'type');
      const big = await attach('photo.png', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]));
      assert.equal(big.statusCode, 422);
      assert.equal(big.json().errors[0].rule, 'size');

      const ok = await attach('écran.png', png);
      assert.equal(ok.statusCode, 201, ok.body);
      const file = ok.json().attachments[0];
      assert.deepEqual([file.contentType, file.sizeBytes], ['image/png', png.length]);
      for (const client of [agent, support]) {
        const base = client === agent ? '/api/help' : '/api/support';
        const download = await client.get(`${base}/tickets/${id}/attachments/${file.id}`);
        assert.equal(download.statusCode, 200);
        assert.match(String(download.headers['content-disposition']), /^attachment;/);
        assert.equal(download.headers['x-content-type-options'], 'nosniff');
        assert.deepEqual(download.rawPayload, png);
      }
    });

    test('support of another perimeter, another agent and a plain agent cannot reach the ticket', async () => {
      const agent = await signIn(lea);
      const id = (await agent.post('/api/help/tickets', ticketBody())).json().id;
      const casvp = await signIn(casvpSupport);
      for (const res of [
        await casvp.get(`/api/support/tickets/${id}`),
        await casvp.post(`/api/support/tickets/${id}/assign`, {}),
        await casvp.post(`/api/support/tickets/${id}/followups`, { body: 'x', visibility: 'public' }),
      ]) {
        assert.equal(res.statusCode, 404);
      }
      assert.ok(!(await casvp.get('/api/support/tickets')).json().items.some((i: { id: string }) => i.id === id));
      const other = await signIn(await createAgent(t.database.db, { department: 'DASCO' }));
      assert.equal((await other.get(`/api/help/tickets/${id}`)).statusCode, 404);
      assert.equal((await other.get('/api/support/tickets')).statusCode, 403);
      const support = await signIn(dascoSupport);
      const toCasvp = await support.post(`/api/support/tickets/${id}/assign`, { assigneeBadgeNumber: casvpSupport.badgeNumber });
      assert.equal(toCasvp.statusCode, 422, 'a colleague outside the perimeter cannot take it');
    });

    test('merging a duplicate moves its follow-ups and closes it with a link', async () => {
      const agent = await signIn(lea);
      const support = await signIn(dascoSupport);
      const kept = (await agent.post('/api/help/tickets', ticketBody())).json();
      const duplicate = (await agent.post('/api/help/tickets', ticketBody({ title: 'Webmail en panne' }))).json();
      await agent.post(`/api/help/tickets/${duplicate.id}/followups`, { body: 'Toujours en panne' });
      const merged = await support.post(`/api/support/tickets/${duplicate.id}/merge`, { intoNumber: kept.number });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal(merged.json().id, kept.id);
      assert.ok(merged.json().followups.some((f: { body: string }) => f.body === 'Toujours en panne'));
      const closed = (await agent.get(`/api/help/tickets/${duplicate.id}`)).json();
      assert.equal(closed.status, 'closed');
      assert.equal(closed.mergedIntoNumber, kept.number);
      assert.equal((await support.post(`/api/support/tickets/${kept.id}/merge`, { intoNumber: kept.number })).statusCode, 422);
    });

    test('"I cannot sign in": the same 202 for known and unknown badges, a callback ticket only for a real agent', async () => {
      const stranger = testClient(t.app, { ip: '198.51.100.1' });
      const report = (badgeNumber: string, client = stranger) =>
        client.post('/api/help/cannot-sign-in', { badgeNumber, phone: '01 42 76 40 40', message: 'Mot de passe refusé depuis ce matin' });
      const count = async () => Number((await t.database.db.selectFrom('helpdesk_tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

      const before = await count();
      const unknown = await report('9999990');
      const known = await report(lea.badgeNumber);
      assert.equal(unknown.statusCode, 202);
      assert.equal(known.statusCode, 202);
      assert.equal(unknown.body, known.body);
      assert.equal(await count(), before + 1);
      const support = await signIn(dascoSupport);
      const callback = (await support.get('/api/support/tickets?category=connection')).json().items.find((i: { callbackRequested: boolean }) => i.callbackRequested);
      assert.equal(callback.agent.badgeNumber, lea.badgeNumber);
      assert.equal((await support.get(`/api/support/tickets/${callback.id}`)).json().callbackPhone, '01 42 76 40 40');

      const missingWay = await stranger.post('/api/help/cannot-sign-in', { badgeNumber: lea.badgeNumber, message: 'x' });
      assert.equal(missingWay.statusCode, 400);
    });

    test('"I cannot sign in" is rate-limited per badge number and per address, known or not', async () => {
      const ask = (client: TestClient, badgeNumber: string) =>
        client.post('/api/help/cannot-sign-in', { badgeNumber, email: 'lea.perso@example.org', message: 'Compte bloqué' });
      const fromHere = testClient(t.app, { ip: '198.51.100.2' });
      const known = await createAgent(t.database.db, { department: 'DASCO' });
      for (const badge of [known.badgeNumber, '9999991']) {
        const answers = [];
        for (let i = 0; i < 4; i += 1) answers.push((await ask(testClient(t.app, { ip: `198.51.100.${10 + i}` }), badge)).statusCode);
        assert.deepEqual(answers, [202, 202, 202, 429], `badge ${badge}`);
      }
      const answers = [];
      for (let i = 0; i < 11; i += 1) answers.push((await ask(fromHere, String(9_000_000 + i))).statusCode);
      assert.deepEqual(answers.slice(-2), [202, 429]);
    });
  });
}
