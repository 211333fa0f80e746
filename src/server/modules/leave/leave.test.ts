import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { addDays } from './rules/index.ts';

reportSkippedPostgres();

// The test clock says Monday 23 November 2026; 2027 is "next year", open to requests. In 2027 Easter is on
// 28 March, so Ascension is Thursday 6 May.
let keys = 0;
const key = () => `leave-${Date.now()}-${(keys += 1)}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

type Body = Record<string, unknown>;

for (const kind of testDatabaseKinds()) {
  describe(`leave requests (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let manager: AgentFixture;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const newAgent = async (firstName: string) => {
      const agent = await createAgent(db, { department: 'DASCO', firstName, lastName: `Moreau${keys++}` });
      await db.updateTable('agents').set({ manager_id: manager.agentId }).where('id', '=', agent.agentId).execute();
      return agent;
    };
    const submit = async (who: AgentFixture, body: Body, idempotencyKey = key()) =>
      (await as(who)).request('POST', '/api/me/leave/requests', body, { 'idempotency-key': idempotencyKey });
    const leave = (startDate: string, endDate: string, extra: Body = {}) => ({ type: 'annual_leave', startDate, endDate, ...extra });
    const decide = async (id: string, decision: Body = { decision: 'approve' }) => (await as(manager)).post(`/api/requests/${id}/decision`, decision);
    const balance = async (who: AgentFixture, year: number, type = 'annual_leave') => {
      const res = await (await as(who)).get(`/api/me/leave?year=${year}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().balances.find((b: { type: string }) => b.type === type);
    };
    const ledgerOf = (who: AgentFixture) =>
      db.selectFrom('leave_ledger').select(['entry', 'source', 'half_days', 'request_id', 'leave_year', 'leave_type']).where('agent_id', '=', who.agentId).orderBy('id').execute();
    const requestRows = async () => (await db.selectFrom('requests').select('id').execute()).length;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      manager = (await hrOrganisation(db)).dascoManager;
    });
    after(async () => t.close());

    test('a five-day request over the week of Ascension counts 4 days, shown by the preview before sending', async () => {
      const lea = await newAgent('Léa');
      const preview = await (await as(lea)).get('/api/me/leave/preview?type=annual_leave&startDate=2027-05-03&endDate=2027-05-07');
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(preview.json(), { halfDays: 8, leaveYear: 2027, availableBeforeHalfDays: 50, availableAfterHalfDays: 42, summary: 'Congés annuels du 3 au 7 mai 2027 (4 jours)' });
      const res = await submit(lea, leave('2027-05-03', '2027-05-07'));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().halfDays, 8);
      const inbox = (await (await as(manager)).get('/api/inbox')).json();
      assert.equal(inbox.items.find((i: { id: string }) => i.id === res.json().requestId).summary, 'Congés annuels du 3 au 7 mai 2027 (4 jours)');
      const after = await balance(lea, 2027);
      assert.deepEqual([after.allocatedHalfDays, after.pendingHalfDays, after.availableHalfDays], [50, 8, 42]);
    });

    test('half days: from Monday afternoon to Wednesday noon is two days; an afternoon cannot end at noon', async () => {
      const lea = await newAgent('Léa');
      const res = await submit(lea, leave('2027-03-08', '2027-03-10', { startsIn: 'afternoon', endsAt: 'noon' }));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().halfDays, 4);
      assert.equal(res.json().summary, 'Congés annuels du 8 mars (après-midi) au 10 mars 2027 (midi) (2 jours)');
      const sameDay = await submit(lea, leave('2027-03-15', '2027-03-15', { startsIn: 'afternoon', endsAt: 'noon' }));
      assert.equal(sameDay.statusCode, 422);
      assert.equal(sameDay.json().errors[0].field, 'endsAt');
      const morning = await submit(lea, leave('2027-03-10', '2027-03-10', { startsIn: 'afternoon' }));
      assert.equal(morning.statusCode, 201, 'the afternoon after a morning off does not overlap it');
      assert.equal(morning.json().halfDays, 1);
    });

    test('part time: at 80 % Wednesday is not worked, so a week of leave counts 4 days out of 20', async () => {
      const ines = await newAgent('Inès');
      await db
        .insertInto('personal_files')
        .values({ agent_id: ines.agentId, birth_name: 'Roux', birth_date: '1988-02-01', birth_place: 'Lyon', address_line1: '3 rue de la Paix', postal_code: '75002', city: 'Paris', working_time_percent: 80, weekly_minutes: 1800 })
        .execute();
      const res = await submit(ines, leave('2027-01-11', '2027-01-15'));
      assert.equal(res.json().halfDays, 8, res.body);
      const [annual, rtt] = [await balance(ines, 2027), await balance(ines, 2027, 'rtt')];
      assert.equal(annual.allocatedHalfDays, 40, '5 × 4 days worked a week');
      assert.equal(rtt.allocatedHalfDays, 24, '30 h at 80 % is a 37h30 post: 15 days of RTT, 12 at 80 %');
    });

    test('an overlapping request is refused, naming the dates of the other one; nothing is written', async () => {
      const lea = await newAgent('Léa');
      assert.equal((await submit(lea, leave('2027-02-01', '2027-02-05'))).statusCode, 201);
      const before = await requestRows();
      const res = await submit(lea, leave('2027-02-04', '2027-02-09', { type: 'rtt' }));
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].rule, 'overlap');
      assert.match(res.json().detail, /chevauche votre demande « Congés annuels » du 1er au 5 février 2027 \(en attente de réponse\)/);
      assert.equal(await requestRows(), before, 'nothing half-written');
    });

    test('no absence over 31 consecutive days, even in two requests joined by a weekend', async () => {
      const lea = await newAgent('Léa');
      const long = await submit(lea, leave('2027-07-01', '2027-08-06'));
      assert.equal(long.statusCode, 422);
      assert.equal(long.json().errors[0].rule, 'absence_too_long');
      assert.equal((await submit(lea, leave('2027-07-05', '2027-07-16'))).statusCode, 201);
      const joined = await submit(lea, leave('2027-07-19', '2027-08-09'));
      assert.equal(joined.statusCode, 422);
      assert.match(joined.json().detail, /irait du 5 juillet 2027 au 9 août 2027 \(36 jours\)/);
      assert.equal((await submit(lea, leave('2027-07-19', '2027-07-30'))).statusCode, 201, '26 days in all: allowed');
    });

    test('ten submissions at once never take the balance below zero', async () => {
      const lea = await newAgent('Léa');
      // Ten weeks apart (no 31-day absence), without public holidays, outside May–October: 5 days each, 25 to spend.
      const mondays = ['2027-01-11', '2027-01-25', '2027-02-08', '2027-02-22', '2027-03-08', '2027-03-22', '2027-04-05', '2027-04-19', '2027-11-15', '2027-11-29'];
      const results = await Promise.all(mondays.map((monday) => submit(lea, leave(monday, addDays(monday, 4)))));
      const accepted = results.filter((r) => r.statusCode === 201);
      assert.equal(accepted.length, 5, results.map((r) => r.statusCode).join(','));
      assert.ok(results.filter((r) => r.statusCode === 422).every((r) => r.json().errors[0].rule === 'insufficient_balance'));
      assert.equal((await balance(lea, 2027)).availableHalfDays, 0);
      for (const r of accepted) assert.equal((await decide(r.json().requestId)).statusCode, 200);
      const after = await balance(lea, 2027);
      assert.ok(after.balanceHalfDays >= 0 && after.availableHalfDays >= 0);
      assert.equal(after.takenHalfDays, 50);
      const fractionnement = (await ledgerOf(lea)).filter((l) => l.source === 'fractionnement');
      assert.deepEqual(fractionnement.map((l) => l.half_days), [2, 2], '5 days, then 8 days taken outside May–October: +1 day, then +1 more');
    });

    test('approval takes the days; cancelling before the leave gives them back; refusal and withdrawal take nothing', async () => {
      const lea = await newAgent('Léa');
      const approved = (await submit(lea, leave('2027-06-07', '2027-06-09'))).json().requestId;
      const refused = (await submit(lea, leave('2027-06-14', '2027-06-14'))).json().requestId;
      const withdrawn = (await submit(lea, leave('2027-06-21', '2027-06-21'))).json().requestId;
      assert.equal((await decide(approved)).json().outcome, 'approved');
      assert.equal((await decide(refused, { decision: 'refuse', reason: 'Sortie scolaire ce jour-là' })).json().outcome, 'refused');
      assert.equal((await (await as(lea)).post(`/api/me/requests/${withdrawn}/closing`, {})).json().outcome, 'withdrawn');
      assert.deepEqual((await ledgerOf(lea)).filter((l) => l.request_id).map((l) => [l.entry, l.half_days]), [['taken', -6]]);
      assert.deepEqual(Object.values(await balance(lea, 2027)).slice(2, 9), [50, 6, 0, 0, 44, 0, 44]);

      const cancelled = await (await as(lea)).post(`/api/me/requests/${approved}/closing`, { comment: 'Finalement pas besoin' });
      assert.equal(cancelled.json().outcome, 'cancelled');
      assert.deepEqual((await ledgerOf(lea)).filter((l) => l.request_id).map((l) => [l.entry, l.half_days]), [['taken', -6], ['cancelled', 6]]);
      assert.equal((await balance(lea, 2027)).availableHalfDays, 50);
      await assert.rejects(db.updateTable('leave_ledger').set({ half_days: 100 }).where('agent_id', '=', lea.agentId).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('leave_ledger').where('agent_id', '=', lea.agentId).execute(), /append-only/);
    });

    test('a leave that has begun can no longer be cancelled by the agent; nobody approves their own request', async () => {
      const lea = await newAgent('Léa');
      const today = await submit(lea, leave('2026-11-23', '2026-11-24'));
      assert.equal(today.statusCode, 201, 'a leave may start today');
      assert.equal((await (await as(lea)).post(`/api/requests/${today.json().requestId}/decision`, { decision: 'approve' })).statusCode, 403);
      await decide(today.json().requestId);
      const cancel = await (await as(lea)).post(`/api/me/requests/${today.json().requestId}/closing`, {});
      assert.equal(cancel.statusCode, 422);
      assert.match(cancel.json().detail, /a commencé le 23 novembre 2026/);
    });

    test('bad input: reversed or past dates, unknown type, oversized comment, missing key; HTML is stored as typed', async () => {
      const lea = await newAgent('Léa');
      const before = await requestRows();
      const reversed = await submit(lea, leave('2027-04-09', '2027-04-05'));
      assert.equal(reversed.statusCode, 422);
      assert.deepEqual([reversed.json().errors[0].field, reversed.json().errors[0].rule], ['endDate', 'end_before_start']);
      const past = await submit(lea, leave('2026-11-20', '2026-11-27'));
      assert.equal(past.json().errors[0].rule, 'start_in_past');
      assert.equal((await submit(lea, leave('2027-04-05', '2027-04-06', { type: 'holidays' }))).statusCode, 400);
      assert.equal((await submit(lea, leave('2027-04-05', '2027-04-06', { comment: 'x'.repeat(1001) }))).statusCode, 400);
      assert.equal((await submit(lea, leave('2027-02-30', '2027-03-02'))).statusCode, 400);
      assert.equal((await (await as(lea)).post('/api/me/leave/requests', leave('2027-04-05', '2027-04-06'))).statusCode, 400, 'Idempotency-Key required');
      assert.equal((await submit(lea, leave('2027-04-10', '2027-04-11'))).json().errors[0].rule, 'no_working_half_day', 'a weekend');
      assert.equal(await requestRows(), before, 'nothing half-written');

      const html = '<img src=x onerror=alert(1)> <b>merci</b>';
      const sameKey = key();
      const res = await submit(lea, leave('2027-04-05', '2027-04-06', { comment: html }), sameKey);
      assert.equal(res.statusCode, 201, res.body);
      const again = await submit(lea, leave('2027-04-05', '2027-04-06', { comment: html }), sameKey);
      assert.deepEqual([again.statusCode, again.json().requestId, again.json().replayed], [200, res.json().requestId, true]);
      const stored = await db.selectFrom('leave_requests').select('comment').where('request_id', '=', res.json().requestId).executeTakeFirstOrThrow();
      assert.equal(stored.comment, html);
    });

    test('a special absence needs its document (checked by its bytes) and stays within its allowance; it is read one by one', async () => {
      const lea = await newAgent('Léa');
      const asa = (extra: Body) => ({ type: 'special_absence', specialReason: 'death_of_close_relative', startDate: '2026-11-18', endDate: '2026-11-20', ...extra });
      assert.equal((await submit(lea, asa({}))).json().errors[0].rule, 'document_required');
      const text = { fileName: 'acte.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') };
      assert.equal((await submit(lea, asa({ document: text }))).json().errors[0].field, 'document');
      const tooLong = await submit(lea, asa({ endDate: '2026-11-23', document: { fileName: 'acte.png', contentBase64: PNG } }));
      assert.equal(tooLong.json().errors[0].rule, 'special_allowance_exceeded', tooLong.body);
      const res = await submit(lea, asa({ document: { fileName: 'acte.png', contentBase64: PNG } }));
      assert.equal(res.statusCode, 201, 'three days, proved after the event');
      const bulk = await (await as(manager)).post('/api/inbox/approvals', { ids: [res.json().requestId] });
      assert.equal(bulk.json().results[0].outcome, 'failed');
      assert.equal((await decide(res.json().requestId)).json().outcome, 'approved');
      assert.equal((await ledgerOf(lea)).filter((l) => l.request_id).length, 0, 'no balance drawn');
    });

    test('the yearly allocation is written once however many times it is needed', async () => {
      const lea = await newAgent('Léa');
      await Promise.all([balance(lea, 2026), balance(lea, 2026), (await as(lea)).get('/api/me/leave/preview?type=rtt&startDate=2026-12-01&endDate=2026-12-01')]);
      const yearly = (await ledgerOf(lea)).filter((l) => l.source === 'yearly' && l.leave_year === 2026);
      assert.deepEqual(yearly.map((l) => [l.leave_type, l.half_days]), [['annual_leave', 50], ['rtt', 0]]);
      const rtt = await (await as(lea)).get('/api/me/leave/preview?type=rtt&startDate=2026-12-01&endDate=2026-12-01');
      assert.equal(rtt.json().errors[0].rule, 'insufficient_balance', '35 hours a week earn no RTT');
    });
  });
}
