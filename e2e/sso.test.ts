import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, open, type Portal, signIn, startPortal } from './support/portal.ts';

// Set E2E_SCREENSHOTS=/some/dir to keep a picture of the administration page, at 1280 and 360 px.
const screenshots = process.env.E2E_SCREENSHOTS;
const suite = 'single sign-on: the administrators register an app, an agent signs in to it with the portal';

// The relying party: a tiny web app of the test, on another port of localhost, that signs its visitors in
// with the portal (code flow, PKCE) and greets them by the name the portal gives.
async function startRelyingParty(issuer: string) {
  const settings: { clientId?: string; secret?: string; config?: oidc.Configuration } = {};
  const pending = new Map<string, { verifier: string; state: string }>();
  let origin = '';
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      settings.config ??= await oidc.discovery(new URL(issuer), settings.clientId ?? '', settings.secret, oidc.ClientSecretBasic(settings.secret), { execute: [oidc.allowInsecureRequests] });
      if (url.pathname === '/') {
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        pending.set(state, { verifier, state });
        const authorize = oidc.buildAuthorizationUrl(settings.config, {
          redirect_uri: `${origin}/callback`,
          scope: 'openid profile nomades',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
        });
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Appli de test', `<p><a href="${authorize.href.replace(/&/g, '&amp;')}">Se connecter avec le portail</a></p>`));
        return;
      }
      const flow = pending.get(url.searchParams.get('state') ?? '');
      if (url.pathname !== '/callback' || !flow) {
        response.writeHead(404).end();
        return;
      }
      const tokens = await oidc.authorizationCodeGrant(settings.config, url, { pkceCodeVerifier: flow.verifier, expectedState: flow.state });
      const who = await oidc.fetchUserInfo(settings.config, tokens.access_token, tokens.claims()?.sub ?? '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`Bonjour ${who.given_name} ${who.family_name}`, `<p>Matricule ${who.badge_number}, ${who.department}</p>`));
    })().catch((error: Error) => response.writeHead(500).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, settings, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: Browser;
  let relyingParty: Awaited<ReturnType<typeof startRelyingParty>>;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  before(async () => {
    portal = await startPortal();
    const db = portal.server.database.db;
    await seedDemoOrganisation(db, { agents: 174, emailDomain: 'paris.example' });
    const now = portal.server.clock.now();
    await db
      .insertInto('applications')
      .values({ slug: 'messagerie', name: 'Messagerie', category: 'outils', kind: 'oidc', launch_url: 'https://messagerie.paris.example/', created_at: now, updated_at: now })
      .execute();
    relyingParty = await startRelyingParty(`${portal.baseUrl}/oidc`);
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await relyingParty?.close();
    await portal?.server.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    return page;
  }

  // No axe violation (WCAG 2.1 A and AA) at 1280 and at 360 px wide, and no horizontal scrolling on a phone.
  async function checkPage(page: Page, where: string): Promise<void> {
    await assertAccessible(page, where);
    const name = where.replace(/[^a-z0-9]+/gi, '-');
    if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}-large.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${where} scrolls sideways at 360 px (${width} px wide)`);
      await assertAccessible(page, `${where} at 360 px`);
      if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}-phone.png`), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  test('an administrator registers the webmail; an agent opens it and comes back signed in by the portal', async () => {
    const admin = await newPage();
    await open(admin, `${portal.baseUrl}/connexion?retour=${encodeURIComponent('/administration/sso')}`);
    await signIn(admin, '1000006', DEMO_PASSWORD);
    await heading1(admin, /^Connexion unique \(OpenID Connect\)$/);
    await admin.getByText(`${portal.baseUrl}/oidc`, { exact: true }).waitFor();
    await checkPage(admin, 'single sign-on administration');

    await admin.getByLabel('Application', { exact: true }).selectOption({ label: 'Messagerie' });
    await admin.getByLabel('Adresses de retour après connexion').fill(`${relyingParty.origin}/callback`);
    await admin.getByRole('button', { name: 'Enregistrer l’application' }).click();
    const created = admin.getByRole('alert').or(admin.locator('.alert')).filter({ hasText: '« Messagerie » est enregistrée.' });
    await created.waitFor();
    const clientId = (await admin.locator('.one-time-secret', { hasText: 'client_id' }).locator('code').innerText()).trim();
    const secret = (await admin.locator('.one-time-secret', { hasText: 'client_secret' }).locator('code').innerText()).trim();
    assert.equal(clientId, 'messagerie');
    assert.match(secret, /^nomades_oidc_/);
    await admin.getByRole('cell', { name: 'messagerie' }).or(admin.getByText('messagerie', { exact: true })).first().waitFor();
    await checkPage(admin, 'single sign-on administration, after registering');
    relyingParty.settings.clientId = clientId;
    relyingParty.settings.secret = secret;

    const agent = await newPage();
    await agent.goto(`${relyingParty.origin}/`);
    await agent.getByRole('link', { name: 'Se connecter avec le portail' }).click();
    await agent.waitForURL((url) => url.origin === portal.baseUrl && url.pathname === '/connexion');
    await signIn(agent, '1000001', DEMO_PASSWORD);
    await agent.waitForURL((url) => url.origin === relyingParty.origin && url.pathname === '/callback');
    assert.equal(await heading1(agent), 'Bonjour Léa Moreau');
    assert.match(await agent.locator('main').innerText(), /Matricule 1000001, DASCO/);

    assert.deepEqual(problems, []);
  });
});
