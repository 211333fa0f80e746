import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newTotpSecret } from '../src/server/modules/identity/totp.ts';
import { publishRoute } from '../src/server/modules/gateway/gateway-admin.service.ts';
import { CreateGatewayRouteBody } from '../src/server/modules/gateway/gateway.schema.ts';
import { startTestUpstream, type TestUpstream } from '../src/server/modules/gateway/test-upstream.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';
import { totpCode } from './support/totp.ts';

const suite = 'identity-aware gateway: publishing an internal app, opening it, denial, step-up';
const logins = { agent: '1000001', manager: '1000002', otherDepartment: '1000004', administrator: '1000006' } as const;
// After signing in, the web app hands /apps/… to the server only once its router lists it (src/web/router/history.ts).

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: Browser;
  let upstream: TestUpstream;
  let problems: string[];
  let totpSecret: string;
  const contexts: BrowserContext[] = [];

  before(async () => {
    portal = await startPortal();
    const { db } = portal.server.database;
    await seedDemoOrganisation(db, { agents: 200, emailDomain: 'paris.example' });
    upstream = await startTestUpstream();
    // Karim Benali has an authenticator app; inside the city network he signs in with his password alone.
    totpSecret = newTotpSecret();
    const karim = await db.selectFrom('agents').select('id').where('badge_number', '=', logins.manager).executeTakeFirstOrThrow();
    await db
      .insertInto('second_factors')
      .values({
        agent_id: karim.id,
        kind: 'totp',
        label: 'Téléphone',
        totp_secret_encrypted: portal.server.app.ctx.keys.encrypt('totp-secret', totpSecret),
        confirmed_at: portal.server.clock.now(),
        created_at: portal.server.clock.now(),
      })
      .execute();
    // Payroll asks for a second factor from everywhere.
    await publishRoute(
      portal.server.app.ctx,
      { agentId: null, label: 'test', ip: null },
      CreateGatewayRouteBody.parse({ slug: 'paie-ecoles', name: 'Paie des écoles', upstreamUrl: upstream.url, insideAccess: 'second_factor', outsideAccess: 'second_factor' }),
    );
    browser = await launchBrowser();
    problems = [];
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.server.close();
    await upstream?.close();
  });

  /** A browser of the city network, signed in as this demo login, on this page of the portal. */
  async function signedIn(badge: string, where: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    await open(page, `${portal.baseUrl}/connexion?retour=${encodeURIComponent(where)}`);
    await signIn(page, badge, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === where);
    await heading1(page);
    return page;
  }

  /** No axe violation (WCAG 2.1 A and AA), and at 360 px wide no horizontal scrolling and still none. */
  async function checkPage(page: Page, where: string): Promise<void> {
    await assertAccessible(page, where);
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, { timeout: 3_000 }).catch(() => undefined);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${where} scrolls sideways at 360 px (${width} px wide)`);
      await assertAccessible(page, `${where} at 360 px`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  test('the administrator publishes an internal app for one department, and gets its signing secret once', async () => {
    const page = await signedIn(logins.administrator, '/administration/passerelle');
    assert.equal(await heading1(page, /^Passerelle$/), 'Passerelle');
    await page.getByRole('cell', { name: /Paie des écoles/ }).waitFor();
    await checkPage(page, 'gateway list');

    await page.getByRole('button', { name: 'Publier une application' }).click();
    await page.getByRole('heading', { name: 'Publier une application interne' }).waitFor();
    await page.getByLabel('Identifiant').fill('astreintes');
    await page.getByLabel('Nom', { exact: true }).fill('Astreintes');
    await page.getByLabel('Adresse interne').fill(upstream.url);
    await page.getByRole('checkbox', { name: /^DASCO/ }).check({ force: true });
    await checkPage(page, 'gateway publication form');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();

    await page.getByText('« Astreintes » est publiée.').waitFor();
    assert.match(await page.locator('.one-time-secret__value').innerText(), /^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('cell', { name: /Astreintes/ }).first().waitFor();
    assert.deepEqual(problems, []);
  });

  test('an agent of the department opens the app through the gateway and sees its page', async () => {
    const page = await signedIn(logins.agent, '/');
    const response = await page.goto(`${portal.baseUrl}/apps/astreintes/`);
    assert.equal(response?.status(), 200);
    assert.equal(await heading1(page, 'Astreintes'), 'Astreintes');
    const seen = upstream.seen.at(-1);
    assert.equal(seen?.headers['x-nomades-badge'], logins.agent);
    assert.equal(seen?.headers['x-nomades-department'], 'DASCO');
    assert.deepEqual(problems, []);
  });

  test('an agent not signed in is sent to sign in, then lands on the app', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    await page.goto(`${portal.baseUrl}/apps/astreintes/planning`);
    await page.waitForURL((url) => url.pathname === '/connexion');
    assert.equal(location(page), '/connexion?retour=%2Fapps%2Fastreintes%2Fplanning');
    await signIn(page, logins.agent, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/apps/astreintes/planning');
    await heading1(page, 'Astreintes');
    assert.deepEqual(problems, []);
  });

  test('an agent of another department sees the French page that says why', async () => {
    const page = await signedIn(logins.otherDepartment, '/');
    const response = await page.goto(`${portal.baseUrl}/apps/astreintes/`);
    assert.equal(response?.status(), 403);
    assert.equal(await heading1(page, 'Accès refusé'), 'Accès refusé');
    await page.getByText('Vous ne pouvez pas ouvrir « Astreintes » : réservée à d’autres directions.').waitFor();
    await checkPage(page, 'gateway denial page');
    // The page itself is the refusal: its 403 is the one error the browser may report.
    assert.deepEqual(problems.filter((problem) => !problem.includes('status of 403')), []);
    problems.length = 0;
  });

  test('an app asking for a second factor leads to the step-up page, then opens', async () => {
    const page = await signedIn(logins.manager, '/');
    await page.goto(`${portal.baseUrl}/apps/paie-ecoles/`);
    await page.waitForURL((url) => url.pathname === '/connexion/verification-renforcee');
    assert.equal(location(page), '/connexion/verification-renforcee?retour=%2Fapps%2Fpaie-ecoles%2F');
    assert.equal(await heading1(page, /^Vérification renforcée$/), 'Vérification renforcée');
    await checkPage(page, 'step-up page');

    await page.getByLabel('Code à 6 chiffres').fill(totpCode(totpSecret, portal.server.clock.now()));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.waitForURL((url) => url.pathname === '/apps/paie-ecoles/');
    await heading1(page, 'Astreintes');
    assert.equal(upstream.seen.at(-1)?.headers['x-nomades-amr'], 'pwd,otp');
    assert.deepEqual(problems, []);
  });
});
