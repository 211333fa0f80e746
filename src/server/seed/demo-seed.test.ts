import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.ts';
import { AppError } from '../http/errors.ts';
import { verifyPassword } from '../modules/identity/index.ts';
import { testConfig } from '../test-support/test-app.ts';
import { createTestDatabase, reportSkippedPostgres, testDatabaseKinds } from '../test-support/test-database.ts';
import { DEMO_PASSWORD, demoLoginsBanner, demoPersonas } from './demo-logins.ts';
import { DEMO_ORGANISATION_KEY, ensureDemoOrganisation, seedDemoOrganisation } from './demo-seed.ts';

reportSkippedPostgres();

for (const kind of testDatabaseKinds()) {
  describe(`demo organisation in the database (${kind})`, () => {
    const config = testConfig();
    // First start of a portal on one database, `npm run seed` on the other: both must give the same people.
    let firstStart: DatabaseHandle;
    let seeded: DatabaseHandle;
    before(async () => {
      [firstStart, seeded] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
      const created = await ensureDemoOrganisation(firstStart.db, config);
      assert.deepEqual({ created: created.created, agentCount: created.agentCount }, { created: true, agentCount: 300 });
      await seedDemoOrganisation(seeded.db, { agents: 300, emailDomain: config.org.emailDomain });
    });
    after(async () => {
      await Promise.all([firstStart?.close(), seeded?.close()]);
    });

    const people = (handle: DatabaseHandle) =>
      handle.db
        .selectFrom('agents as a')
        .leftJoin('agents as m', 'm.id', 'a.manager_id')
        .select(['a.id', 'a.badge_number', 'a.email', 'a.first_name', 'a.last_name', 'a.job_title', 'm.badge_number as manager'])
        .orderBy('a.badge_number')
        .execute();

    test('gives the same agents, badge numbers and e-mails on two fresh databases', async () => {
      const [one, two] = await Promise.all([people(firstStart), people(seeded)]);
      assert.equal(one.length, 300);
      assert.deepEqual(one, two);
    });

    test('has 12 departments, 300 agents with unique badge numbers and e-mails, each with an account', async () => {
      const db = firstStart.db;
      const { rows } = await sql<{ departments: number; agents: number; badges: number; emails: number; hashed: number }>`
        select (select count(*) from departments) as departments,
               count(*) as agents,
               count(distinct badge_number) as badges,
               count(distinct lower(email)) as emails,
               (select count(*) from accounts where password_hash like '$argon2id$%') as hashed
        from agents`.execute(db);
      assert.deepEqual(rows[0], { departments: 12, agents: 300, badges: 300, emails: 300, hashed: 300 });
    });

    test('gives every department an HR officer who is a gestionnaire RH of that department', async () => {
      const rows = await firstStart.db
        .selectFrom('departments as d')
        .leftJoin('role_assignments as r', (join) => join.onRef('r.department_id', '=', 'd.id').on('r.role', '=', 'hr_officer'))
        .leftJoin('agents as a', 'a.id', 'r.agent_id')
        .leftJoin('job_profiles as jp', 'jp.id', 'a.job_profile_id')
        .select(['d.code', 'jp.code as profile', sql<boolean>`a.department_id = d.id`.as('sameDepartment')])
        .execute();
      const codes = new Set(rows.map((r) => r.code));
      assert.equal(codes.size, 12);
      for (const code of codes) {
        const officers = rows.filter((r) => r.code === code);
        assert.ok(officers.length >= 1 && officers.every((o) => o.profile === 'gestionnaire-rh' && o.sameDepartment), code);
      }
    });

    test('keeps every manager chain inside its department, without cycles, up to the director', async () => {
      const { rows } = await sql<{ id: string; depth: number; cycle: boolean; crossed: boolean; top_is_director: boolean }>`
        with recursive chain(id, current, department_id, depth, path, crossed) as (
          select id, id, department_id, 0, array[id], false from agents
          union all
          select c.id, m.id, c.department_id, c.depth + 1, c.path || m.id, c.crossed or m.department_id <> c.department_id
          from chain c
          join agents a on a.id = c.current
          join agents m on m.id = a.manager_id
          where not (m.id = any(c.path))
        ), tops as (
          select distinct on (c.id) c.id, c.depth, c.crossed, a.manager_id is not null as cycle, jp.code = 'directeur' as top_is_director
          from chain c join agents a on a.id = c.current join job_profiles jp on jp.id = a.job_profile_id
          order by c.id, c.depth desc
        )
        select * from tops`.execute(firstStart.db);
      assert.equal(rows.length, 300);
      assert.deepEqual(rows.filter((r) => r.cycle || r.crossed || !r.top_is_director), []);
      assert.ok(Math.max(...rows.map((r) => r.depth)) === 3, 'director → head of service → unit manager → agent');
    });

    test('has exactly one administrator and one security officer, and IT support for every department', async () => {
      const roles = await firstStart.db
        .selectFrom('role_assignments')
        .select(['role', (eb) => eb.fn.count<number>('agent_id').distinct().as('agents'), (eb) => eb.fn.count<number>('department_id').distinct().as('departments')])
        .groupBy('role')
        .execute();
      const of = (role: string) => roles.find((r) => r.role === role);
      assert.deepEqual({ ...of('administrator') }, { role: 'administrator', agents: 1, departments: 0 });
      assert.deepEqual({ ...of('security_officer') }, { role: 'security_officer', agents: 1, departments: 0 });
      assert.equal(of('it_support')?.departments, 12);
      assert.ok((of('manager')?.agents ?? 0) > 12);
    });

    test('lets every demo login sign in with the shared demo password; the others must change theirs', async () => {
      const accounts = await firstStart.db
        .selectFrom('accounts as acc')
        .innerJoin('agents as a', 'a.id', 'acc.agent_id')
        .select(['a.badge_number', 'a.email', 'acc.password_hash', 'acc.password_temporary'])
        .execute();
      for (const persona of demoPersonas) {
        const account = accounts.find((a) => a.badge_number === persona.badgeNumber);
        assert.ok(account, persona.label);
        assert.equal(account.password_temporary, false);
        assert.equal(await verifyPassword(account.password_hash ?? '', DEMO_PASSWORD), true, persona.label);
        assert.ok(!DEMO_PASSWORD.toLowerCase().includes(persona.lastName.toLowerCase()));
      }
      assert.equal(accounts.filter((a) => !a.password_temporary).length, demoPersonas.length);
      assert.equal(accounts.find((a) => a.badge_number === '1000001')?.email, 'lea.moreau@paris.example');
    });

    test('seeds only on the first start and prints the demo logins', async () => {
      const again = await ensureDemoOrganisation(firstStart.db, config);
      assert.equal(again.created, false);
      assert.equal(again.agentCount, 300);
      const banner = demoLoginsBanner('http://localhost:3000');
      for (const text of ['http://localhost:3000', DEMO_PASSWORD, 'Léa Moreau', '1000001', 'lea.moreau@paris.example', 'Marc Dubois']) {
        assert.ok(banner.includes(text), text);
      }
    });

    test('refuses to seed a database that already has agents, and changes nothing', async () => {
      await assert.rejects(seedDemoOrganisation(seeded.db, { agents: 300, emailDomain: 'paris.example' }), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'conflict');
        assert.match(error.message, /déjà une organisation \(300 agent/);
        return true;
      });
      const { count } = await seeded.db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      assert.equal(Number(count), 300);
    });

    test('leaves real data alone at first start when the demo was never recorded', async () => {
      await seeded.db.deleteFrom('app_state').where('key', '=', DEMO_ORGANISATION_KEY).execute();
      const result = await ensureDemoOrganisation(seeded.db, config);
      assert.deepEqual(result, { created: false, agentCount: 300, demoLogins: [] });
      assert.equal(demoLoginsBanner('http://localhost:3000'), '', 'no demo logins to print over real accounts');
    });
  });
}
