import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { deliverBuildingAccessEvents, SIGNATURE_HEADER } from './building-access.delivery.ts';

reportSkippedPostgres();

type Received = { headers: IncomingHttpHeaders; body: string };

// The building-access system: a real HTTP server on the loopback that acknowledges with 204.
async function startReceiver(port = 0): Promise<{ url: string; port: number; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/events`,
    port: actual,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`professional card (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      org = await hrOrganisation(t.database.db);
    });
    after(async () => t.close());

    async function undelivered() {
      return t.database.db.selectFrom('webhook_events').selectAll().where('delivered_at', 'is', null).execute();
    }

    function verifySignature(r: Received) {
      const match = /^t=(\d+),v1=(.+)$/.exec(String(r.headers[SIGNATURE_HEADER]));
      assert.ok(match, 'the event is signed');
      assert.ok(t.app.ctx.keys.verifyMac('webhook', `${match[1]}.${r.body}`, match[2]!), 'the signature is valid');
    }

    test('a lost card is blocked at once and the block reaches the building-access system, signed', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const client = await signedIn(t, agent);
      const before = (await client.get('/api/me/professional-card')).json();
      assert.equal(before.card.status, 'active');
      assert.equal(before.card.number, `${agent.badgeNumber}-01`);

      const declared = await client.post('/api/me/professional-card/loss', { kind: 'stolen', date: '2020-06-01', comment: 'Dans le métro' });
      assert.equal(declared.statusCode, 201, declared.body);
      assert.equal(declared.json().card.status, 'blocked');
      assert.equal(declared.json().replacements[0].stage, 'blocked');
      assert.equal((await client.post('/api/me/professional-card/loss', { kind: 'lost' })).statusCode, 409);

      const receiver = await startReceiver();
      try {
        const report = await deliverBuildingAccessEvents(t.app.ctx, t.clock.now(), undefined, receiver.url);
        assert.deepEqual(report, { delivered: 1, retried: 0 });
        assert.equal(receiver.received.length, 1);
        const [event] = receiver.received;
        verifySignature(event!);
        const body = JSON.parse(event!.body);
        assert.equal(body.type, 'professional_card.blocked');
        assert.equal(event!.headers['x-nomades-event-id'], body.id);
        assert.deepEqual(body.data, { cardNumber: `${agent.badgeNumber}-01`, badgeNumber: agent.badgeNumber, reason: 'stolen', blockedAt: t.clock.now().toISOString() });
        assert.deepEqual(await deliverBuildingAccessEvents(t.app.ctx, t.clock.now(), undefined, receiver.url), { delivered: 0, retried: 0 });
        assert.equal((await undelivered()).length, 0);
      } finally {
        await receiver.stop();
      }
    });

    test('when the building-access system is down the block waits, then is delivered once it is back', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const client = await signedIn(t, agent);
      // A port that answers nothing: the receiver was there, it has gone.
      const gone = await startReceiver();
      await gone.stop();
      await client.post('/api/me/professional-card/loss', { kind: 'lost' });

      assert.deepEqual(await deliverBuildingAccessEvents(t.app.ctx, t.clock.now(), undefined, gone.url), { delivered: 0, retried: 1 });
      const [waiting] = await undelivered();
      assert.equal(waiting!.attempts, 1);
      assert.ok(waiting!.last_error);
      // Not due again before its retry time.
      assert.deepEqual(await deliverBuildingAccessEvents(t.app.ctx, t.clock.now(), undefined, gone.url), { delivered: 0, retried: 0 });

      const back = await startReceiver(gone.port);
      try {
        t.clock.advance(31_000);
        assert.deepEqual(await deliverBuildingAccessEvents(t.app.ctx, t.clock.now(), undefined, back.url), { delivered: 1, retried: 0 });
        assert.equal(back.received.length, 1);
        verifySignature(back.received[0]!);
        assert.equal(JSON.parse(back.received[0]!.body).data.badgeNumber, agent.badgeNumber);
        assert.equal((await undelivered()).length, 0);
      } finally {
        await back.stop();
      }
    });

    test('HR of the department moves the replacement through its stages; the agent sees each one dated and gets an e-mail', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const client = await signedIn(t, agent);
      const replacementId = (await client.post('/api/me/professional-card/loss', { kind: 'lost' })).json().replacements[0].id;
      const casvpHr = await signedIn(t, org.casvpHr);
      assert.equal((await casvpHr.post(`/api/hr/professional-card/replacements/${replacementId}/stage`, { stage: 'replacement_ordered' })).statusCode, 404);
      assert.equal((await casvpHr.get(`/api/hr/agents/${agent.agentId}/professional-card`)).statusCode, 404);
      assert.ok(!(await casvpHr.get('/api/hr/professional-card/replacements')).json().items.some((r: { id: string }) => r.id === replacementId));

      const hr = await signedIn(t, org.dascoHr);
      assert.ok((await hr.get('/api/hr/professional-card/replacements')).json().items.some((r: { id: string }) => r.id === replacementId));
      assert.equal((await hr.post(`/api/hr/professional-card/replacements/${replacementId}/stage`, { stage: 'ready_to_collect' })).statusCode, 409);
      for (const stage of ['replacement_ordered', 'ready_to_collect', 'handed_over']) {
        t.clock.advance(5 * 60_000);
        const moved = await hr.post(`/api/hr/professional-card/replacements/${replacementId}/stage`, { stage });
        assert.equal(moved.statusCode, 200, moved.body);
      }

      const view = (await client.get('/api/me/professional-card')).json();
      assert.equal(view.card.status, 'active');
      assert.equal(view.card.number, `${agent.badgeNumber}-02`);
      const [replacement] = view.replacements;
      assert.equal(replacement.stage, 'handed_over');
      assert.equal(replacement.newCardNumber, `${agent.badgeNumber}-02`);
      assert.deepEqual(replacement.stages.map((s: { stage: string }) => s.stage), ['declared', 'blocked', 'replacement_ordered', 'ready_to_collect', 'handed_over']);
      assert.ok(replacement.stages.every((s: { at: string | null }) => s.at !== null));
      assert.equal(replacement.stages[4].at, t.clock.now().toISOString());

      const mails = await t.database.db.selectFrom('outbox_messages').select('subject').where('recipient', '=', agent.email).orderBy('created_at').execute();
      assert.deepEqual(mails.map((m) => m.subject).filter((s) => /carte/.test(s)), [
        'Votre carte professionnelle est bloquée',
        'Votre nouvelle carte professionnelle est commandée',
        'Votre nouvelle carte professionnelle est prête',
        'Votre nouvelle carte professionnelle vous a été remise',
      ]);
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('target_id', '=', agent.agentId).execute();
      assert.equal(audit.filter((a) => a.action === 'professional_card.manage').length, 3);
      const events = await t.database.db.selectFrom('webhook_events').select(['type', 'payload']).orderBy('created_at').execute();
      assert.ok(events.some((e) => e.type === 'professional_card.activated' && (e.payload as { cardNumber: string }).cardNumber === `${agent.badgeNumber}-02`));
    });
  });
}
