import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'session expiry after 30 idle minutes';
const minutes = (count: number) => count * 60_000;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let problems: string[];

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db);
    browser = await launchBrowser();
    problems = [];
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    return { context, page };
  }

  test('an API call after 30 idle minutes leads to the sign-in page, which then returns to the page the agent asked for', async () => {
    const { context, page } = await newPage();
    await open(page, `${portal.baseUrl}/compte/sessions`);
    // Not signed in: the sign-in page remembers where the agent was going.
    await heading1(page, /^Connexion$/);
    assert.equal(location(page), `/connexion?retour=${encodeURIComponent('/compte/sessions')}`);
    await page.getByText('Connectez-vous pour accéder à cette page').waitFor();
    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Sessions ouvertes'), 'Sessions ouvertes');
    assert.equal(location(page), '/compte/sessions');
    await page.getByText('Cet appareil').waitFor();
    await assertAccessible(page, '/compte/sessions');

    portal.server.clock.advance(minutes(31));
    await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Historique de connexion' }).click();

    assert.equal(await heading1(page, /^Connexion$/), 'Connexion');
    assert.equal(location(page), `/connexion?retour=${encodeURIComponent('/compte/historique')}`);
    await page.getByText('Votre session a expiré').waitFor();
    assert.equal(await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).count(), 0);
    await assertAccessible(page, 'the sign-in page after expiry');

    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Historique de connexion'), 'Historique de connexion');
    assert.equal(location(page), '/compte/historique');
    const expired = page.getByRole('row').filter({ hasText: 'Session expirée' });
    await expired.waitFor();
    assert.match(await expired.innerText(), /inactivité/);
    await context.close();
  });

  test('two minutes before the idle limit, an alert dialog offers to stay signed in, then signs out at the limit', async () => {
    const { context, page } = await newPage();
    await page.clock.install();
    await open(page, `${portal.baseUrl}/connexion`);
    await signIn(page, agent.email, KNOWN_PASSWORD);
    await heading1(page, `Bonjour ${agent.firstName}`);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon compte' }).click();
    await heading1(page, 'Mon compte');

    // No call to the API while the agent does nothing: the browser's clock alone brings the warning.
    await page.clock.fastForward(minutes(26));
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    await page.clock.fastForward(minutes(1) + 5_000);
    const warning = page.getByRole('alertdialog', { name: 'Votre session va bientôt expirer' });
    await warning.waitFor();
    assert.match(await warning.innerText(), /vous serez déconnecté à \d{2}:\d{2}/);
    await assertAccessible(page, 'the idle warning');

    const keepAlive = page.waitForRequest((request) => request.url().endsWith('/api/auth/session/keep-alive') && request.method() === 'POST');
    await warning.getByRole('button', { name: 'Rester connecté' }).click();
    await keepAlive;
    await warning.waitFor({ state: 'detached' });

    await page.clock.fastForward(minutes(27) + 5_000);
    await warning.waitFor();
    const signedOut = page.waitForRequest((request) => request.url().endsWith('/api/auth/logout'));
    await page.clock.fastForward(minutes(2));
    await signedOut;
    assert.equal(await heading1(page, /^Connexion$/), 'Connexion');
    assert.equal(location(page), `/connexion?retour=${encodeURIComponent('/compte')}`);
    await page.getByText('Votre session a expiré').waitFor();
    await context.close();
  });

  test('warns on the home page, with the date, when the password expires within 14 days', async () => {
    const nearlyExpired = await createAgent(portal.server.database.db, {
      passwordChangedAt: new Date(portal.server.clock.now().getTime() - (180 - 10) * 86_400_000),
    });
    const { context, page } = await newPage();
    await open(page, `${portal.baseUrl}/connexion`);
    await signIn(page, nearlyExpired.badgeNumber, KNOWN_PASSWORD);
    await heading1(page, `Bonjour ${nearlyExpired.firstName}`);
    const banner = page.getByText('Votre mot de passe expire le 3 décembre 2026');
    await banner.waitFor();
    await page.getByRole('link', { name: 'Changer mon mot de passe' }).first().click();
    assert.equal(await heading1(page, 'Changer mon mot de passe'), 'Changer mon mot de passe');
    await assertAccessible(page, '/compte/mot-de-passe with an expiry warning');
    await context.close();
  });

  test('raises no console error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
