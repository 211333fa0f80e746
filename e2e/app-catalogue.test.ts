import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoApplications } from '../src/server/modules/applications/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, location, type Portal, startPortal } from './support/portal.ts';

const suite = 'app catalogue: tiles by department, favourites, the administrators’ registry';
const logins = { lea: '1000001', thomas: '1000004', administrator: '1000006' } as const;
const schools = 'Logiciel de gestion des écoles';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;

  before(async () => {
    portal = await startPortal();
    const db = portal.server.database.db;
    await seedDemoOrganisation(db, { agents: 300, emailDomain: 'paris.example' });
    await seedDemoApplications(db, portal.server.clock.now());
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const favouriteNames = (page: Page) => page.getByRole('region', { name: 'Mes favoris' }).getByRole('listitem').getByRole('link').allInnerTexts();

  test('Léa (DASCO) finds the schools app, pins two apps, puts them in order and opens one', async () => {
    const page = await browser.signedIn(logins.lea, '/');
    const home = page.getByRole('region', { name: 'Mes applications' });
    await home.getByRole('link', { name: schools }).waitFor();
    await checkAtBothWidths(page, 'home with the catalogue');

    await home.getByRole('link', { name: 'Toutes mes applications' }).click();
    await heading1(page, /^Mes applications$/);
    await page.getByRole('heading', { level: 2, name: 'Applications métier' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Dossiers d’action sociale' }).count(), 0, 'the CASVP app is not Léa’s');
    await checkAtBothWidths(page, 'all my applications');

    await page.getByLabel('Rechercher une application').fill('ECOLES');
    await page.getByRole('status').filter({ hasText: '1 application trouvée.' }).waitFor();
    assert.deepEqual(await page.getByRole('main').getByRole('listitem').getByRole('link').allInnerTexts(), [schools]);
    await page.getByLabel('Rechercher une application').fill('');

    for (const name of ['Messagerie', schools]) {
      const toggle = page.getByRole('button', { name: `Favori : ${name}`, exact: true }).last();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      await page.getByRole('status').filter({ hasText: `${name} est dans vos favoris.` }).waitFor();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    }
    assert.deepEqual(await favouriteNames(page), ['Messagerie', schools]);

    // Keyboard only: the moved tile's button keeps the focus, or hands it to the other one at the end.
    await page.getByRole('button', { name: 'Descendre Messagerie' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Messagerie : position 2 sur 2.' }).waitFor();
    assert.deepEqual(await favouriteNames(page), [schools, 'Messagerie']);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Monter Messagerie');
    await checkAtBothWidths(page, 'favourites in order');

    await page.reload();
    await heading1(page, /^Mes applications$/);
    await page.getByRole('region', { name: 'Mes favoris' }).getByRole('link', { name: 'Messagerie', exact: true }).waitFor();
    assert.deepEqual(await favouriteNames(page), [schools, 'Messagerie'], 'the order is kept');

    // The tile goes through the portal, which checks the rule again, then sends the browser on to the app (made
    // up: the test stands in for it once the portal's answer is seen).
    let launchedAt: string | undefined;
    await page.route('**/api/applications/ecoles/open', async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      launchedAt = answer.headers().location;
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="fr"><title>Écoles</title><h1>Écoles</h1></html>' });
    });
    await page.getByRole('region', { name: 'Mes favoris' }).getByRole('link', { name: schools }).click();
    await page.waitForURL('**/api/applications/ecoles/open');
    assert.equal(launchedAt, 'https://ecoles.paris.example/');
    const opened = await portal.server.database.db
      .selectFrom('application_access_events as e')
      .innerJoin('applications as a', 'a.id', 'e.application_id')
      .select(['e.channel', 'e.outcome'])
      .where('a.slug', '=', 'ecoles')
      .execute();
    assert.deepEqual(opened, [{ channel: 'catalogue', outcome: 'allowed' }]);
    assert.deepEqual(browser.problems, []);
  });

  test('Thomas (CASVP) does not see the schools app, and cannot open it by its address', async () => {
    const page = await browser.signedIn(logins.thomas, '/applications');
    await page.getByRole('link', { name: 'Dossiers d’action sociale' }).waitFor();
    assert.equal(await page.getByRole('link', { name: schools }).count(), 0);

    await page.goto(`${portal.baseUrl}/api/applications/ecoles/open`);
    await heading1(page, /^Mes applications$/);
    assert.equal(location(page), '/applications?indisponible=ecoles');
    await page.getByText('Cette application ne vous est pas ouverte').waitFor();
    await checkAtBothWidths(page, 'application not open to the agent');
    assert.deepEqual(browser.problems, []);
  });

  test('the administrator adds a link app, told on the field what is wrong first', async () => {
    const page = await browser.signedIn(logins.administrator, '/administration/applications');
    await page.getByRole('table', { name: 'Applications enregistrées' }).getByText(schools).waitFor();
    await checkAtBothWidths(page, 'applications registry');

    await page.getByRole('button', { name: 'Ajouter un lien' }).click();
    await page.getByRole('heading', { name: 'Ajouter un lien au catalogue' }).waitFor();
    await page.getByLabel('Identifiant').fill('marches-publics');
    await page.getByLabel('Nom', { exact: true }).fill('Marchés publics');
    await page.getByLabel('Description (facultatif)').fill('Suivi des consultations et des contrats de la collectivité.');
    await page.getByLabel('Catégorie').selectOption({ label: 'Applications métier' });
    await page.getByLabel('Adresse de l’application').fill('http://marches.paris.example/');
    await page.getByRole('group', { name: 'Directions' }).getByText('DASCO', { exact: false }).click();
    await checkAtBothWidths(page, 'new application form');
    await page.getByRole('button', { name: 'Ajouter au catalogue' }).click();
    await page.getByRole('alert').filter({ hasText: 'L’application n’a pas été enregistrée' }).waitFor();
    const address = page.getByLabel('Adresse de l’application');
    assert.equal(await address.getAttribute('aria-invalid'), 'true');
    const described = await address.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    assert.match(described, /une adresse sécurisée, commençant par https:\/\//, 'the server’s reason is read with the field');

    await page.getByLabel('Adresse de l’application').fill('https://marches.paris.example/');
    await page.getByRole('button', { name: 'Ajouter au catalogue' }).click();
    await page.getByText('« Marchés publics » a été ajoutée au catalogue.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Marchés publics' });
    assert.match(await row.innerText(), /Applications métier[\s\S]*Lien[\s\S]*DASCO[\s\S]*Active/);
    await checkAtBothWidths(page, 'application added');
    assert.deepEqual(browser.problems, []);
  });
});
