import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`payslips: HR's side, an agent's payslips and the payroll months (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let alice: Awaited<ReturnType<typeof createAgent>>;
    let casvpAgent: Awaited<ReturnType<typeof createAgent>>;
    let hr: TestClient;
    const db = () => t.database.db;
    const consultations = async () =>
      (await db().selectFrom('audit_events').select(['changes']).where('action', '=', 'payslip.view').where('target_id', '=', alice.agentId).orderBy('id').execute()).map(
        (e) => e.changes as Record<string, { to: unknown }>,
      );
    const line = (badgeNumber: string, indexMajore = 420) => ({ badgeNumber, indexMajore });

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      org = await hrOrganisation(db());
      alice = await createAgent(db(), { department: 'DASCO', firstName: 'Alice', lastName: 'Moreau' });
      casvpAgent = await createAgent(db(), { department: 'CASVP' });
      hr = await signedIn(t, org.dascoHr);
      for (const month of ['2025-11', '2025-12', '2026-01']) {
        assert.equal((await hr.post('/api/hr/payroll/imports', { month, lines: [line(alice.badgeNumber)] })).statusCode, 200);
        assert.equal((await hr.post(`/api/hr/payroll/${month}/publication`)).statusCode, 200);
      }
      const casvpHr = await signedIn(t, org.casvpHr);
      assert.equal((await casvpHr.post('/api/hr/payroll/imports', { month: '2026-01', lines: [line(casvpAgent.badgeNumber)] })).statusCode, 200);
    });
    after(async () => t.close());

    test('HR of the perimeter lists an agent’s payslips of a year, with the years that have some; the reading is recorded', async () => {
      const res = await hr.get(`/api/hr/agents/${alice.agentId}/payslips?year=2025`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().years, [2026, 2025]);
      assert.deepEqual(res.json().payslips.map((p: { month: string }) => p.month), ['2025-12', '2025-11']);
      const current = (await hr.get(`/api/hr/agents/${alice.agentId}/payslips`)).json();
      assert.equal(current.year, 2026);
      assert.deepEqual(current.payslips.map((p: { month: string }) => p.month), ['2026-01']);
      assert.deepEqual((await consultations()).map((c) => [c.year?.to, c.format?.to]), [[2025, 'list'], [2026, 'list']]);
    });

    test('HR downloads the same PDF the agent gets, and the download is recorded', async () => {
      const byHr = await hr.get(`/api/hr/agents/${alice.agentId}/payslips/2025-12.pdf`);
      assert.equal(byHr.statusCode, 200, byHr.body);
      assert.equal(byHr.headers['content-type'], 'application/pdf');
      const byAgent = await (await signedIn(t, alice)).get('/api/me/payslips/2025-12.pdf');
      assert.ok(byHr.rawPayload.equals(byAgent.rawPayload));
      assert.deepEqual((await consultations()).at(-1), { month: { from: null, to: '2025-12' }, format: { from: null, to: 'pdf' } });
    });

    test('outside the perimeter the agent’s payslips do not exist, and nothing is recorded', async () => {
      const before = (await consultations()).length;
      const casvpHr = await signedIn(t, org.casvpHr);
      for (const url of [`/api/hr/agents/${alice.agentId}/payslips`, `/api/hr/agents/${alice.agentId}/payslips/2025-12.pdf`]) {
        assert.equal((await casvpHr.get(url)).statusCode, 404, url);
      }
      const colleague = await signedIn(t, casvpAgent);
      assert.equal((await colleague.get(`/api/hr/agents/${alice.agentId}/payslips/2025-12.pdf`)).statusCode, 404);
      assert.equal((await hr.get(`/api/hr/agents/${alice.agentId}/payslips/2024-05.pdf`)).statusCode, 404);
      assert.equal((await consultations()).length, before);
    });

    test('the payroll page lists the months of the perimeter with payslips waiting and published', async () => {
      await hr.post('/api/hr/payroll/imports', { month: '2026-01', lines: [line(alice.badgeNumber, 430)], rectification: { reason: 'Avancement d’échelon' } });
      const res = await hr.get('/api/hr/payroll/months');
      assert.equal(res.statusCode, 200, res.body);
      const months = res.json().months.map((m: Record<string, unknown>) => [m.month, m.agents, m.pending, m.pendingRectifications, m.published]);
      assert.deepEqual(months, [
        ['2026-01', 1, 1, 1, 1],
        ['2025-12', 1, 0, 0, 1],
        ['2025-11', 1, 0, 0, 1],
      ]);
      // CASVP's HR sees only CASVP's month, waiting; an agent without a payroll role is refused.
      const casvp = (await (await signedIn(t, org.casvpHr)).get('/api/hr/payroll/months')).json().months;
      assert.deepEqual(casvp.map((m: Record<string, unknown>) => [m.month, m.pending, m.published]), [['2026-01', 1, 0]]);
      assert.equal((await (await signedIn(t, alice)).get('/api/hr/payroll/months')).statusCode, 403);
    });
  });
}
