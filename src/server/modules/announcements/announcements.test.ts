import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { signedIn } from '../accounts/test-support.ts';
import type { Announcement, AnnouncementFields, ServiceStatusPage } from './announcements.schema.ts';
import { checkServiceHealth } from './service-status.job.ts';

reportSkippedPostgres();

const HOUR = 3_600_000;
const titles = (items: Announcement[]) => items.map((item) => item.title).sort();

for (const kind of testDatabaseKinds()) {
  describe(`announcements and service status (${kind})`, () => {
    let t: TestApp;
    let support: TestClient;
    let dascoAgent: TestClient;
    let casvpAgent: TestClient;
    let anonymous: TestClient;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      const db = t.database.db;
      support = await signedIn(t, await createAgent(db, { department: 'DSIN', role: 'it_support', firstName: 'Julie', lastName: 'Roux' }));
      dascoAgent = await signedIn(t, await createAgent(db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' }));
      casvpAgent = await signedIn(t, await createAgent(db, { department: 'CASVP', firstName: 'Thomas', lastName: 'Petit' }));
      anonymous = testClient(t.app);
    });
    after(async () => t.close());

    const at = (hoursFromNow: number) => new Date(t.clock.now().getTime() + hoursFromNow * HOUR).toISOString();
    const publish = async (fields: Partial<AnnouncementFields> & { title: string }): Promise<Announcement> => {
      const res = await support.post('/api/support/announcements', { kind: 'information', startsAt: at(-1), ...fields });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const seen = async (client: TestClient, url = '/api/me/announcements'): Promise<Announcement[]> => {
      const res = await client.get(url);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    };

    test('the sign-in page shows only what is for everyone; a signed-in agent also sees their department’s', async () => {
      const everyone = await publish({ kind: 'maintenance', title: 'Maintenance du portail samedi', endsAt: at(48) });
      await publish({ kind: 'incident', title: 'Messagerie lente à la DASCO', departmentCodes: ['dasco'] });
      await publish({ title: 'Nouveau guide CASVP', departmentCodes: ['CASVP'] });

      assert.deepEqual(titles(await seen(anonymous, '/api/announcements')), ['Maintenance du portail samedi']);
      assert.deepEqual(titles(await seen(dascoAgent)), ['Maintenance du portail samedi', 'Messagerie lente à la DASCO']);
      assert.deepEqual(titles(await seen(casvpAgent)), ['Maintenance du portail samedi', 'Nouveau guide CASVP']);
      assert.equal((await seen(dascoAgent))[0]!.kind, 'incident', 'the incident leads');
      assert.equal(everyone.dismissible, false);

      assert.equal((await anonymous.get('/api/me/announcements')).statusCode, 401);
      const unknown = await support.post('/api/support/announcements', { kind: 'information', title: 'x', startsAt: at(0), departmentCodes: ['NOPE'] });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'departmentCodes');
    });

    test('an announcement shows from its start to its end, and support can end it early', async () => {
      // Minutes rather than hours: the signed-in sessions must not go idle meanwhile.
      await publish({ title: 'Coupure réseau demain', startsAt: at(10 / 60), endsAt: at(20 / 60) });
      assert.ok(!titles(await seen(anonymous, '/api/announcements')).includes('Coupure réseau demain'), 'not before its start');
      t.clock.advance(15 * 60_000);
      assert.ok(titles(await seen(anonymous, '/api/announcements')).includes('Coupure réseau demain'));
      assert.equal((await support.get('/api/support/announcements')).statusCode, 200);
      t.clock.advance(10 * 60_000);
      assert.ok(!titles(await seen(anonymous, '/api/announcements')).includes('Coupure réseau demain'), 'not after its end');

      const open = await publish({ title: 'Information sans fin' });
      assert.ok(titles(await seen(dascoAgent)).includes('Information sans fin'));
      const ended = await support.post(`/api/support/announcements/${open.id}/end`);
      assert.equal(ended.statusCode, 200, ended.body);
      assert.ok(!titles(await seen(dascoAgent)).includes('Information sans fin'));
      const listed = (await support.get('/api/support/announcements')).json().items as Array<{ title: string; status: string }>;
      assert.equal(listed.find((item) => item.title === 'Information sans fin')?.status, 'ended');

      const backwards = await support.post('/api/support/announcements', { kind: 'information', title: 'À l’envers', startsAt: at(2), endsAt: at(1) });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().errors[0].field, 'endsAt');
    });

    test('an agent dismisses an information for good, but not a maintenance; others still see it', async () => {
      const news = await publish({ title: 'Nouvel annuaire en ligne' });
      const maintenance = await publish({ kind: 'maintenance', title: 'Maintenance de la paie' });
      assert.equal(news.dismissible, true);

      assert.equal((await dascoAgent.post(`/api/me/announcements/${news.id}/dismissal`)).statusCode, 204);
      assert.equal((await dascoAgent.post(`/api/me/announcements/${news.id}/dismissal`)).statusCode, 204, 'twice is harmless');
      assert.equal((await dascoAgent.post(`/api/me/announcements/${maintenance.id}/dismissal`)).statusCode, 409);
      assert.equal((await dascoAgent.post('/api/me/announcements/00000000-0000-4000-8000-000000000000/dismissal')).statusCode, 404);

      const dasco = titles(await seen(dascoAgent));
      assert.ok(!dasco.includes('Nouvel annuaire en ligne'));
      assert.ok(dasco.includes('Maintenance de la paie'));
      assert.ok(titles(await seen(casvpAgent)).includes('Nouvel annuaire en ligne'));
    });

    test('markup typed in a title or body is kept as text, exactly as typed', async () => {
      const title = '<img src=x onerror=alert(1)> Panne';
      const body = 'Ligne 1 <script>alert("x")</script>\nLigne 2 & fin';
      const created = await publish({ title, body });
      const shown = (await seen(anonymous, '/api/announcements')).find((item) => item.id === created.id);
      assert.equal(shown?.title, title);
      assert.equal(shown?.body, body);
    });

    test('only IT support and administrators publish, and every publication is in the audit trail', async () => {
      const fields = { kind: 'information', title: 'Essai', startsAt: at(0) };
      assert.equal((await dascoAgent.post('/api/support/announcements', fields)).statusCode, 403);
      assert.equal((await dascoAgent.get('/api/support/announcements')).statusCode, 403);
      const securityOfficer = await signedIn(t, await createAgent(t.database.db, { department: 'DSIN', role: 'security_officer' }));
      assert.equal((await securityOfficer.post('/api/support/announcements', fields)).statusCode, 403);
      const administrator = await signedIn(t, await createAgent(t.database.db, { department: 'DSIN', role: 'administrator' }));
      const created = (await administrator.post('/api/support/announcements', fields)).json() as Announcement;

      const revised = await support.request('PUT', `/api/support/announcements/${created.id}`, { ...fields, title: 'Essai corrigé' });
      assert.equal(revised.statusCode, 200, revised.body);
      const trail = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'target_label'])
        .where('target_id', '=', created.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(trail, [
        { action: 'announcement.publish', target_label: 'Essai' },
        { action: 'announcement.update', target_label: 'Essai corrigé' },
      ]);
    });

    test('the status page follows a gateway application going down and keeps the change as a past incident', async () => {
      const db = t.database.db;
      const upstream = http.createServer((_request, response) => response.writeHead(200).end());
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      after(() => upstream.close());
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`;
      const now = t.clock.now();
      const application = await db
        .insertInto('applications')
        .values({ slug: 'astreintes', name: 'Planning des astreintes', category: 'business', kind: 'gateway', launch_url: '/apps/astreintes/', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('gateway_routes')
        .values({
          application_id: application.id,
          upstream_url: url,
          connect_timeout_ms: 500,
          total_timeout_ms: 5000,
          max_request_bytes: 1000,
          max_response_bytes: 1000,
          signing_secret_encrypted: 'unused',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await publish({ kind: 'incident', title: 'Panne du planning', endsAt: at(1) });

      await checkServiceHealth(t.app.ctx, t.clock.now());
      const status = async (): Promise<ServiceStatusPage> => (await anonymous.get('/api/service-status')).json();
      const first = await status();
      assert.deepEqual(
        first.services.map((service) => [service.kind, service.name, service.state]),
        [
          ['portal', null, 'operational'],
          ['database', null, 'operational'],
          ['outbox', null, 'operational'],
          ['application', 'Planning des astreintes', 'operational'],
        ],
      );
      assert.deepEqual(first.stateChanges, []);
      assert.ok(first.incidents.some((incident) => incident.title === 'Panne du planning'));

      await new Promise<void>((resolve) => upstream.close(() => resolve()));
      t.clock.advance(60_000);
      await checkServiceHealth(t.app.ctx, t.clock.now());
      const second = await status();
      const planning = second.services.find((service) => service.kind === 'application')!;
      assert.equal(planning.state, 'unavailable');
      assert.equal(planning.since, t.clock.now().toISOString());
      assert.deepEqual(second.stateChanges, [
        { kind: 'application', name: 'Planning des astreintes', from: 'operational', to: 'unavailable', at: t.clock.now().toISOString() },
      ]);

      await db.updateTable('applications').set({ enabled: false }).where('id', '=', application.id).execute();
      await checkServiceHealth(t.app.ctx, t.clock.now());
      const third = await status();
      assert.ok(!third.services.some((service) => service.kind === 'application'), 'a disabled application leaves the list');
      assert.equal(third.stateChanges.length, 1, 'its past incident stays');
    });
  });
}
