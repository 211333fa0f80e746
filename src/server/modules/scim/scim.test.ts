import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ensureReferenceData } from '../../seed/reference-data.ts';
import { createAgent, ensureDepartment, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { verifyPassword } from '../identity/index.ts';
import { CORE_USER, ENTERPRISE_USER, NOMADES_USER, PATCH_OP } from './scim-protocol.ts';
import { createScimToken } from './scim-tokens.service.ts';

reportSkippedPostgres();

// SCIM as an HR system or Azure AD's provisioning service calls it: bearer token, application/scim+json.

const PUBLIC_URL = 'https://nomades.paris.example';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

for (const kind of testDatabaseKinds()) {
  describe(`SCIM provisioning (${kind})`, () => {
    let t: TestApp;
    let token: string;
    let manager: Awaited<ReturnType<typeof createAgent>>;
    let serviceCode: string;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', PUBLIC_URL } });
      const db = t.database.db;
      await ensureReferenceData(db);
      manager = await createAgent(db, { department: 'DASCO', firstName: 'Sophie', lastName: 'Bernard' });
      const dfpe = await ensureDepartment(db, 'DFPE');
      await db.updateTable('departments').set({ name: 'Direction des familles et de la petite enfance' }).where('id', '=', dfpe).execute();
      serviceCode = 'SEJ';
      await db.insertInto('services').values({ department_id: manager.departmentId, code: serviceCode, name: 'Service des écoles' }).execute();
      const actor = { agentId: null, label: 'test', ip: null };
      token = (await createScimToken(db, t.clock, { name: 'SIRH Paris', createdBy: null, actor })).token;
    });
    after(async () => t.close());

    const scim = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: method as 'GET',
        url,
        remoteAddress: '10.1.2.3',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });

    const newUser = (badge: string, extra: Record<string, unknown> = {}) => ({
      schemas: [CORE_USER, ENTERPRISE_USER],
      userName: badge,
      name: { givenName: 'Léa', familyName: `Moreau${badge}` },
      emails: [{ value: `lea.moreau.${badge}@paris.example`, type: 'work', primary: true }],
      [ENTERPRISE_USER]: { department: 'DASCO', employeeNumber: badge },
      ...extra,
    });

    const create = async (badge: string, extra: Record<string, unknown> = {}) => {
      const res = await scim('POST', '/scim/v2/Users', newUser(badge, extra));
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    const auditOf = (agentId: string) =>
      t.database.db.selectFrom('audit_events').selectAll().where('target_id', '=', agentId).orderBy('id').execute();

    test('creates an account from the HR system: badge number as userName, department and manager from the enterprise extension, no role, a password nobody knows', async () => {
      const res = await scim(
        'POST',
        '/scim/v2/Users',
        newUser('2000001', {
          externalId: 'sirh-2000001',
          title: 'Responsable de secteur',
          displayName: 'Léa Moreau',
          phoneNumbers: [{ value: '01 42 76 40 40', type: 'work' }],
          [ENTERPRISE_USER]: { department: 'dasco', employeeNumber: '2000001', manager: { value: manager.agentId }, organization: 'Mairie' },
          [NOMADES_USER]: { jobProfile: 'jardinier', service: 'sej' },
          schemas: [CORE_USER, ENTERPRISE_USER, NOMADES_USER],
        }),
      );
      assert.equal(res.statusCode, 201, res.body);
      assert.match(String(res.headers['content-type']), /^application\/scim\+json/);
      const user = res.json();
      assert.equal(res.headers.location, `${PUBLIC_URL}/scim/v2/Users/${user.id}`);
      assert.equal(user.userName, '2000001');
      assert.equal(user.externalId, 'sirh-2000001');
      assert.equal(user.active, true);
      assert.equal(user.title, 'Responsable de secteur');
      assert.deepEqual(user.emails, [{ value: 'lea.moreau.2000001@paris.example', type: 'work', primary: true }]);
      assert.deepEqual(user.phoneNumbers, [{ value: '01 42 76 40 40', type: 'work', primary: true }]);
      assert.deepEqual(user[ENTERPRISE_USER], {
        employeeNumber: '2000001',
        organization: 'Ville de Paris',
        department: 'DASCO',
        manager: { value: manager.agentId, $ref: `${PUBLIC_URL}/scim/v2/Users/${manager.agentId}`, displayName: 'Sophie Bernard' },
      });
      assert.deepEqual(user[NOMADES_USER], { jobProfile: 'jardinier', service: 'SEJ' });
      assert.deepEqual(user.meta.resourceType, 'User');
      assert.equal(user.meta.location, `${PUBLIC_URL}/scim/v2/Users/${user.id}`);

      const got = await scim('GET', `/scim/v2/Users/${user.id}`);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.json(), user);

      const account = await t.database.db.selectFrom('accounts').selectAll().where('agent_id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(account.password_temporary, true);
      assert.equal(await verifyPassword(account.password_hash!, ''), false);
      const roles = await t.database.db.selectFrom('role_assignments').select('role').where('agent_id', '=', user.id).execute();
      assert.deepEqual(roles, [], 'SCIM never grants a role');

      const [entry] = await auditOf(user.id);
      assert.equal(entry?.action, 'account.create');
      assert.equal(entry?.actor_label, 'jeton SCIM « SIRH Paris »');
      assert.equal(entry?.actor_agent_id, null);
      assert.equal(entry?.actor_ip, '10.1.2.3');
      assert.deepEqual((entry?.changes as Record<string, { to: unknown }>).department, { from: null, to: 'DASCO' });
    });

    test('finds an agent by userName, by e-mail in any case and by externalId, and refuses filters it does not support', async () => {
      const user = await create('2000002', { externalId: 'ad-0002' });
      const find = async (filter: string) => {
        const res = await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      for (const filter of [
        'userName eq "2000002"',
        'emails.value eq "LEA.MOREAU.2000002@PARIS.EXAMPLE"',
        'emails[type eq "work" and value eq "lea.moreau.2000002@paris.example"]',
        'externalId eq "ad-0002"',
        `userName eq "2000002" and ${ENTERPRISE_USER}:department eq "DASCO"`,
      ]) {
        const page = await find(filter);
        assert.equal(page.totalResults, 1, filter);
        assert.equal(page.Resources[0].id, user.id, filter);
        assert.deepEqual(page.schemas, ['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
      }
      const none = await find('userName eq "9999999"');
      assert.deepEqual({ total: none.totalResults, resources: none.Resources }, { total: 0, resources: [] });

      const projected = await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent('userName eq "2000002"')}&attributes=userName`);
      assert.deepEqual(Object.keys(projected.json().Resources[0]).sort(), ['id', 'schemas', 'userName']);

      for (const filter of ['displayName co "Léa"', 'userName sw "20"', 'userName eq "2000002" junk']) {
        const res = await scim('GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}`);
        assert.equal(res.statusCode, 400, filter);
        assert.equal(res.json().scimType, 'invalidFilter', filter);
        assert.deepEqual(res.json().schemas, [ERROR]);
      }
    });

    test('refuses a badge number or an e-mail already used with 409 uniqueness, and unknown attributes or departments with 400 naming them', async () => {
      await create('2000003');
      const again = await scim('POST', '/scim/v2/Users', newUser('2000003', { emails: [{ value: 'autre@paris.example', primary: true }] }));
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().scimType, 'uniqueness');
      assert.equal(again.json().status, '409');
      assert.match(again.json().detail, /userName : le matricule 2000003 est déjà attribué/);

      const sameEmail = await scim('POST', '/scim/v2/Users', newUser('2000004', { emails: [{ value: 'LEA.MOREAU.2000003@paris.example', primary: true }] }));
      assert.equal(sameEmail.statusCode, 409);
      assert.match(sameEmail.json().detail, /^emails : /);

      const unknown = await scim('POST', '/scim/v2/Users', newUser('2000004', { nickName: 'Lulu', [ENTERPRISE_USER]: { department: 'DXYZ', costCenter: '12' } }));
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().scimType, 'invalidValue');
      assert.match(unknown.json().detail, /nickName : attribut non pris en charge/);
      assert.match(unknown.json().detail, /enterprise:2\.0:User:costCenter : attribut non pris en charge/);

      const department = await scim('POST', '/scim/v2/Users', newUser('2000004', { [ENTERPRISE_USER]: { department: 'DXYZ' } }));
      assert.equal(department.statusCode, 400);
      assert.match(department.json().detail, /enterprise:2\.0:User:department : la direction « DXYZ » n’existe pas/);

      const byName = await scim('POST', '/scim/v2/Users', newUser('2000004', { [ENTERPRISE_USER]: { department: 'Direction des familles et de la petite enfance' } }));
      assert.equal(byName.statusCode, 201, 'a department is also found by its exact name');
      assert.equal(byName.json()[ENTERPRISE_USER].department, 'DFPE');

      const count = await t.database.db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).where('badge_number', '=', '2000003').executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1, 'nothing half-done');
    });

    test('disables an account with Azure AD’s PATCH (capitalised op, string boolean): its sessions end at once; active true opens it again', async () => {
      const agent = await createAgent(t.database.db, { department: 'DASCO' });
      const desk = testClient(t.app, { ip: '10.0.0.5' });
      assert.equal((await desk.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD })).statusCode, 200);
      assert.equal((await desk.get('/api/me')).statusCode, 200);

      const off = await scim('PATCH', `/scim/v2/Users/${agent.agentId}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().active, false);
      assert.equal((await desk.get('/api/me')).statusCode, 401, 'the open session ended at once');
      const refused = await testClient(t.app, { ip: '10.0.0.6' }).post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(refused.statusCode, 401);
      const row = await t.database.db.selectFrom('agents').select(['status', 'suspension_reason']).where('id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'suspended', suspension_reason: 'Désactivé par le provisionnement SCIM (jeton « SIRH Paris »)' });

      const inactive = await scim('GET', '/scim/v2/Users?filter=active%20eq%20false');
      assert.ok(inactive.json().Resources.some((u: { id: string }) => u.id === agent.agentId));

      // Okta's form: no path, a value object.
      const on = await scim('PATCH', `/scim/v2/Users/${agent.agentId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
      assert.equal(on.json().active, true);
      const back = await testClient(t.app, { ip: '10.0.0.7' }).post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(back.statusCode, 200);

      const actions = (await auditOf(agent.agentId)).map((e) => [e.action, e.actor_label, (e.changes as { status?: unknown }).status]);
      assert.deepEqual(actions, [
        ['account.suspend', 'jeton SCIM « SIRH Paris »', { from: 'active', to: 'suspended' }],
        ['account.reactivate', 'jeton SCIM « SIRH Paris »', { from: 'suspended', to: 'active' }],
      ]);
    });

    test('applies PATCH add, replace and remove on e-mail, phone, title and manager, all or nothing', async () => {
      const user = await create('2000005', { [ENTERPRISE_USER]: { department: 'DASCO', manager: { value: manager.agentId } } });
      const patched = await scim('PATCH', `/scim/v2/Users/${user.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'lea.m.2000005@paris.example' },
          { op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '+33 1 42 76 40 40' },
          { op: 'Add', value: { title: 'Cheffe de secteur', 'name.givenName': 'Léane' } },
          { op: 'remove', path: `${ENTERPRISE_USER}:manager` },
        ],
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const u = patched.json();
      assert.equal(u.emails[0].value, 'lea.m.2000005@paris.example');
      assert.equal(u.phoneNumbers[0].value, '+33 1 42 76 40 40');
      assert.equal(u.title, 'Cheffe de secteur');
      assert.equal(u.name.givenName, 'Léane');
      assert.equal(u[ENTERPRISE_USER].manager, undefined);

      // One bad operation among good ones: nothing is applied.
      const refused = await scim('PATCH', `/scim/v2/Users/${user.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'title', value: 'Autre intitulé' },
          { op: 'add', path: 'addresses', value: [{ locality: 'Paris' }] },
        ],
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.json().detail, /addresses : attribut non pris en charge/);
      assert.equal((await scim('GET', `/scim/v2/Users/${user.id}`)).json().title, 'Cheffe de secteur');

      const immutable = await scim('PATCH', `/scim/v2/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'id', value: 'x' }] });
      assert.equal(immutable.json().scimType, 'mutability');
    });

    test('replaces an agent with PUT and moves them to another department, leaving the old service behind; the same PUT again changes nothing', async () => {
      const user = await create('2000006', { externalId: 'ad-0006', [NOMADES_USER]: { service: serviceCode }, schemas: [CORE_USER, ENTERPRISE_USER, NOMADES_USER] });
      assert.equal(user[NOMADES_USER].service, 'SEJ');
      const body = {
        schemas: [CORE_USER, ENTERPRISE_USER],
        id: user.id,
        externalId: 'ad-0006',
        userName: '2000006',
        name: { givenName: 'Léa', familyName: 'Moreau-Petit' },
        emails: [{ value: 'lea.moreau-petit@paris.example', type: 'work', primary: true }],
        active: true,
        [ENTERPRISE_USER]: { department: 'DFPE', manager: { value: manager.agentId } },
      };
      const replaced = await scim('PUT', `/scim/v2/Users/${user.id}`, body);
      assert.equal(replaced.statusCode, 200, replaced.body);
      const u = replaced.json();
      assert.equal(u.name.familyName, 'Moreau-Petit');
      assert.equal(u[ENTERPRISE_USER].department, 'DFPE');
      assert.equal(u[ENTERPRISE_USER].manager.value, manager.agentId);
      assert.deepEqual(u[NOMADES_USER], { jobProfile: 'agent-administratif' }, 'the DASCO service does not follow to DFPE');
      assert.deepEqual(u.groups.map((g: { display: string }) => g.display), ['DFPE']);

      const before = (await auditOf(user.id)).length;
      assert.equal((await scim('PUT', `/scim/v2/Users/${user.id}`, body)).statusCode, 200);
      assert.equal((await auditOf(user.id)).length, before, 'no change, no audit entry');
      const update = (await auditOf(user.id)).at(-1)!;
      assert.equal(update.action, 'account.update');
      assert.deepEqual((update.changes as Record<string, unknown>).department, { from: 'DASCO', to: 'DFPE' });
    });

    test('DELETE: the agent departs, their data stays, and SCIM answers 404 for them from then on', async () => {
      const user = await create('2000007', { externalId: 'ad-0007' });
      const desk = testClient(t.app, { ip: '10.0.0.5' });
      await t.database.db.updateTable('accounts').set({ password_hash: (await t.database.db.selectFrom('accounts').select('password_hash').where('agent_id', '=', manager.agentId).executeTakeFirstOrThrow()).password_hash, password_temporary: false }).where('agent_id', '=', user.id).execute();
      assert.equal((await desk.post('/api/auth/login', { identifier: '2000007', password: KNOWN_PASSWORD })).statusCode, 200);

      const res = await scim('DELETE', `/scim/v2/Users/${user.id}`);
      assert.equal(res.statusCode, 204);
      assert.equal((await desk.get('/api/me')).statusCode, 401);
      assert.equal((await scim('GET', `/scim/v2/Users/${user.id}`)).statusCode, 404);
      assert.equal((await scim('DELETE', `/scim/v2/Users/${user.id}`)).statusCode, 404);
      assert.equal((await scim('GET', '/scim/v2/Users?filter=userName%20eq%20%222000007%22')).json().totalResults, 0);
      const kept = await t.database.db.selectFrom('agents').select(['status', 'departure_date', 'last_name']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(kept.status, 'departed');
      assert.equal(kept.last_name, 'Moreau2000007');
      assert.equal(kept.departure_date, new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(t.clock.now()));

      // The badge number is never given again; the externalId is free for the client to reuse.
      const rehire = await scim('POST', '/scim/v2/Users', newUser('2000007', { emails: [{ value: 'x.2000007@paris.example', primary: true }] }));
      assert.equal(rehire.statusCode, 409);
      assert.match(rehire.json().detail, /agent parti/);
      assert.equal((await scim('POST', '/scim/v2/Users', newUser('2000008', { externalId: 'ad-0007' }))).statusCode, 201);
      assert.equal((await auditOf(user.id)).at(-1)?.action, 'account.depart');
    });

    test('pages through agents with startIndex and count, and says how many there are in all', async () => {
      const all = (await scim('GET', '/scim/v2/Users?count=200')).json();
      assert.ok(all.totalResults >= 8);
      assert.equal(all.Resources.length, all.totalResults);
      const second = (await scim('GET', '/scim/v2/Users?startIndex=3&count=2')).json();
      assert.deepEqual({ startIndex: second.startIndex, itemsPerPage: second.itemsPerPage, totalResults: second.totalResults }, { startIndex: 3, itemsPerPage: 2, totalResults: all.totalResults });
      assert.deepEqual(second.Resources.map((u: { id: string }) => u.id), all.Resources.slice(2, 4).map((u: { id: string }) => u.id));
      const onlyCount = (await scim('GET', '/scim/v2/Users?count=0')).json();
      assert.deepEqual([onlyCount.totalResults, onlyCount.Resources.length], [all.totalResults, 0]);
      const clamped = (await scim('GET', '/scim/v2/Users?startIndex=-4&count=1')).json();
      assert.equal(clamped.startIndex, 1);
      assert.equal((await scim('GET', '/scim/v2/Users?count=abc')).json().scimType, 'invalidValue');
    });

    test('serves ServiceProviderConfig, Schemas and ResourceTypes, and departments as read-only groups', async () => {
      const config = (await scim('GET', '/scim/v2/ServiceProviderConfig')).json();
      assert.deepEqual(
        [config.patch.supported, config.bulk.supported, config.filter, config.changePassword.supported, config.sort.supported, config.authenticationSchemes[0].type],
        [true, false, { supported: true, maxResults: 200 }, false, false, 'oauthbearertoken'],
      );
      const types = (await scim('GET', '/scim/v2/ResourceTypes')).json();
      assert.deepEqual(types.Resources.map((r: { id: string }) => r.id), ['User', 'Group']);
      assert.equal((await scim('GET', '/scim/v2/ResourceTypes/User')).json().schema, CORE_USER);
      const schemas = (await scim('GET', '/scim/v2/Schemas')).json();
      assert.deepEqual(schemas.Resources.map((s: { id: string }) => s.id), [CORE_USER, ENTERPRISE_USER, NOMADES_USER, 'urn:ietf:params:scim:schemas:core:2.0:Group']);
      const user = (await scim('GET', `/scim/v2/Schemas/${CORE_USER}`)).json();
      assert.ok(user.attributes.some((a: { name: string; uniqueness: string }) => a.name === 'userName' && a.uniqueness === 'server'));
      assert.equal((await scim('GET', '/scim/v2/Schemas/urn:unknown')).statusCode, 404);

      const groups = (await scim('GET', `/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "DASCO"')}&excludedAttributes=members`)).json();
      assert.equal(groups.totalResults, 1);
      const [dasco] = groups.Resources;
      assert.deepEqual([dasco.displayName, dasco.members], ['DASCO', undefined]);
      const full = (await scim('GET', `/scim/v2/Groups/${dasco.id}`)).json();
      assert.ok(full.members.some((m: { value: string }) => m.value === manager.agentId));
      assert.equal((await scim('GET', `/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "direction des familles et de la petite enfance"')}`)).json().Resources[0].displayName, 'DFPE');
      const write = await scim('POST', '/scim/v2/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'X' });
      assert.equal(write.statusCode, 501);
      assert.match(write.json().detail, /lecture seule/);
      assert.equal((await scim('PATCH', `/scim/v2/Groups/${dasco.id}`, { schemas: [PATCH_OP], Operations: [] })).statusCode, 501);
      assert.equal((await scim('POST', '/scim/v2/Bulk', {})).statusCode, 501);
    });

    test('answers bad requests in SCIM’s error format: malformed JSON, other media types, oversized bodies, unknown paths and methods', async () => {
      const cases: [string, number, string | undefined][] = [];
      const check = async (res: Awaited<ReturnType<typeof scim>>, status: number, scimType?: string) => {
        assert.equal(res.statusCode, status, res.body);
        assert.match(String(res.headers['content-type']), /^application\/scim\+json/);
        const body = res.json();
        assert.deepEqual(body.schemas, [ERROR]);
        assert.equal(body.status, String(status));
        assert.equal(body.scimType, scimType);
        cases.push([res.raw.req.url ?? '', status, scimType]);
      };
      await check(await scim('POST', '/scim/v2/Users', '{"userName": '), 400, 'invalidSyntax');
      await check(await scim('POST', '/scim/v2/Users', '{"__proto__": {"admin": true}}'), 400, 'invalidSyntax');
      await check(await scim('POST', '/scim/v2/Users', 'userName=1', { 'content-type': 'text/plain' }), 415);
      await check(await scim('POST', '/scim/v2/Users', JSON.stringify(newUser('2000009', { title: 'x'.repeat(1_100_000) }))), 413);
      await check(await scim('GET', '/scim/v2/Users/00000000-0000-0000-0000-000000000000'), 404);
      await check(await scim('GET', '/scim/v2/Users/not-a-uuid'), 404);
      await check(await scim('GET', '/scim/v2/Nothing'), 404);
      await check(await scim('PUT', '/scim/v2/Users', newUser('2000009')), 405);
      await check(await scim('PATCH', `/scim/v2/Users/${manager.agentId}`, { Operations: [{ op: 'replace', path: 'active', value: false }] }), 400, 'invalidSyntax');
      await check(await scim('POST', '/scim/v2/Users', newUser('2000009', { userName: 'x\u0000y' })), 400, 'invalidValue');
      // application/json is accepted too: some connectors send it.
      const asJson = await scim('POST', '/scim/v2/Users', newUser('2000009'), { 'content-type': 'application/json; charset=utf-8' });
      assert.equal(asJson.statusCode, 201, asJson.body);
    });

    test('never answers 500 to hostile payloads, filters or ids', async () => {
      const hostile: unknown[] = ['x'.repeat(5000), 'a\u0000b', '\ud800', "' OR 1=1 --", 12345, true, null, [], { nested: [1] }, '00000000-0000-0000-0000-000000000000'];
      const requests: [string, string, unknown][] = [];
      for (const v of hostile) {
        for (const key of ['userName', 'name', 'emails', 'phoneNumbers', 'active', 'externalId', 'title', ENTERPRISE_USER]) requests.push(['POST', '/scim/v2/Users', newUser('2000010', { [key]: v })]);
        requests.push(['POST', '/scim/v2/Users', newUser('2000010', { [ENTERPRISE_USER]: { department: 'DASCO', manager: v } })]);
        requests.push(['PATCH', `/scim/v2/Users/${manager.agentId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: v, value: v }] }]);
        requests.push(['PATCH', `/scim/v2/Users/${manager.agentId}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', value: v }] }]);
        requests.push(['GET', `/scim/v2/Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(v)}`)}`, undefined]);
        requests.push(['GET', `/scim/v2/Users/${encodeURIComponent(String(v).toWellFormed())}`, undefined]);
      }
      for (const [method, url, body] of requests) {
        const res = await scim(method, url, body);
        assert.ok(res.statusCode < 500, `${method} ${url.slice(0, 80)} ${JSON.stringify(body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    });

    test('keeps the audit trail’s chain whole after all these calls', async () => {
      const result = await verifyAuditChain(t.database.db);
      assert.equal(result.ok, true);
    });
  });
}
