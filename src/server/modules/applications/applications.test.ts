import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import type { CatalogueResponse } from './applications.schema.ts';
import { seedDemoApplications } from './demo-applications.ts';

reportSkippedPostgres();

const names = (catalogue: CatalogueResponse) => catalogue.categories.flatMap((group) => group.applications.map((app) => app.slug));
const page = { accept: 'text/html,application/xhtml+xml' };

for (const kind of testDatabaseKinds()) {
  describe(`applications and catalogue (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let dascoAgent: TestClient;
    let casvpAgent: TestClient;
    let administrator: TestClient;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      org = await hrOrganisation(t.database.db);
      await seedDemoApplications(t.database.db, t.clock.now());
      dascoAgent = await signedIn(t, await createAgent(t.database.db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' }));
      casvpAgent = await signedIn(t, await createAgent(t.database.db, { department: 'CASVP', firstName: 'Thomas', lastName: 'Petit' }));
      administrator = await signedIn(t, await createAgent(t.database.db, { department: 'DASCO', role: 'administrator', firstName: 'Claire', lastName: 'Fontaine' }));
    });
    after(async () => t.close());

    const catalogue = async (client: TestClient, q?: string): Promise<CatalogueResponse> => {
      const res = await client.get(`/api/me/applications${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const events = (slug: string) =>
      t.database.db
        .selectFrom('application_access_events as e')
        .innerJoin('applications as a', 'a.id', 'e.application_id')
        .select(['e.channel', 'e.outcome', 'e.agent_id', 'e.detail', 'e.network_zone'])
        .where('a.slug', '=', slug)
        .orderBy('e.id')
        .execute();

    test('an agent sees only the applications their department, job profile and role open, by category', async () => {
      const dasco = await catalogue(dascoAgent);
      assert.ok(names(dasco).includes('ecoles'), 'the schools app is in the DASCO agent’s catalogue');
      assert.ok(!names(dasco).includes('action-sociale'));
      assert.ok(!names(dasco).includes('sirh'), 'the HR application is for HR officers');
      assert.deepEqual(
        dasco.categories.map((group) => group.category),
        ['messaging', 'collaboration', 'business', 'assistance'],
      );
      const ecoles = dasco.categories.find((group) => group.category === 'business')!.applications[0]!;
      assert.deepEqual({ slug: ecoles.slug, featured: ecoles.featured, stepUp: ecoles.stepUp, openUrl: ecoles.openUrl }, { slug: 'ecoles', featured: true, stepUp: false, openUrl: '/api/applications/ecoles/open' });

      const casvp = await catalogue(casvpAgent);
      assert.ok(names(casvp).includes('action-sociale'));
      assert.ok(!names(casvp).includes('ecoles'), 'the schools app is not in the CASVP agent’s catalogue');

      // Reserved to a job profile nobody here has.
      const asem = await t.database.db.insertInto('job_profiles').values({ code: 'asem-test', name: 'ASEM' }).returning('id').executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('applications')
        .values({ slug: 'cantine', name: 'Cantine', category: 'business', kind: 'link', launch_url: 'https://cantine.paris.example/', allowed_job_profile_ids: [asem.id], created_at: t.clock.now(), updated_at: t.clock.now() })
        .execute();
      assert.ok(!names(await catalogue(dascoAgent)).includes('cantine'));

      const hr = await catalogue(await signedIn(t, org.dascoHr));
      const sirh = hr.categories.flatMap((group) => group.applications).find((app) => app.slug === 'sirh');
      assert.equal(sirh?.stepUp, true, 'the HR application asks for a second factor, even inside');
    });

    test('an app the rule denies cannot be opened through the portal, and the attempt is logged as denied', async () => {
      const denied = await casvpAgent.get('/api/applications/ecoles/open');
      assert.equal(denied.statusCode, 403);
      assert.match(denied.json().detail, /réservée à d’autres directions/);
      const browser = await casvpAgent.request('GET', '/api/applications/ecoles/open', undefined, page);
      assert.equal(browser.statusCode, 302);
      assert.equal(browser.headers.location, '/applications?indisponible=ecoles');

      const allowed = await dascoAgent.get('/api/applications/ecoles/open');
      assert.equal(allowed.statusCode, 302);
      assert.equal(allowed.headers.location, 'https://ecoles.paris.example/');

      const logged = await events('ecoles');
      assert.deepEqual(
        logged.map((e) => [e.channel, e.outcome, e.network_zone]),
        [
          ['catalogue', 'denied', 'internal'],
          ['catalogue', 'denied', 'internal'],
          ['catalogue', 'allowed', 'internal'],
        ],
      );
      assert.equal(logged[0]!.detail, 'réservée à d’autres directions');

      assert.equal((await dascoAgent.get('/api/applications/inconnue/open')).statusCode, 404);
      assert.equal((await dascoAgent.get('/api/applications/..%2Fadmin/open')).statusCode, 400);
    });

    test('an app asking for a second factor sends the agent to the step-up page, then opens once it is proved', async () => {
      const hrAgent = await createAgent(t.database.db, { department: 'DASCO', role: 'hr_officer' });
      const hr = await signedIn(t, hrAgent);
      const first = await hr.get('/api/applications/sirh/open');
      assert.equal(first.statusCode, 302);
      assert.equal(first.headers.location, '/connexion/verification-renforcee?retour=%2Fapi%2Fapplications%2Fsirh%2Fopen');

      await t.database.db.updateTable('sessions').set({ amr: ['pwd', 'otp'] }).where('agent_id', '=', hrAgent.agentId).execute();
      const second = await hr.get('/api/applications/sirh/open');
      assert.equal(second.headers.location, 'https://sirh.paris.example/');
      const logged = (await events('sirh')).filter((e) => e.agent_id === hrAgent.agentId);
      assert.deepEqual(logged.map((e) => e.outcome), ['step_up', 'allowed']);
    });

    test('a browser without a session is sent to sign in first, then back to the app; the API answers 401', async () => {
      const anonymous = await createAgent(t.database.db, { department: 'DASCO' });
      const client = await signedIn(t, anonymous);
      client.forget(SESSION_COOKIE);
      const browser = await client.request('GET', '/api/applications/ecoles/open', undefined, page);
      assert.equal(browser.statusCode, 302);
      assert.equal(browser.headers.location, '/connexion?retour=%2Fapi%2Fapplications%2Fecoles%2Fopen');
      assert.equal((await client.get('/api/applications/ecoles/open')).statusCode, 401);
      assert.equal((await client.get('/api/me/applications')).statusCode, 401);
    });

    test('favourites: pinned in order, reordered by sending the whole list (twice the same), unpinned; never another department’s app', async () => {
      const agent = await signedIn(t, await createAgent(t.database.db, { department: 'DASCO' }));
      assert.equal((await agent.request('PUT', '/api/me/applications/favourites/ecoles')).statusCode, 204);
      assert.equal((await agent.request('PUT', '/api/me/applications/favourites/messagerie')).statusCode, 204);
      assert.equal((await agent.request('PUT', '/api/me/applications/favourites/ecoles')).statusCode, 204, 'pinning again changes nothing');
      let mine = await catalogue(agent);
      assert.deepEqual(mine.favourites.map((app) => app.slug), ['ecoles', 'messagerie']);
      assert.ok(mine.categories.flatMap((g) => g.applications).find((app) => app.slug === 'messagerie')?.favourite);

      for (let i = 0; i < 2; i += 1) {
        assert.equal((await agent.request('PUT', '/api/me/applications/favourites', { slugs: ['messagerie', 'ecoles'] })).statusCode, 204);
        assert.deepEqual((await catalogue(agent)).favourites.map((app) => app.slug), ['messagerie', 'ecoles']);
      }

      assert.equal((await agent.request('DELETE', '/api/me/applications/favourites/messagerie')).statusCode, 204);
      assert.equal((await agent.request('DELETE', '/api/me/applications/favourites/messagerie')).statusCode, 204);
      assert.deepEqual((await catalogue(agent)).favourites.map((app) => app.slug), ['ecoles']);

      assert.equal((await agent.request('PUT', '/api/me/applications/favourites/action-sociale')).statusCode, 404);
      const foreign = await agent.request('PUT', '/api/me/applications/favourites', { slugs: ['ecoles', 'action-sociale'] });
      assert.equal(foreign.statusCode, 400);
      assert.deepEqual(foreign.json().errors, [{ field: 'slugs.1', message: '« action-sociale » ne fait pas partie de votre catalogue' }]);
      const twice = await agent.request('PUT', '/api/me/applications/favourites', { slugs: ['ecoles', 'ecoles'] });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.json().errors[0].message, /deux fois/);
      assert.deepEqual((await catalogue(agent)).favourites.map((app) => app.slug), ['ecoles'], 'a refused order changes nothing');
    });

    test('at most 24 favourites', async () => {
      const now = t.clock.now();
      await t.database.db
        .insertInto('applications')
        .values(Array.from({ length: 25 }, (_, i) => ({ slug: `outil-${i}`, name: `Outil ${i}`, category: 'business', kind: 'link', launch_url: `https://outil-${i}.paris.example/`, created_at: now, updated_at: now })))
        .execute();
      const agent = await signedIn(t, await createAgent(t.database.db, { department: 'CASVP' }));
      const slugs = Array.from({ length: 25 }, (_, i) => `outil-${i}`);
      const tooMany = await agent.request('PUT', '/api/me/applications/favourites', { slugs });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().errors[0].message, 'au plus 24 favoris');
      assert.equal((await agent.request('PUT', '/api/me/applications/favourites', { slugs: slugs.slice(0, 24) })).statusCode, 204);
      const oneMore = await agent.request('PUT', '/api/me/applications/favourites/outil-24');
      assert.equal(oneMore.statusCode, 422);
      assert.match(oneMore.json().detail, /déjà 24 favoris/);
      assert.equal((await catalogue(agent)).favourites.length, 24);
    });

    test('the search ignores accents and case, in the name and the description', async () => {
      assert.deepEqual(names(await catalogue(dascoAgent, 'ECOLES')), ['ecoles']);
      assert.deepEqual(names(await catalogue(dascoAgent, 'reservation')), ['agenda', 'reservation-salles'], 'the agenda’s description speaks of it too');
      assert.deepEqual(names(await catalogue(dascoAgent, 'Réservation ancienne')), ['reservation-salles']);
      assert.deepEqual(names(await catalogue(dascoAgent, 'boîte électronique')), ['messagerie']);
      const none = await catalogue(dascoAgent, 'crèches');
      assert.equal(none.total, 0, 'the nurseries app is not the DASCO agent’s');
      assert.equal((await dascoAgent.get(`/api/me/applications?q=${'x'.repeat(101)}`)).statusCode, 400);
    });

    test('only an administrator manages applications; every field error is said in French, on its field', async () => {
      for (const [method, url] of [
        ['GET', '/api/admin/applications'],
        ['GET', '/api/admin/applications/choices'],
        ['POST', '/api/admin/applications'],
        ['PUT', '/api/admin/applications/ecoles'],
      ] as const) {
        const res = await dascoAgent.request(method, url, method === 'GET' ? undefined : {});
        assert.equal(res.statusCode, 403, `${method} ${url}`);
      }

      const choices = (await administrator.get('/api/admin/applications/choices')).json();
      const casvp = choices.departments.find((d: { code: string }) => d.code === 'CASVP');
      const bad = await administrator.post('/api/admin/applications', {
        slug: 'Mauvais Nom',
        name: 'X',
        category: 'loisirs',
        launchUrl: 'http://portail.paris.example/',
        insideAccess: 'password',
        outsideAccess: 'second_factor',
      });
      assert.equal(bad.statusCode, 400);
      const fields = Object.fromEntries(bad.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
      assert.match(fields['body.slug'], /lettres minuscules/);
      assert.match(fields['body.name'], /au moins 2 caractères/);
      assert.match(fields['body.category'], /catégorie inconnue/);

      const rules = await administrator.post('/api/admin/applications', {
        slug: 'messagerie',
        name: 'Portail des marchés',
        category: 'business',
        launchUrl: 'http://marches.paris.example/',
        allowedDepartmentIds: ['00000000-0000-4000-8000-000000000000'],
        insideAccess: 'deny',
        outsideAccess: 'deny',
      });
      assert.equal(rules.statusCode, 400);
      assert.deepEqual(
        rules.json().errors.map((e: { field: string }) => e.field),
        ['slug', 'launchUrl', 'outsideAccess', 'allowedDepartmentIds'],
      );
      assert.match(rules.json().errors[1].message, /https:\/\//);

      const created = await administrator.post('/api/admin/applications', {
        slug: 'marches-publics',
        name: 'Marchés publics',
        description: 'Suivi des consultations et des contrats.',
        category: 'business',
        launchUrl: 'https://marches.paris.example/',
        allowedDepartmentIds: [casvp.id],
        insideAccess: 'password',
        outsideAccess: 'second_factor',
        featuredDepartmentId: casvp.id,
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().kind, 'link');
      const thomasSees = (await catalogue(casvpAgent)).categories.flatMap((g) => g.applications).find((app) => app.slug === 'marches-publics');
      assert.equal(thomasSees?.featured, true);
      assert.ok(!names(await catalogue(dascoAgent)).includes('marches-publics'));

      const { slug: _slug, id: _id, kind: _kind, updatedAt: _at, ...fields2 } = created.json();
      const disabled = await administrator.request('PUT', '/api/admin/applications/marches-publics', { ...fields2, enabled: false });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.ok(!names(await catalogue(casvpAgent)).includes('marches-publics'), 'a disabled app leaves every catalogue');
      assert.equal((await casvpAgent.get('/api/applications/marches-publics/open')).statusCode, 403);

      const gateway = await administrator.request('PUT', '/api/admin/applications/astreintes-voirie', { ...fields2, launchUrl: 'https://ailleurs.example/' });
      assert.equal(gateway.statusCode, 404, 'no DVD in this city: the demo app was skipped');
      // A gateway app's address follows from its publication on the gateway's page: kept as it is here.
      const room = (await administrator.get('/api/admin/applications')).json().items.find((a: { slug: string }) => a.slug === 'reservation-salles');
      const { slug: _s, id: _i, kind: _k, updatedAt: _u, ...roomFields } = room;
      const moved = await administrator.request('PUT', '/api/admin/applications/reservation-salles', { ...roomFields, launchUrl: 'https://salles.paris.example/', description: 'Les salles de réunion des sites.' });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual([moved.json().launchUrl, moved.json().description], ['/apps/reservation-salles/', 'Les salles de réunion des sites.']);

      // An SSO app starts here, then gets its client on the single sign-on page; a gateway app never starts here.
      const sso = { ...fields2, slug: 'parapheur', name: 'Parapheur électronique', launchUrl: 'https://parapheur.paris.example/', enabled: true };
      const oidc = await administrator.post('/api/admin/applications', { ...sso, kind: 'oidc' });
      assert.equal(oidc.statusCode, 201, oidc.body);
      assert.equal(oidc.json().kind, 'oidc');
      const gatewayHere = await administrator.post('/api/admin/applications', { ...sso, slug: 'autre', kind: 'gateway' });
      assert.equal(gatewayHere.statusCode, 400);
      assert.equal(gatewayHere.json().errors[0].field, 'body.kind');

      const trail = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'changes'])
        .where('target_type', '=', 'application')
        .orderBy('id')
        .execute();
      assert.deepEqual(trail.map((e) => e.action), ['application.create', 'application.disable', 'application.update', 'application.create']);
      assert.deepEqual((trail[1]!.changes as Record<string, unknown>).enabled, { from: true, to: false });
    });
  });
}
