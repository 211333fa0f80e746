import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoFaq } from '../src/server/modules/faq/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'FAQ: the public help centre, an article and its helpful question, support writing an article';
const logins = { lea: '1000001', support: '1000005' } as const;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    await seedDemoFaq(db(), portal.server.clock.now());
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('a locked-out agent searches the help without accents, reads an article and says it helped', async () => {
    const page = await browser.newPage();
    await open(page, `${portal.baseUrl}/aide`);
    await heading1(page, /^Aide$/);
    await page.getByRole('link', { name: 'Je n’arrive pas à me connecter' }).waitFor();
    await checkAtBothWidths(page, 'help centre');

    await page.getByRole('searchbox', { name: 'Rechercher dans l’aide' }).fill('bloque');
    await page.getByRole('status').filter({ hasText: /article(s)? trouvé/ }).waitFor();
    await page.getByRole('link', { name: 'Mon compte est bloqué' }).click();
    await heading1(page, /^Mon compte est bloqué$/);
    await page.getByRole('link', { name: 'Je n’arrive pas à me connecter' }).waitFor();
    await checkAtBothWidths(page, 'help article');

    await page.getByRole('button', { name: 'Oui' }).click();
    await page.getByText('Merci, votre réponse est enregistrée.').waitFor();
    const votes = await db().selectFrom('faq_votes').select('voter').execute();
    assert.equal(votes.length, 1);
    assert.match(votes[0]!.voter, /^browser:/);
    assert.deepEqual(browser.problems, []);
  });

  test('support writes an article, previews it (the HTML typed stays text), publishes it, and Léa reads it', async () => {
    const page = await browser.signedIn(logins.support, '/assistance/faq', { heading: /^Articles d’aide$/ });
    await checkAtBothWidths(page, 'FAQ editor, list');
    await page.getByRole('button', { name: 'Écrire un article' }).click();
    await page.getByLabel('Titre').fill('Réserver une salle de réunion');
    await page.getByLabel('Adresse').fill('reserver-une-salle');
    await page.getByLabel('Catégorie').selectOption({ label: 'Autre' });
    await page.getByLabel('Texte (Markdown)').fill('Ouvrez **Réservation de salles** dans [Mes applications](/applications).\n\n<img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu de l’article' });
    await preview.getByRole('link', { name: 'Mes applications' }).waitFor();
    await preview.getByText('<img src=x onerror=alert(1)>').waitFor();
    assert.equal(await preview.locator('img').count(), 0);
    await page.getByText('Publié (visible des agents)').click();
    await checkAtBothWidths(page, 'FAQ editor, form');
    await page.getByRole('button', { name: 'Enregistrer l’article' }).click();
    await page.getByText('L’article « Réserver une salle de réunion » est enregistré.').waitFor();

    const lea = await browser.signedIn(logins.lea, '/aide');
    await lea.getByRole('link', { name: 'Faire une demande d’assistance' }).waitFor();
    await lea.getByRole('searchbox', { name: 'Rechercher dans l’aide' }).fill('salle reunion');
    await lea.getByRole('link', { name: 'Réserver une salle de réunion' }).click();
    await heading1(lea, /^Réserver une salle de réunion$/);
    assert.deepEqual(browser.problems, []);
  });
});
