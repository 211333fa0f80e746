import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { csvCell } from '../../http/csv.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`audit trail (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
    });
    after(async () => t.close());

    const actor = { agentId: null, label: 'Nathalie Girard (1000003)', ip: '10.0.0.3' };
    const record = (action: string, extra: Record<string, unknown> = {}) =>
      t.database.db.transaction().execute((trx) =>
        recordAudit(trx, { actor, action, at: t.clock.now(), target: { type: 'agent', id: 'a1', label: 'Léa Moreau (1000001)' }, ...extra }),
      );

    test('chains every entry to the previous one and verifies the whole trail', async () => {
      await record('account.create', { changes: { status: { from: null, to: 'active' }, temporaryPassword: 'Abcd-Efgh' }, reason: 'Arrivée' });
      await record('account.suspend', { reason: 'Suspension conservatoire' });
      await record('account.unlock', { reason: '=HYPERLINK("http://evil")' });
      const result = await verifyAuditChain(t.database.db);
      assert.equal(result.ok, true);
      assert.equal(result.entries, 3);
      const first = await t.database.db.selectFrom('audit_events').select('changes').orderBy('id').limit(1).executeTakeFirstOrThrow();
      assert.deepEqual(first.changes, { status: { from: null, to: 'active' }, temporaryPassword: '[modifié]' }, 'secret values never stored');
    });

    test('refuses updates and deletes, and detects an entry changed or removed behind its back', async () => {
      await assert.rejects(sql`update audit_events set reason = 'x'`.execute(t.database.db), /append-only/);
      await assert.rejects(sql`delete from audit_events`.execute(t.database.db), /append-only/);

      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.database.db);
      try {
        const [, second] = await t.database.db.selectFrom('audit_events').select(['id', 'reason']).orderBy('id').execute();
        await sql`update audit_events set reason = 'Autre motif' where id = ${second!.id}`.execute(t.database.db);
        const edited = await verifyAuditChain(t.database.db);
        assert.equal(edited.ok, false);
        assert.equal(edited.brokenAtId, second!.id);
        await sql`update audit_events set reason = ${second!.reason} where id = ${second!.id}`.execute(t.database.db);
        assert.equal((await verifyAuditChain(t.database.db)).ok, true);
        await sql`delete from audit_events where id = ${second!.id}`.execute(t.database.db);
        const removed = await verifyAuditChain(t.database.db);
        assert.equal(removed.ok, false);
        assert.match(removed.problem ?? '', /manquant/);
      } finally {
        await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.database.db);
      }
    });

    test('lets a security officer search and export it, and nobody else', async () => {
      const officer = await createAgent(t.database.db, { role: 'security_officer' });
      await t.database.db.updateTable('role_assignments').set({ department_id: null }).where('agent_id', '=', officer.agentId).execute();
      const agent = await createAgent(t.database.db);
      const as = async (badge: string) => {
        const c = testClient(t.app, { ip: '10.0.0.50' });
        await c.post('/api/auth/login', { identifier: badge, password: KNOWN_PASSWORD });
        return c;
      };
      const plain = await as(agent.badgeNumber);
      assert.equal((await plain.get('/api/audit')).statusCode, 403);
      const security = await as(officer.badgeNumber);
      const found = (await security.get('/api/audit?action=account.unlock')).json();
      assert.equal(found.items.length, 1);
      assert.equal(found.items[0].actor, 'Nathalie Girard (1000003)');
      const csv = await security.get('/api/audit/export?q=HYPERLINK');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil""\)"/, 'the formula is neutralised');
    });
  });
}

describe('CSV export cells', () => {
  test('neutralises cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=1+1'), `"'=1+1"`);
    assert.equal(csvCell('+33 6'), `"'+33 6"`);
    assert.equal(csvCell('-2'), `"'-2"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('Dupont "le grand"'), '"Dupont ""le grand"""');
    assert.equal(csvCell(null), '""');
  });
});
