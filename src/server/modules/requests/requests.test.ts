import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { registerRequestKind, remindPendingRequests, submitRequest } from './index.ts';

reportSkippedPostgres();

// Two kinds that exercise the engine alone: a simple one (bulk-approvable) whose approval spends from a
// counter, and one that goes on to HR. The real kinds (leave, telework…) have their own tests.
const spent = new Map<string, number>();
registerRequestKind({
  kind: 'test_simple',
  label: 'Demande d’essai',
  hrStep: false,
  bulkApprovable: true,
  pageOf: (id) => `/demandes/${id}`,
  async onApproved(_trx, _ctx, request) {
    spent.set(request.agentId, (spent.get(request.agentId) ?? 0) + 1);
  },
  async onClosed(_trx, _ctx, request, _outcome, wasApproved) {
    if (wasApproved) spent.set(request.agentId, (spent.get(request.agentId) ?? 0) - 1);
  },
  async cancellationRefusal(_trx, _ctx, request) {
    return request.summary.includes('commencée') ? 'La période a commencé : adressez-vous à votre encadrant.' : null;
  },
});
registerRequestKind({ kind: 'test_hr', label: 'Demande avec visa RH', hrStep: true, bulkApprovable: false, pageOf: (id) => `/demandes/${id}` });

let keys = 0;
const key = () => `test-key-${Date.now()}-${(keys += 1)}`;

