import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { auditTrailOf, hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { expireLapsedLeave } from './index.ts';

reportSkippedPostgres();

// The test clock says Monday 23 November 2026.
let keys = 0;
const key = () => `team-${Date.now()}-${(keys += 1)}`;
type Mark = { date: string; halves: string; status: string; leaveType: string | null };
type Member = { firstName: string; marks: Mark[] };
type Day = { date: string; workingDay: boolean; present: number | null; belowMinimum: boolean };

for (const kind of testDatabaseKinds()) {
  describe(`team calendar, HR absences and the CET (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let manager: AgentFixture;
    let lea: AgentFixture;
    let hugo: AgentFixture;
    let ines: AgentFixture;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const teamMember = async (firstName: string, startDate = '2020-01-01') => {
      const agent = await createAgent(db, { department: 'DASCO', firstName, lastName: `Agent${keys++}` });
      await db.updateTable('agents').set({ manager_id: manager.agentId, unit_id: org.unitId, start_date: startDate }).where('id', '=', agent.agentId).execute();
      return agent;
    };
    const ask = async (who: AgentFixture, startDate: string, endDate: string) => {
      const res = await (await as(who)).request('POST', '/api/me/leave/requests', { type: 'annual_leave', startDate, endDate }, { 'idempotency-key': key() });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().requestId as string;
    };
    const approve = async (id: string, by = manager) => (await (await as(by)).post(`/api/requests/${id}/decision`, { decision: 'approve' })).json().outcome;
    const calendar = async (who: AgentFixture, query: string) => (await as(who)).get(`/api/leave/team-calendar?${query}`);
    const week = 'from=2026-11-30&to=2026-12-06';

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      org = await hrOrganisation(db);
      manager = org.dascoManager;
      lea = await teamMember('Léa');
      hugo = await teamMember('Hugo');
      ines = await teamMember('Inès');
    });
    after(async () => t.close());

    test('HR records a past sick leave for an agent of their perimeter; elsewhere the agent does not exist', async () => {
      const body = { kind: 'sick_leave', startDate: '2026-11-30', endDate: '2026-12-01', comment: 'Certificat reçu le 30/11' };
      const outside = await (await as(org.casvpHr)).post(`/api/hr/leave/agents/${ines.badgeNumber}/absences`, body);
      assert.equal(outside.statusCode, 404);
      assert.equal((await (await as(manager)).post(`/api/hr/leave/agents/${ines.badgeNumber}/absences`, body)).statusCode, 404, 'a manager records nothing');
      const past = await (await as(org.dascoHr)).post(`/api/hr/leave/agents/${ines.badgeNumber}/absences`, { kind: 'sick_leave', startDate: '2026-11-02', endDate: '2026-11-06' });
      assert.equal(past.statusCode, 201, past.body);
      assert.equal(past.json().halfDays, 10);
      assert.equal((await (await as(org.dascoHr)).post(`/api/hr/leave/agents/${ines.badgeNumber}/absences`, body)).statusCode, 201);
      const again = await (await as(org.dascoHr)).post(`/api/hr/leave/agents/${ines.badgeNumber}/absences`, { ...body, startDate: '2026-12-01', endDate: '2026-12-02' });
      assert.equal(again.statusCode, 422);
      assert.match(again.json().detail, /une absence enregistrée par le service RH du 30 novembre au 1er décembre 2026/);
      const view = (await (await as(org.dascoHr)).get(`/api/hr/leave/agents/${ines.badgeNumber}`)).json();
      assert.deepEqual(view.absences.map((a: { startDate: string }) => a.startDate), ['2026-11-30', '2026-11-02']);
      assert.ok((await auditTrailOf(db, ines.agentId)).some((e) => e.action === 'absence.record'));
    });

    test('the manager sees who is away with the type and the pending requests; staffing below the minimum is flagged', async () => {
      await approve(await ask(lea, '2026-12-01', '2026-12-03'));
      await ask(hugo, '2026-12-02', '2026-12-02');
      assert.equal((await (await as(manager)).request('PUT', '/api/leave/team-calendar/minimum-staffing', { minimum: 3 })).statusCode, 200);
      const res = await calendar(manager, week);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.view, body.managesTeam, body.minimumStaffing], ['team', true, 3]);
      const marks = (name: string) => body.members.find((m: Member) => m.firstName === name).marks.map((m: Mark) => `${m.date} ${m.status} ${m.leaveType ?? '-'}`);
      assert.deepEqual(marks('Léa'), ['2026-12-01 leave annual_leave', '2026-12-02 leave annual_leave', '2026-12-03 leave annual_leave']);
      assert.deepEqual(marks('Hugo'), ['2026-12-02 pending annual_leave']);
      assert.deepEqual(marks('Inès'), ['2026-11-30 absent -', '2026-12-01 absent -'], 'sick leave is "absent", even to the manager');
      const day = (date: string) => body.days.find((d: Day) => d.date === date);
      assert.deepEqual([day('2026-12-01').present, day('2026-12-01').belowMinimum], [1, true]);
      assert.deepEqual([day('2026-12-02').present, day('2026-12-02').belowMinimum], [2, true], 'a pending request does not count yet');
      assert.deepEqual([day('2026-12-04').present, day('2026-12-04').belowMinimum], [3, false]);
      assert.deepEqual([day('2026-12-05').workingDay, day('2026-12-05').belowMinimum], [false, false]);
    });

    test('an agent sees the colleagues of their unit as "absent", nothing more, and sets no minimum', async () => {
      const res = await calendar(hugo, week);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.view, 'unit');
      const lea = body.members.find((m: Member) => m.firstName === 'Léa');
      assert.ok(lea.marks.every((m: Mark) => m.status === 'absent' && m.leaveType === null));
      assert.equal(body.members.find((m: Member) => m.firstName === 'Hugo').marks.length, 0, 'pending requests stay between the agent and the manager');
      assert.ok(body.days.every((d: Day) => d.present === null && !d.belowMinimum));
      assert.equal((await calendar(hugo, `${week}&view=team`)).statusCode, 403);
      assert.equal((await (await as(hugo)).request('PUT', '/api/leave/team-calendar/minimum-staffing', { minimum: 2 })).statusCode, 403);
      assert.equal((await calendar(hugo, 'from=2026-12-06&to=2026-11-30')).statusCode, 422);
      assert.equal((await calendar(hugo, 'from=2026-01-01&to=2026-12-31')).statusCode, 422);
    });

    test('teleworkers show on the calendar, fixed days and floating days alike, and count as present', async () => {
      const request = await db
        .insertInto('requests')
        .values({ agent_id: hugo.agentId, kind: 'telework', summary: 'Télétravail le vendredi', status: 'approved', step: null, submitted_at: new Date('2026-10-01T08:00:00Z'), idempotency_key: key() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('telework_arrangements')
        .values({ request_id: request.id, agent_id: hugo.agentId, fixed_days: ['friday'], floating_days: 4, floating_per: 'month', starts_on: '2026-11-02', adaptation_months: 0, installation_declared_at: new Date('2026-10-01T08:00:00Z') })
        .execute();
      await db.insertInto('telework_floating_days').values({ agent_id: hugo.agentId, day: '2026-12-03', arrangement_id: request.id, booked_at: new Date('2026-11-20T08:00:00Z') }).execute();
      const body = (await calendar(manager, week)).json();
      const marks = body.members.find((m: Member) => m.firstName === 'Hugo').marks.map((m: Mark) => `${m.date} ${m.status}`);
      assert.deepEqual(marks, ['2026-12-02 pending', '2026-12-03 telework', '2026-12-04 telework']);
      assert.equal(body.days.find((d: Day) => d.date === '2026-12-04').present, 3);
      const colleague = (await calendar(lea, week)).json();
      assert.deepEqual(colleague.members.find((m: Member) => m.firstName === 'Hugo').marks.map((m: Mark) => m.status), ['telework', 'telework'], 'colleagues see telework too');
    });

    test('HR corrects a balance with a reason, recorded in the audit trail; never below zero nor on their own balance', async () => {
      const hr = await as(org.dascoHr);
      const url = `/api/hr/leave/agents/${hugo.badgeNumber}/adjustments`;
      assert.equal((await hr.post(url, { type: 'annual_leave', year: 2026, halfDays: 3 })).statusCode, 400, 'a reason is required');
      const res = await hr.post(url, { type: 'annual_leave', year: 2026, halfDays: 3, reason: 'Report autorisé de 2025' });
      assert.equal(res.statusCode, 201, res.body);
      const annual = res.json().balances.find((b: { type: string }) => b.type === 'annual_leave');
      assert.equal(annual.allocatedHalfDays, 53);
      assert.match(res.json().lines.at(-1).reason, /^Ajustement RH \(\+1,5 jour\) : Report autorisé de 2025$/);
      const audit = (await auditTrailOf(db, hugo.agentId)).find((e) => e.action === 'leave.balance_adjust');
      assert.equal(audit?.reason, 'Report autorisé de 2025');
      assert.equal((await hr.post(url, { type: 'annual_leave', year: 2026, halfDays: -60, reason: 'Erreur de saisie' })).statusCode, 422);
      assert.equal((await hr.post(`/api/hr/leave/agents/${org.dascoHr.badgeNumber}/adjustments`, { type: 'rtt', year: 2026, halfDays: 2, reason: 'Pour moi' })).statusCode, 403);
    });

    test('the CET opens after a year of service; a deposit needs 20 days taken, then the manager and HR approve it', async () => {
      const newcomer = await teamMember('Nina', '2026-06-01');
      const cetOf = async (who: AgentFixture) => (await (await as(who)).get('/api/me/leave')).json().cet;
      assert.match((await cetOf(newcomer)).depositRefusal, /s’ouvre après un an de service, le 1er juin 2027/);

      const paul = await teamMember('Paul');
      const deposit = (halfDays: number) => as(paul).then((c) => c.request('POST', '/api/me/leave/cet-deposits', { fromType: 'annual_leave', halfDays }, { 'idempotency-key': key() }));
      const early = await deposit(4);
      assert.equal(early.statusCode, 422);
      assert.match(early.json().detail, /au moins 20 jours de congés annuels dans l’année \(0 jour à ce jour\)/);
      for (const [from, to] of [['2026-11-23', '2026-11-27'], ['2026-11-30', '2026-12-04'], ['2026-12-07', '2026-12-11'], ['2026-12-14', '2026-12-18']]) await approve(await ask(paul, from!, to!));
      const cet = await cetOf(paul);
      assert.deepEqual([cet.depositRefusal, cet.annualLeaveTakenHalfDays, cet.optionDeadline, cet.optionThresholdHalfDays, cet.capHalfDays], [null, 40, '2027-01-31', 40, 120]);

      const res = await deposit(4);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(await approve(res.json().requestId), 'forwarded_to_hr');
      assert.equal(await approve(res.json().requestId, org.dascoHr), 'approved');
      const after = (await (await as(paul)).get('/api/me/leave')).json();
      assert.equal(after.cet.balanceHalfDays, 4);
      const annual = after.balances.find((b: { type: string }) => b.type === 'annual_leave');
      assert.deepEqual([annual.allocatedHalfDays, annual.takenHalfDays, annual.carriedOverHalfDays, annual.availableHalfDays], [54, 40, -4, 10], '20 days outside May–October earn 2 fractionnement days');

      await expireLapsedLeave(t.app.ctx, new Date('2027-01-02T10:00:00Z'), { info() {} } as never);
      const lapsed = await db.selectFrom('leave_ledger').select(['entry', 'half_days']).where('agent_id', '=', paul.agentId).where('entry', '=', 'expired').execute();
      assert.deepEqual(lapsed, [{ entry: 'expired', half_days: -10 }], 'what is left of 2026 lapses in 2027; the CET stays');
    });
  });
}
