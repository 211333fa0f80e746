import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkServiceHealth } from '../src/server/modules/announcements/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'announcements: support publishes, the sign-in and home pages show them, the status page';
const logins = { lea: '1000001', support: '1000005' } as const;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(portal.server.database.db, { agents: 174, emailDomain: 'paris.example' });
    // The form's "from" defaults to the browser's now: it must be the server's.
    browser = await openTestBrowser(portal, { serverTime: true });
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('IT support publishes an incident for everyone and an information for the DASCO', async () => {
    const page = await browser.signedIn(logins.support, '/assistance/annonces', { heading: /^Annonces$/ });
    await checkAtBothWidths(page, 'announcements (support)');

    await page.getByLabel('Type').selectOption('incident');
    await page.getByLabel('Titre').fill('Messagerie <b>indisponible</b>');
    await page.getByLabel('Texte').fill('Les courriels ne partent plus.\nNous revenons vers vous à 11 h.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Annonce publiée.').waitFor();

    await page.getByLabel('Titre').fill('Nouveau guide des écoles');
    await page.getByText('Certaines directions (agents connectés seulement)').click();
    await page.getByText(/^DASCO — /).click();
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Annonce publiée.').waitFor();
    await page.getByRole('button', { name: 'Modifier « Nouveau guide des écoles »' }).waitFor();
    await checkAtBothWidths(page, 'announcements (support), two published');
    assert.deepEqual(browser.problems, []);
  });

  test('before sign-in the incident shows as text with the hotline; Léa also sees and hides her department’s information', async () => {
    const visitor = await browser.newPage();
    await open(visitor, `${portal.baseUrl}/connexion`);
    const region = visitor.getByRole('region', { name: 'Annonces du support informatique' });
    await region.getByRole('heading', { name: 'Incident : Messagerie <b>indisponible</b>' }).waitFor();
    assert.equal(await region.getByText('Nouveau guide des écoles').count(), 0, 'a department’s information is not on the sign-in page');
    await region.getByRole('link', { name: '01 42 76 00 00' }).waitFor();
    await checkAtBothWidths(visitor, 'sign-in page with an announcement');

    // Before sign-in, an information hidden stays hidden in this browser.
    const now = portal.server.clock.now();
    await portal.server.database.db
      .insertInto('announcements')
      .values({ kind: 'information', title: 'Nouveau portail', body: '', starts_at: now, created_at: now, updated_at: now })
      .execute();
    await visitor.reload();
    await region.getByRole('button', { name: 'Masquer l’information « Nouveau portail »' }).click();
    await region.getByRole('heading', { name: 'Information : Nouveau portail' }).waitFor({ state: 'detached' });
    await visitor.reload();
    await region.getByRole('heading', { name: /Messagerie/ }).waitFor();
    assert.equal(await region.getByText('Nouveau portail').count(), 0, 'still hidden after a reload');

    const lea = await browser.signedIn(logins.lea, '/');
    const leaRegion = lea.getByRole('region', { name: 'Annonces du support informatique' });
    await leaRegion.getByRole('heading', { name: 'Information : Nouveau guide des écoles' }).waitFor();
    await checkAtBothWidths(lea, 'home page with announcements');
    await leaRegion.getByRole('button', { name: 'Masquer l’information « Nouveau guide des écoles »' }).click();
    await leaRegion.getByRole('heading', { name: 'Information : Nouveau guide des écoles' }).waitFor({ state: 'detached' });
    await lea.reload();
    await heading1(lea);
    await leaRegion.getByRole('heading', { name: /Messagerie/ }).waitFor();
    assert.equal(await leaRegion.getByText('Nouveau guide des écoles').count(), 0, 'hidden for good');
    assert.deepEqual(browser.problems, []);
  });

  test('the service status page lists the services, their state and the past incident', async () => {
    await checkServiceHealth(portal.server.app.ctx, portal.server.clock.now());
    const visitor = await browser.newPage();
    await open(visitor, `${portal.baseUrl}/etat-des-services`);
    await heading1(visitor, /^État des services$/);
    await visitor.getByText('Portail Nomades').waitFor();
    await visitor.getByText('Fonctionne normalement').first().waitFor();
    await visitor.getByText('Messagerie <b>indisponible</b>').waitFor();
    await visitor.getByRole('link', { name: '01 42 76 00 00' }).waitFor();
    await checkAtBothWidths(visitor, 'service status');
    assert.deepEqual(browser.problems, []);
  });
});
