import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, pdfText, signedIn } from '../accounts/test-support.ts';
import { seedDemoPayslips } from './demo-payslips.ts';
import { purgeExpiredPayslips } from './payslip-retention.job.ts';

reportSkippedPostgres();

const silent = { info: () => {} };

for (const kind of testDatabaseKinds()) {
  describe(`payslips: payroll import, agent views and PDF (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let alice: Awaited<ReturnType<typeof createAgent>>;
    let bruno: Awaited<ReturnType<typeof createAgent>>;
    let casvpAgent: Awaited<ReturnType<typeof createAgent>>;
    let hr: TestClient;
    const db = () => t.database.db;
    const payslipCount = async () => Number((await db().selectFrom('payslips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const auditCount = async (action: string) =>
      Number((await db().selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);
    const line = (badgeNumber: string, extra: Record<string, unknown> = {}) => ({ badgeNumber, indexMajore: 420, children: 0, ...extra });

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      org = await hrOrganisation(db());
      alice = await createAgent(db(), { department: 'DASCO', firstName: 'Alice', lastName: 'Moreau' });
      bruno = await createAgent(db(), { department: 'DASCO', firstName: 'Bruno', lastName: 'Caron' });
      casvpAgent = await createAgent(db(), { department: 'CASVP' });
      hr = await signedIn(t, org.dascoHr);
    });
    after(async () => t.close());

    test('a file with malformed lines or unknown agents is refused line by line, and nothing is imported', async () => {
      const res = await hr.post('/api/hr/payroll/imports', {
        month: '2025-01',
        lines: [
          line(alice.badgeNumber),
          line('9999998'),
          line(casvpAgent.badgeNumber), // another department: unknown to this HR officer
          line(bruno.badgeNumber, { ifseMonthlyCents: 12.5 }),
          line(bruno.badgeNumber, { indexMajore: 'quatre cent vingt' }),
        ],
      });
      assert.equal(res.statusCode, 422, res.body);
      const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
      assert.deepEqual(fields, ['lines.2.badgeNumber', 'lines.3.badgeNumber', 'lines.4.ifseMonthlyCents', 'lines.5.indexMajore']);
      assert.equal(await payslipCount(), 0);
    });

    test('importing the same month twice changes nothing; a corrected import before publication replaces', async () => {
      const lines = [line(alice.badgeNumber), line(bruno.badgeNumber, { children: 2 })];
      const first = await hr.post('/api/hr/payroll/imports', { month: '2025-01', lines });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual([first.json().created, first.json().unchanged], [2, 0]);
      const audits = await auditCount('payroll.import');
      const again = await hr.post('/api/hr/payroll/imports', { month: '2025-01', lines });
      assert.deepEqual([again.json().created, again.json().replaced, again.json().unchanged], [0, 0, 2]);
      assert.equal(await auditCount('payroll.import'), audits);
      const corrected = await hr.post('/api/hr/payroll/imports', { month: '2025-01', lines: [line(alice.badgeNumber, { nbiPoints: 15 })] });
      assert.deepEqual([corrected.json().replaced, corrected.json().unchanged], [1, 0]);
      assert.equal(await payslipCount(), 2);
    });

    test('agents see a payslip once published; a published payslip changes only by an explicit rectification', async () => {
      const agent = await signedIn(t, alice);
      assert.deepEqual((await agent.get('/api/me/payslips?year=2025')).json().payslips, []);
      const published = await hr.post('/api/hr/payroll/2025-01/publication');
      assert.deepEqual(published.json(), { month: '2025-01', published: 2 });
      const list = (await agent.get('/api/me/payslips?year=2025')).json();
      assert.equal(list.payslips.length, 1);
      assert.equal(list.payslips[0].month, '2025-01');
      assert.ok(list.payslips[0].netPaidCents > 150_000);

      const changed = { month: '2025-01', lines: [line(alice.badgeNumber, { nbiPoints: 20 })] };
      const refused = await hr.post('/api/hr/payroll/imports', changed);
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().errors[0].message, /rectification/);
      const rectified = await hr.post('/api/hr/payroll/imports', { ...changed, rectification: { reason: 'NBI de 20 points depuis janvier' } });
      assert.equal(rectified.json().rectified, 1);
      assert.equal((await agent.get('/api/me/payslips/2025-01')).json().version, 1); // until the rectification is published
    });

    test('each line is explained in French and compared with the previous month', async () => {
      await hr.post('/api/hr/payroll/imports', { month: '2025-02', lines: [line(alice.badgeNumber, { indexMajore: 430 })] });
      await hr.post('/api/hr/payroll/2025-02/publication');
      const agent = await signedIn(t, alice);
      const res = await agent.get('/api/me/payslips/2025-02');
      assert.equal(res.statusCode, 200, res.body);
      const detail = res.json();
      const traitement = detail.lines.find((l: { code: string }) => l.code === 'traitement');
      assert.equal(traitement.explanation, 'traitement indiciaire = indice majoré 430 × 4,92278 € = 2 116,80 €');
      assert.equal(traitement.previousAmountCents, 206_757);
      assert.equal(traitement.differenceCents, 211_680 - 206_757);
      assert.equal(detail.totals.netPaidCents, detail.totals.grossCents - detail.totals.deductionsCents);
      assert.equal(detail.yearToDate.netPaidCents, detail.totals.netPaidCents + detail.previousTotals.netPaidCents);
      assert.equal((await agent.get('/api/me/payslips/2024-12')).statusCode, 404);
    });

    test('the PDF of a published payslip is the same bytes at every download, and matches its stored hash', async () => {
      const agent = await signedIn(t, alice);
      const first = await agent.get('/api/me/payslips/2025-02.pdf');
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.headers['content-type'], 'application/pdf');
      t.clock.advance(3 * 24 * 3_600_000); // days later, in a new session
      const second = await (await signedIn(t, alice)).get('/api/me/payslips/2025-02.pdf');
      assert.equal(second.statusCode, 200, second.body);
      assert.ok(first.rawPayload.equals(second.rawPayload));
      const stored = await db().selectFrom('payslips').select(['pdf_sha256']).where('agent_id', '=', alice.agentId).where('month', '=', '2025-02').executeTakeFirstOrThrow();
      assert.equal(stored.pdf_sha256, createHash('sha256').update(second.rawPayload).digest('hex'));
      const text = pdfText(first.rawPayload);
      for (const expected of [`Matricule ${alice.badgeNumber}`, 'BULLETIN DE PAIE', 'février 2025', 'Traitement indiciaire brut', '2 116,80 €', 'NET PAYÉ', 'Cumuls de l’année', 'Contribution employeur CNRACL']) {
        assert.ok(text.includes(expected), `${expected} missing from the PDF`);
      }
    });

    test('HR of the perimeter reads a payslip (recorded); another department’s HR and other agents get 404', async () => {
      const url = `/api/hr/agents/${alice.agentId}/payslips/2025-01`;
      const before = await auditCount('payslip.view');
      hr = await signedIn(t, org.dascoHr);
      assert.equal((await hr.get(url)).statusCode, 200);
      assert.equal(await auditCount('payslip.view'), before + 1);
      assert.equal((await (await signedIn(t, org.casvpHr)).get(url)).statusCode, 404);
      assert.equal((await (await signedIn(t, bruno)).get(url)).statusCode, 404);
      const casvpImport = await (await signedIn(t, org.casvpHr)).post('/api/hr/payroll/2025-01/publication');
      assert.equal(casvpImport.statusCode, 404); // nothing of theirs waits: DASCO's rectification is not theirs to publish
    });

    test('payslips older than the retention period are purged from the portal', async () => {
      await purgeExpiredPayslips({ db: db() } as never, new Date('2030-01-15T10:00:00Z'), silent, 5);
      assert.equal(await payslipCount(), 4); // 2025-01 is kept (5 years back from 2030-01)
      await purgeExpiredPayslips({ db: db() } as never, new Date('2030-02-15T10:00:00Z'), silent, 5);
      assert.equal(await payslipCount(), 1);
    });

    test('the demo generator writes 24 months of published payslips for every agent', async () => {
      const started = Date.now();
      const { payslips } = await seedDemoPayslips(db(), { months: 24, until: '2024-12' });
      const agents = Number((await db().selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      assert.equal(payslips, agents * 24);
      assert.equal(await payslipCount(), 1 + payslips);
      assert.ok(Date.now() - started < 20_000);
    });
  });
}