for (const kind of testDatabaseKinds()) {
  describe(`approval engine (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let manager: AgentFixture;
    let agent: AgentFixture;
    let colleague: AgentFixture;
    let outsider: AgentFixture;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const submit = (who: AgentFixture, summary = 'Essai du 2 au 6 mars', requestKind = 'test_simple', idempotencyKey = key()) =>
      submitRequest(t.app.ctx, { agentId: who.agentId, kind: requestKind, summary, idempotencyKey }, async () => {});
    const managedBy = (who: AgentFixture, boss: AgentFixture) => db.updateTable('agents').set({ manager_id: boss.agentId }).where('id', '=', who.agentId).execute();

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      org = await hrOrganisation(db);
      manager = org.dascoManager;
      agent = await createAgent(db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' });
      colleague = await createAgent(db, { department: 'DASCO', firstName: 'Inès', lastName: 'Roux' });
      outsider = org.casvpManager;
      await managedBy(agent, manager);
      await managedBy(colleague, manager);
    });
    after(async () => t.close());

    test('a request reaches the manager’s inbox; only they decide; the agent is told and sees each dated step', async () => {
      const { request } = await submit(agent);
      const inbox = (await (await as(manager)).get('/api/inbox')).json();
      const item = inbox.items.find((i: { id: string }) => i.id === request.id);
      assert.equal(item.agent.lastName, 'Moreau');
      assert.equal(item.kindLabel, 'Demande d’essai');
      assert.equal(item.onBehalfOf, null);
      assert.equal((await (await as(outsider)).get('/api/inbox')).json().items.length, 0, 'another team’s manager sees nothing');

      const bySomeoneElse = await (await as(outsider)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(bySomeoneElse.statusCode, 404, 'a manager only decides for their own team');
      const byHimself = await (await as(agent)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(byHimself.statusCode, 403, 'no self-approval');

      const approved = await (await as(manager)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().outcome, 'approved');
      assert.equal(spent.get(agent.agentId), 1, 'the kind’s hook ran with the decision');
      const again = await (await as(manager)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(again.statusCode, 409);

      const detail = (await (await as(agent)).get(`/api/requests/${request.id}`)).json();
      assert.equal(detail.status, 'approved');
      assert.deepEqual(detail.events.map((e: { action: string }) => e.action), ['submitted', 'approved']);
      assert.equal(detail.events[1].by, `${manager.firstName} ${manager.lastName}`);
      assert.equal(detail.may.cancel, true);
      const notifications = (await (await as(agent)).get('/api/me/notifications')).json();
      assert.ok(notifications.unread >= 1);
      assert.match(notifications.items[0].title, /acceptée/);
      assert.equal(notifications.items[0].link, `/demandes/${request.id}`);
      assert.equal((await (await as(outsider)).get(`/api/requests/${request.id}`)).statusCode, 404, 'nobody else reads it');
    });

    test('no approval after a withdrawal; a refusal needs a reason the agent reads', async () => {
      const first = await submit(agent);
      const withdrawn = await (await as(agent)).post(`/api/me/requests/${first.request.id}/closing`, {});
      assert.equal(withdrawn.json().outcome, 'withdrawn');
      const late = await (await as(manager)).post(`/api/requests/${first.request.id}/decision`, { decision: 'approve' });
      assert.equal(late.statusCode, 409);
      assert.match(late.json().detail, /retiré/);

      const second = await submit(agent);
      const noReason = await (await as(manager)).post(`/api/requests/${second.request.id}/decision`, { decision: 'refuse', reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      const html = '<img src=x onerror=alert(1)> service en sous-effectif';
      const refused = await (await as(manager)).post(`/api/requests/${second.request.id}/decision`, { decision: 'refuse', reason: html });
      assert.equal(refused.json().outcome, 'refused');
      const detail = (await (await as(agent)).get(`/api/requests/${second.request.id}`)).json();
      assert.equal(detail.decisionReason, html, 'stored as typed (the page escapes it)');
      assert.equal((await (await as(agent)).post(`/api/me/requests/${second.request.id}/closing`, {})).statusCode, 409);
    });

    test('cancelling an approved request releases what it held, unless the kind refuses', async () => {
      const before = spent.get(agent.agentId) ?? 0;
      const { request } = await submit(agent);
      await (await as(manager)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(spent.get(agent.agentId), before + 1);
      const cancelled = await (await as(agent)).post(`/api/me/requests/${request.id}/closing`, { comment: 'Finalement pas besoin' });
      assert.equal(cancelled.json().outcome, 'cancelled');
      assert.equal(spent.get(agent.agentId), before);

      const started = await submit(agent, 'Période commencée');
      await (await as(manager)).post(`/api/requests/${started.request.id}/decision`, { decision: 'approve' });
      const refused = await (await as(agent)).post(`/api/me/requests/${started.request.id}/closing`, {});
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().detail, /commencé/);
    });

    test('after the manager, HR of the agent’s department decides; HR of another department does not see it', async () => {
      const { request } = await submit(agent, 'Visa RH', 'test_hr');
      assert.equal((await (await as(org.dascoHr)).get('/api/inbox')).json().items.some((i: { id: string }) => i.id === request.id), false, 'not before the manager');
      const forwarded = await (await as(manager)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(forwarded.json().outcome, 'forwarded_to_hr');
      assert.equal((await (await as(manager)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' })).statusCode, 409);
      assert.equal((await (await as(org.casvpHr)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' })).statusCode, 404);
      const hrInbox = (await (await as(org.dascoHr)).get('/api/inbox')).json();
      assert.equal(hrInbox.items.find((i: { id: string }) => i.id === request.id)?.step, 'hr');
      const approved = await (await as(org.dascoHr)).post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      assert.equal(approved.json().outcome, 'approved');
      const detail = (await (await as(agent)).get(`/api/requests/${request.id}`)).json();
      assert.deepEqual(detail.events.map((e: { action: string }) => e.action), ['submitted', 'forwarded_to_hr', 'approved']);
    });

    test('a manager away delegates: the delegate answers for the team, never for their own request', async () => {
      const today = t.clock.now().toISOString().slice(0, 10);
      const tooLong = await (await as(manager)).post('/api/me/delegations', { delegateBadgeNumber: colleague.badgeNumber, startsOn: today, endsOn: '2099-01-01' });
      assert.equal(tooLong.statusCode, 400);
      const given = await (await as(manager)).post('/api/me/delegations', { delegateBadgeNumber: colleague.badgeNumber, startsOn: today, endsOn: today });
      assert.equal(given.statusCode, 201, given.body);
      assert.equal(given.json().items[0].direction, 'given');
      const fromAgent = await submit(agent, 'Pendant l’absence');
      const own = await submit(colleague, 'Sa propre demande');
      const inbox = (await (await as(colleague)).get('/api/inbox')).json();
      const mine = inbox.items.find((i: { id: string }) => i.id === fromAgent.request.id);
      assert.equal(mine.onBehalfOf, `${manager.firstName} ${manager.lastName}`);
      assert.equal(inbox.items.some((i: { id: string }) => i.id === own.request.id), false);
      assert.equal((await (await as(colleague)).post(`/api/requests/${own.request.id}/decision`, { decision: 'approve' })).statusCode, 403);
      const approved = await (await as(colleague)).post(`/api/requests/${fromAgent.request.id}/decision`, { decision: 'approve' });
      assert.equal(approved.json().outcome, 'approved');
      const detail = (await (await as(agent)).get(`/api/requests/${fromAgent.request.id}`)).json();
      assert.equal(detail.events[1].comment, 'par délégation');

      const delegationId = given.json().items[0].id;
      assert.equal((await (await as(manager)).delete(`/api/me/delegations/${delegationId}`)).statusCode, 204);
      const later = await submit(agent, 'Après la délégation');
      assert.equal((await (await as(colleague)).post(`/api/requests/${later.request.id}/decision`, { decision: 'approve' })).statusCode, 404);
    });

    test('a retried submission creates one request, even ten at once', async () => {
      const same = key();
      const results = await Promise.all(Array.from({ length: 10 }, () => submit(agent, 'Double clic', 'test_simple', same)));
      assert.equal(new Set(results.map((r) => r.request.id)).size, 1);
      assert.equal(results.filter((r) => !r.replayed).length, 1);
      const rows = await db.selectFrom('requests').select('id').where('idempotency_key', '=', same).execute();
      assert.equal(rows.length, 1);
      await assert.rejects(submit(agent, 'Autre', 'test_hr', same), (error: unknown) => error instanceof AppError && error.code === 'conflict');
    });

    test('bulk approval decides the simple requests and leaves the others to be read', async () => {
      const a = await submit(agent, 'Lot 1');
      const b = await submit(colleague, 'Lot 2');
      const c = await submit(agent, 'Lot RH', 'test_hr');
      const res = await (await as(manager)).post('/api/inbox/approvals', { ids: [a.request.id, b.request.id, c.request.id] });
      const outcomes = Object.fromEntries(res.json().results.map((r: { id: string; outcome: string }) => [r.id, r.outcome]));
      assert.deepEqual(outcomes, { [a.request.id]: 'approved', [b.request.id]: 'approved', [c.request.id]: 'failed' });
    });

    test('an unanswered request reminds the manager after three days, then once a day', async () => {
      const { request } = await submit(colleague, 'En attente');
      const reminders = () =>
        db.selectFrom('notifications').select('id').where('agent_id', '=', manager.agentId).where('kind', '=', 'request.reminder').execute();
      const log = { info() {} } as never;
      const before = (await reminders()).length;
      t.clock.advance(4 * 86_400_000);
      await remindPendingRequests(t.app.ctx, t.clock.now(), log);
      const after1 = (await reminders()).length;
      assert.ok(after1 > before);
      await remindPendingRequests(t.app.ctx, t.clock.now(), log);
      assert.equal((await reminders()).length, after1, 'not twice the same day');
      const events = await db.selectFrom('request_events').select('action').where('request_id', '=', request.id).execute();
      assert.deepEqual(events.map((e) => e.action), ['submitted', 'reminded'], 'the reminder is one of the request’s dated steps');
    });
  });
}
