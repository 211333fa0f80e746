import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, demoPersonas as demoLogins } from '../../seed/demo-logins.ts';
import { seedDemoOrganisation } from '../../seed/demo-seed.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`directory (${kind})`, () => {
    let t: TestApp;
    let agent: TestClient;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      await seedDemoOrganisation(t.database.db, { agents: 300, emailDomain: 'paris.example' });
      agent = testClient(t.app, { ip: '10.0.0.8' });
      const res = await agent.post('/api/auth/login', { identifier: demoLogins[0]!.badgeNumber, password: DEMO_PASSWORD });
      assert.equal(res.statusCode, 200, res.body);
    });
    after(async () => t.close());

    test('finds a colleague by name whatever the accents and the case, with professional information only', async () => {
      const [someone] = await t.database.db.selectFrom('agents').select(['first_name', 'last_name']).where('last_name', 'like', '%é%').where('status', '=', 'active').limit(1).execute();
      assert.ok(someone, 'the demo has names with accents');
      const plain = someone.last_name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      const res = await agent.get(`/api/directory?q=${encodeURIComponent(plain)}`);
      assert.equal(res.statusCode, 200, res.body);
      const found = res.json().items.find((e: { lastName: string }) => e.lastName === someone.last_name);
      assert.ok(found, `${plain} finds ${someone.last_name}`);
      assert.deepEqual(Object.keys(found).sort(), ['department', 'email', 'firstName', 'id', 'jobTitle', 'lastName', 'manager', 'professionalPhone', 'service', 'site', 'unit']);
      assert.doesNotMatch(res.body, /grade|status|badge|birth|iban/i);
    });

    test('combines words and filters by department and job title', async () => {
      const res = (await agent.get('/api/directory?q=asem&department=DASCO&limit=50')).json();
      assert.ok(res.items.length > 0);
      for (const e of res.items) {
        assert.equal(e.department.code, 'DASCO');
        assert.match(e.jobTitle.normalize('NFD').replace(/\p{M}/gu, ''), /asem|agent specialise/i);
      }
      const page1 = (await agent.get('/api/directory?department=DASCO&limit=5')).json();
      const page2 = (await agent.get('/api/directory?department=DASCO&limit=5&offset=5')).json();
      assert.equal(page1.hasMore, true);
      assert.equal(page1.items.filter((a: { id: string }) => page2.items.some((b: { id: string }) => b.id === a.id)).length, 0);
    });

    test('shows a colleague’s card with their manager and team, and leaves out those who have left', async () => {
      const [departed] = await t.database.db.selectFrom('agents').select(['id', 'last_name']).where('status', '=', 'departed').limit(1).execute();
      if (departed) assert.equal((await agent.get(`/api/directory/agents/${departed.id}`)).statusCode, 404);
      const manager = demoLogins.find((l) => l.badgeNumber === '1000002')!;
      const [row] = await t.database.db.selectFrom('agents').select('id').where('badge_number', '=', manager.badgeNumber).execute();
      const card = (await agent.get(`/api/directory/agents/${row!.id}`)).json();
      assert.ok(card.directReports.length > 0);
      assert.equal(card.department.code, 'DASCO');
    });

    test('draws the organisation chart of a department with heads and headcounts', async () => {
      const chart = (await agent.get('/api/directory/departments/dasco/organisation')).json();
      assert.equal(chart.department.code, 'DASCO');
      assert.ok(chart.director);
      assert.ok(chart.services.length >= 3);
      const sum = chart.services.reduce((n: number, s: { headcount: number }) => n + s.headcount, 0);
      assert.ok(sum <= chart.headcount);
      assert.ok(chart.services.every((s: { head: unknown }) => s.head));
      assert.equal((await agent.get('/api/directory/departments/NOPE/organisation')).statusCode, 404);
    });

    test('tells the agent who their manager and HR contacts are', async () => {
      const contacts = (await agent.get('/api/me/contacts')).json();
      assert.ok(contacts.manager);
      assert.ok(contacts.hrContacts.length >= 1);
      assert.ok(contacts.hrContacts.every((c: { department: { code: string } }) => c.department.code === 'DASCO'));
    });

    test('is closed to visitors who are not signed in', async () => {
      assert.equal((await testClient(t.app).get('/api/directory?q=martin')).statusCode, 401);
    });
  });
}
