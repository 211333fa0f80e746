import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { totpCodeAt } from '../identity/totp.ts';
import { verifyIdentityHeaders } from './identity-headers.ts';
import { closedPort, startTestUpstream, type TestUpstream } from './test-upstream.ts';

reportSkippedPostgres();

const INSIDE = '10.1.2.3';
const asPage = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document' };
const APP_HOST = 'planning.paris.example';
// The dedicated host name is recognised by Fastify's rewriteUrl, which only app.ts can install.

for (const kind of testDatabaseKinds()) {
  describe(`identity-aware gateway (${kind})`, () => {
    let t: TestApp;
    let upstream: TestUpstream;
    let portalPort: number;
    let admin: TestClient;
    let lea: TestClient;
    let thomas: TestClient;
    let leaAgent: Awaited<ReturnType<typeof createAgent>>;
    const secrets: Record<string, string> = {};
    const db = () => t.database.db;

    async function signIn(agent: { badgeNumber: string }): Promise<TestClient> {
      const client = testClient(t.app, { ip: INSIDE });
      const res = await client.post('/api/auth/login', { identifier: agent.badgeNumber, password: KNOWN_PASSWORD });
      assert.equal(res.json().next, 'done', res.body);
      return client;
    }

    async function publish(body: Record<string, unknown>) {
      const res = await admin.post('/api/admin/gateway-routes', body);
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      secrets[created.route.slug] = created.signingSecret;
      return created.route as { id: string; slug: string };
    }

    // A browser's request through the gateway, with this agent's portal session.
    function open(client: TestClient | undefined, url: string, options: { method?: string; headers?: Record<string, string>; payload?: Buffer | string } = {}) {
      const cookie = client ? `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` : undefined;
      return t.app.inject({
        method: (options.method ?? 'GET') as 'GET',
        url,
        remoteAddress: INSIDE,
        headers: { ...(cookie ? { cookie } : {}), ...options.headers },
        ...(options.payload !== undefined ? { payload: options.payload } : {}),
      });
    }

    const seenAt = (path: string) => upstream.seen.filter((r) => r.url.split('?')[0] === path);
    const events = (slug: string, agentId: string) =>
      db()
        .selectFrom('application_access_events as e')
        .innerJoin('applications as a', 'a.id', 'e.application_id')
        .select(['e.channel', 'e.outcome', 'e.detail'])
        .where('a.slug', '=', slug)
        .where('e.agent_id', '=', agentId)
        .orderBy('e.id')
        .execute();

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', IP_THROTTLE_FAILURES: '1000', PUBLIC_URL: 'https://nomades.paris.example' } });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      portalPort = (t.app.server.address() as AddressInfo).port;
      upstream = await startTestUpstream();
      const adminAgent = await createAgent(db(), { department: 'DASCO', role: 'administrator', firstName: 'Paul', lastName: 'Admin' });
      leaAgent = await createAgent(db(), { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' });
      const thomasAgent = await createAgent(db(), { department: 'CASVP', firstName: 'Thomas', lastName: 'Petit' });
      admin = await signIn(adminAgent);
      lea = await signIn(leaAgent);
      thomas = await signIn(thomasAgent);
      const dasco = await db().selectFrom('departments').select('id').where('code', '=', 'DASCO').executeTakeFirstOrThrow();
      await publish({
        slug: 'astreintes',
        name: 'Astreintes',
        upstreamUrl: upstream.url,
        allowedDepartmentIds: [dasco.id],
        insideAccess: 'password',
        outsideAccess: 'second_factor',
        connectTimeoutMs: 500,
        totalTimeoutMs: 1000,
        maxRequestBytes: 1024,
        maxResponseBytes: 16 * 1024,
        websocket: true,
      });
      await publish({ slug: 'paie', name: 'Paie', upstreamUrl: upstream.url, insideAccess: 'second_factor', outsideAccess: 'second_factor' });
      await publish({ slug: 'hors-service', name: 'Ancien intranet', upstreamUrl: `http://127.0.0.1:${await closedPort()}/` });
      await publish({ slug: 'planning', name: 'Planning', upstreamUrl: upstream.url, host: APP_HOST });
    });
    after(async () => {
      await t.close();
      await upstream.close();
    });

    test('an allowed agent reaches the app with signed identity headers, and none of the ones the browser made up', async () => {
      const res = await open(lea, '/apps/astreintes/headers?semaine=48', {
        headers: {
          cookie: `${SESSION_COOKIE}=${lea.cookie(SESSION_COOKIE)}; app_pref=1`,
          'x-nomades-agent': 'quelqu-un-d-autre',
          'x-nomades-roles': 'administrator',
          'x-forwarded-user': 'admin',
          'x-remote-user': 'admin',
          x_nomades_badge: '0000000',
          authorization: 'Basic YWRtaW46YWRtaW4=',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const received = res.json();
      assert.equal(received['x-nomades-agent'], leaAgent.agentId);
      assert.equal(received['x-nomades-badge'], leaAgent.badgeNumber);
      assert.equal(received['x-nomades-email'], leaAgent.email);
      assert.equal(decodeURIComponent(received['x-nomades-name']), 'Léa Moreau');
      assert.equal(received['x-nomades-department'], 'DASCO');
      assert.equal(received['x-nomades-roles'], '');
      assert.equal(received['x-nomades-amr'], 'pwd');
      assert.ok(verifyIdentityHeaders({ slug: 'astreintes', signingSecret: secrets.astreintes ?? '' }, received, t.clock.now()));
      assert.equal(verifyIdentityHeaders({ slug: 'paie', signingSecret: secrets.astreintes ?? '' }, received, t.clock.now()), false);
      for (const spoofed of ['x-forwarded-user', 'x-remote-user', 'x_nomades_badge', 'authorization']) assert.equal(received[spoofed], undefined, spoofed);
      assert.equal(received.cookie, 'app_pref=1', 'the portal session cookie never reaches the app');
      assert.equal(received['x-forwarded-prefix'], '/apps/astreintes');
      assert.equal(received.host, `127.0.0.1:${upstream.port}`);
      assert.equal(seenAt('/headers').at(-1)?.url, '/headers?semaine=48');
      const cookies = [res.headers['set-cookie']].flat().join('\n');
      assert.match(cookies, /app_pref=1/);
      assert.doesNotMatch(cookies, /nomades-session/, 'the app cannot plant the portal’s cookie');
    });

    test('a page opened is logged for its application, its images and scripts are only counted', async () => {
      const before = (await events('astreintes', leaAgent.agentId)).length;
      const pageRes = await open(lea, '/apps/astreintes/', { headers: asPage });
      assert.equal(pageRes.statusCode, 200);
      assert.match(pageRes.body, /<h1>Astreintes<\/h1>/);
      assert.equal(pageRes.headers['content-security-policy'], undefined, 'the app’s pages follow the app’s own policy');
      await open(lea, '/apps/astreintes/style.css', { headers: { accept: 'text/css', 'sec-fetch-dest': 'style' } });
      const logged = await events('astreintes', leaAgent.agentId);
      assert.equal(logged.length, before + 1);
      assert.deepEqual({ ...logged.at(-1) }, { channel: 'gateway', outcome: 'allowed', detail: null });
      const metrics = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      assert.match(metrics.body, /nomades_gateway_requests_total\{application="astreintes",channel="gateway",outcome="allowed"\} \d+/);
    });

    test('an agent of another department gets a French page saying why, and the app is never reached', async () => {
      const reached = upstream.seen.length;
      const res = await open(thomas, '/apps/astreintes/', { headers: asPage });
      assert.equal(res.statusCode, 403);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /<html lang="fr">/);
      assert.match(res.body, /Vous ne pouvez pas ouvrir « Astreintes » : réservée à d’autres directions\./);
      const script = await open(thomas, '/apps/astreintes/api/liste');
      assert.equal(script.statusCode, 403);
      assert.equal(script.json().code, 'forbidden');
      assert.equal(upstream.seen.length, reached);
    });

    test('a visitor not signed in is sent to sign in and back; a script gets a 401', async () => {
      const res = await open(undefined, '/apps/astreintes/planning?jour=lundi', { headers: asPage });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/connexion?retour=%2Fapps%2Fastreintes%2Fplanning%3Fjour%3Dlundi');
      const script = await open(undefined, '/apps/astreintes/api/liste');
      assert.equal(script.statusCode, 401);
      assert.match(String(script.headers['content-type']), /problem\+json/);
      assert.equal((await open(lea, '/apps/astreintes')).headers.location, '/apps/astreintes/');
      assert.equal((await open(lea, '/apps/inconnue/', { headers: asPage })).statusCode, 404);
    });

    test('an app asking for a second factor sends the agent to step up, then opens', async () => {
      const agent = await createAgent(db(), { department: 'DASCO' });
      const client = await signIn(agent);
      const started = await client.post('/api/me/second-factors/totp', {});
      const secret = String(started.json().secret).replace(/\s/g, '');
      const confirmed = await client.post(`/api/me/second-factors/totp/${started.json().factorId}/confirm`, { code: totpCodeAt(secret, t.clock.now()) });
      assert.equal(confirmed.statusCode, 200, confirmed.body);

      const res = await open(client, '/apps/paie/bulletins', { headers: asPage });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/connexion/verification-renforcee?retour=%2Fapps%2Fpaie%2Fbulletins');
      assert.deepEqual((await client.get('/api/auth/step-up')).json(), { done: false, methods: ['totp', 'recovery_code'] });

      t.clock.advance(30_000);
      assert.equal((await client.post('/api/auth/step-up', { method: 'totp', code: '000000' })).statusCode, 401);
      const raised = await client.post('/api/auth/step-up', { method: 'totp', code: totpCodeAt(secret, t.clock.now()) });
      assert.equal(raised.statusCode, 204, raised.body);
      assert.equal((await client.get('/api/auth/step-up')).json().done, true);

      const opened = await open(client, '/apps/paie/headers');
      assert.equal(opened.statusCode, 200);
      assert.equal(opened.json()['x-nomades-amr'], 'pwd,otp');
      assert.deepEqual((await events('paie', agent.agentId)).map((e) => e.outcome), ['step_up']);
    });

    test('an app that is down gives a clear page, and the failure is logged', async () => {
      const res = await open(lea, '/apps/hors-service/', { headers: asPage });
      assert.equal(res.statusCode, 502);
      assert.match(res.body, /« Ancien intranet » ne répond pas/);
      const logged = await events('hors-service', leaAgent.agentId);
      assert.equal(logged.at(-1)?.outcome, 'upstream_error');
    });

    test('an app that hangs gets a 504 once its time is up', async () => {
      const started = performance.now();
      const res = await open(lea, '/apps/astreintes/hang', { headers: asPage });
      const elapsed = performance.now() - started;
      assert.equal(res.statusCode, 504);
      assert.match(res.body, /n’a pas répondu dans les 1 secondes prévues/);
      assert.ok(elapsed >= 900 && elapsed < 3000, `answered after ${elapsed} ms`);
    });

    test('bodies pass through untouched within the limit; beyond it, 413 and the app never sees them', async () => {
      const json = JSON.stringify({ texte: 'x'.repeat(80) });
      const small = await open(lea, '/apps/astreintes/upload', { method: 'POST', headers: { 'content-type': 'application/json' }, payload: json });
      assert.equal(small.statusCode, 200, small.body);
      assert.equal(small.json().bodyBytes, json.length);
      const declared = await open(lea, '/apps/astreintes/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(2048) });
      assert.equal(declared.statusCode, 413);
      assert.equal(declared.json().code, 'payload_too_large');
      assert.equal(seenAt('/upload').length, 1);

      // Sent in chunks without a declared length: counted on the way.
      const chunks = [Buffer.alloc(600), Buffer.alloc(600)];
      const streamed = await fetch(`http://127.0.0.1:${portalPort}/apps/astreintes/upload`, {
        method: 'POST',
        headers: { cookie: `${SESSION_COOKIE}=${lea.cookie(SESSION_COOKIE)}`, 'content-type': 'application/octet-stream' },
        body: new ReadableStream({
          pull(controller) {
            const next = chunks.shift();
            if (next) controller.enqueue(next);
            else controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      assert.ok(seenAt('/upload').every((r) => r.bodyBytes <= 1024));
    });

    test('a response larger than the limit is refused with a clear page', async () => {
      const res = await open(lea, '/apps/astreintes/big', { headers: asPage });
      assert.equal(res.statusCode, 502);
      assert.match(res.body, /Réponse trop volumineuse/);
    });

    test('a redirect to another host is passed to the browser, never followed; one to the app itself is rewritten', async () => {
      let elsewhereHits = 0;
      const elsewhere = http.createServer((_req, res) => {
        elsewhereHits += 1;
        res.end('ailleurs');
      });
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/ailleurs`;
      try {
        const away = await open(lea, `/apps/astreintes/redirect-away?to=${encodeURIComponent(target)}`);
        assert.equal(away.statusCode, 302);
        assert.equal(away.headers.location, target);
        assert.equal(elsewhereHits, 0);
        const self = await open(lea, '/apps/astreintes/redirect-self');
        assert.equal(self.headers.location, '/apps/astreintes/suite?x=1');
      } finally {
        await new Promise((resolve) => elsewhere.close(resolve));
      }
    });

    test('a WebSocket opens through the gateway and echoes, with the agent’s identity; refused without a session', async () => {
      const url = `ws://127.0.0.1:${portalPort}/apps/astreintes/direct`;
      const socket = new WebSocket(url, { headers: { cookie: `${SESSION_COOKIE}=${lea.cookie(SESSION_COOKIE)}` } } as unknown as string[]);
      const echoed = await new Promise<string>((resolve, reject) => {
        socket.onopen = () => socket.send('bonjour');
        socket.onmessage = (event) => resolve(String(event.data));
        socket.onerror = () => reject(new Error('the WebSocket did not open'));
      });
      socket.close();
      assert.equal(echoed, `${leaAgent.badgeNumber} : bonjour`);
      assert.equal(upstream.seen.find((r) => r.method === 'UPGRADE')?.headers['x-nomades-agent'], leaAgent.agentId);

      for (const cookie of [undefined, `${SESSION_COOKIE}=${thomas.cookie(SESSION_COOKIE)}`]) {
        const refused = new WebSocket(url, { headers: cookie ? { cookie } : {} } as unknown as string[]);
        const opened = await new Promise<boolean>((resolve) => {
          refused.onopen = () => resolve(true);
          refused.onerror = () => resolve(false);
        });
        assert.equal(opened, false);
      }
    });

    test('forward-auth answers nginx and Traefik: 200 with the identity, 401 with where to sign in, 403 with why', async () => {
      const ask = (client: TestClient | undefined, query: string, headers: Record<string, string> = {}) =>
        open(client, `/api/gateway/forward-auth${query}`, { headers: { 'x-forwarded-uri': '/planning?jour=lundi', ...asPage, ...headers } });
      const allowed = await ask(lea, '?app=astreintes');
      assert.equal(allowed.statusCode, 200, allowed.body);
      assert.equal(allowed.headers['x-nomades-badge'], leaAgent.badgeNumber);
      assert.ok(verifyIdentityHeaders({ slug: 'astreintes', signingSecret: secrets.astreintes ?? '' }, allowed.headers as Record<string, string>, t.clock.now()));

      const anonymous = await ask(undefined, '?app=astreintes');
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers.location, `${t.config.publicUrl}/connexion?retour=%2Fplanning%3Fjour%3Dlundi`);
      const throughTraefik = await ask(undefined, '?app=astreintes', { 'x-forwarded-method': 'GET' });
      assert.equal(throughTraefik.statusCode, 302, 'Traefik relays the answer: a page is redirected');
      assert.equal(throughTraefik.headers.location, anonymous.headers.location);
      const denied = await ask(thomas, '?app=astreintes');
      assert.equal(denied.statusCode, 403);
      assert.match(denied.json().detail, /réservée à d’autres directions/);

      const byHost = await ask(undefined, '', { 'x-forwarded-host': APP_HOST });
      assert.equal(byHost.statusCode, 401);
      assert.equal(byHost.headers.location, `${t.config.publicUrl}/api/gateway/handoff?app=planning&retour=%2Fplanning%3Fjour%3Dlundi`);
      assert.equal((await ask(lea, '?app=inconnue')).statusCode, 404);
      assert.deepEqual(
        (await events('astreintes', leaAgent.agentId)).filter((e) => e.channel === 'forward_auth').map((e) => e.outcome),
        ['allowed'],
      );
    });

    test('an app on its own host name gets the portal’s session through a one-time code', async () => {
      const handoff = await open(lea, '/api/gateway/handoff?app=planning&retour=%2Fsemaine');
      assert.equal(handoff.statusCode, 303, handoff.body);
      const location = new URL(String(handoff.headers.location));
      assert.equal(location.host, APP_HOST);
      assert.equal(location.pathname, '/.nomades/callback');
      const callback = `${location.pathname}${location.search}`;

      assert.equal((await open(undefined, callback, { headers: { host: 'autre.paris.example' } })).statusCode, 400);
      const traded = await open(undefined, callback, { headers: { host: APP_HOST } });
      assert.equal(traded.statusCode, 303, traded.body);
      assert.equal(traded.headers.location, '/semaine');
      const appCookie = (traded.cookies as Array<{ name: string; value: string; httpOnly?: boolean; secure?: boolean }>).find((c) => c.name === '__Host-nomades-app');
      assert.ok(appCookie?.httpOnly && appCookie.secure);
      assert.equal((await open(undefined, callback, { headers: { host: APP_HOST } })).statusCode, 400, 'a code serves once');

      const cookie = `__Host-nomades-app=${appCookie.value}`;
      const asked = await open(undefined, '/api/gateway/forward-auth', { headers: { cookie, 'x-forwarded-host': APP_HOST, 'x-forwarded-uri': '/semaine' } });
      assert.equal(asked.statusCode, 200);
      assert.equal(asked.headers['x-nomades-agent'], leaAgent.agentId);
    });

    test('on its own host name the app is served at the root, behind the same checks', async () => {
      const anonymous = await open(undefined, '/semaine', { headers: { host: APP_HOST, ...asPage } });
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `${t.config.publicUrl}/api/gateway/handoff?app=planning&retour=%2Fsemaine`);
      const handoff = new URL(String((await open(lea, '/api/gateway/handoff?app=planning&retour=%2Fsemaine')).headers.location));
      const traded = await open(undefined, `${handoff.pathname}${handoff.search}`, { headers: { host: APP_HOST } });
      const appCookie = (traded.cookies as Array<{ name: string; value: string }>).find((c) => c.name === '__Host-nomades-app');
      const res = await open(undefined, '/headers', { headers: { host: APP_HOST, cookie: `__Host-nomades-app=${appCookie?.value}` } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json()['x-nomades-agent'], leaAgent.agentId);
      assert.equal(res.json()['x-forwarded-prefix'], undefined);
      assert.equal(res.json()['x-forwarded-host'], APP_HOST);
    });

    test('a second portal instance on the same database honours the session and sees newly published apps', async () => {
      const other = await createTestApp(kind, { database: t.database });
      try {
        await publish({ slug: 'annuaire-interne', name: 'Annuaire interne', upstreamUrl: upstream.url });
        const cookie = `${SESSION_COOKIE}=${lea.cookie(SESSION_COOKIE)}`;
        const res = await other.app.inject({ url: '/apps/annuaire-interne/headers', remoteAddress: INSIDE, headers: { cookie } });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json()['x-nomades-agent'], leaAgent.agentId);
      } finally {
        await other.close();
      }
    });

    test('administrators publish, change, disable and re-key an app; others may not', async () => {
      assert.equal((await lea.get('/api/admin/gateway-routes')).statusCode, 403);
      const invalid = await admin.post('/api/admin/gateway-routes', { slug: 'astreintes', name: 'Xy', upstreamUrl: 'ftp://10.0.0.1/' });
      assert.equal(invalid.statusCode, 400);
      assert.deepEqual(invalid.json().errors.map((e: { field: string }) => e.field).sort(), ['body.upstreamUrl']);
      const taken = await admin.post('/api/admin/gateway-routes', { slug: 'astreintes', name: 'Xy', upstreamUrl: upstream.url, host: 'nomades.paris.example' });
      assert.deepEqual(taken.json().errors.map((e: { field: string }) => e.field).sort(), ['host', 'slug']);

      const route = await publish({ slug: 'conges-anciens', name: 'Congés (ancien)', upstreamUrl: `${upstream.url}ancien/` });
      assert.equal((await open(lea, '/apps/conges-anciens/liste')).statusCode, 200);
      assert.equal(seenAt('/ancien/liste').length, 1, 'the path lands under the upstream’s own path');
      assert.equal((await open(lea, '/apps/conges-anciens/../../headers')).statusCode, 404, 'no way out of the upstream’s path');

      const listed = (await admin.get('/api/admin/gateway-routes')).json().items.find((r: { id: string }) => r.id === route.id);
      const moved = await admin.request('PUT', `/api/admin/gateway-routes/${route.id}`, { ...listed, id: undefined, slug: undefined, publicPath: undefined, enabled: undefined, updatedAt: undefined, upstreamUrl: upstream.url });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal((await open(lea, '/apps/conges-anciens/liste')).statusCode, 200);
      assert.equal(seenAt('/liste').length, 1);

      const disabled = await admin.request('PUT', `/api/admin/gateway-routes/${route.id}/status`, { enabled: false });
      assert.equal(disabled.json().enabled, false);
      const closed = await open(lea, '/apps/conges-anciens/', { headers: asPage });
      assert.equal(closed.statusCode, 403);
      assert.match(closed.body, /application désactivée/);
      await admin.request('PUT', `/api/admin/gateway-routes/${route.id}/status`, { enabled: true });

      const oldSecret = secrets['conges-anciens'] ?? '';
      const renewed = await admin.post(`/api/admin/gateway-routes/${route.id}/signing-secret`);
      assert.equal(renewed.statusCode, 200);
      const received = (await open(lea, '/apps/conges-anciens/headers')).json();
      assert.equal(verifyIdentityHeaders({ slug: 'conges-anciens', signingSecret: oldSecret }, received, t.clock.now()), false);
      assert.ok(verifyIdentityHeaders({ slug: 'conges-anciens', signingSecret: renewed.json().signingSecret }, received, t.clock.now()));

      const trail = await db().selectFrom('audit_events').select('action').where('target_id', '=', route.id).orderBy('id').execute();
      assert.deepEqual(trail.map((e) => e.action), ['gateway_route.create', 'gateway_route.update', 'gateway_route.disable', 'gateway_route.enable', 'gateway_route.renew_secret']);
    });
  });
}
