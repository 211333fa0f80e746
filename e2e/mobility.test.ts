import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoMobility } from '../src/server/modules/mobility/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, type Portal, startPortal } from './support/portal.ts';

const suite = 'mobility: Léa finds a DASCO offer and applies, Nathalie (HR of DASCO) invites her to an interview, Léa follows each step';
const logins = { agent: '1000001', hr: '1000003' } as const;
const offerTitle = 'Responsable éducatif ville (F/H)';
// The portal's clock says Monday 23 November 2026.

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    await seedDemoMobility(db(), portal.server.clock.now());
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  /** The current step of an application's timeline, as a screen reader finds it (aria-current="step"). */
  const currentStep = (page: Page, application: string) => page.getByRole('list', { name: `Étapes : ${application}` }).locator('[aria-current="step"]');

  test('Léa sees her application waiting for its interview, searches the offers, and applies to a DASCO post', async () => {
    const page = await browser.signedIn(logins.agent, '/mobilite', { heading: /^Mobilité$/ });
    await page.getByRole('heading', { name: 'Mes candidatures' }).waitFor();
    const seeded = 'Candidature : Gestionnaire administratif de circonscription scolaire (F/H)';
    assert.match(await currentStep(page, seeded).innerText(), /Entretien[\s\S]*étape en cours[\s\S]*Entretien prévu le 27 novembre 2026/);
    await page.getByText('Votre encadrant n’est informé que si votre candidature est retenue.').waitFor();
    await checkAtBothWidths(page, 'mobility');

    const search = page.getByRole('search', { name: 'Chercher une offre d’emploi' });
    await search.getByLabel('Mots-clés').fill('educatif');
    await search.getByLabel('Direction').selectOption('DASCO');
    await search.getByRole('button', { name: 'Chercher' }).click();
    await page.waitForURL((url) => url.search.includes('direction=DASCO'));
    await page.getByText('1 offre ouverte.').waitFor();
    await checkAtBothWidths(page, 'mobility, offers found');
    await page.getByRole('list', { name: 'Offres d’emploi trouvées' }).getByRole('link', { name: offerTitle }).click();

    await heading1(page, new RegExp(`^${offerTitle.replace(/[()]/g, '\\$&')}$`));
    await page.getByText('École polyvalente Championnet, 70 rue Championnet, 75018 Paris').waitFor();
    await checkAtBothWidths(page, 'a job offer');
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await page.getByText('Écrivez quelques lignes de motivation (10 caractères au moins).').waitFor();
    await page.getByLabel('Lettre de motivation').fill('Animatrice de formation, je souhaite encadrer les temps périscolaires.\n\n<b>Disponible</b> dès janvier.');
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await page.getByText('Candidature envoyée. Le service RH en est informé ; suivez-la dans Mobilité.').waitFor();
    await page.getByText(/^Vous avez candidaté le 23 novembre 2026\. Étape en cours : Candidature déposée\.$/).waitFor();
    await checkAtBothWidths(page, 'a job offer, applied');
  });

  test('Nathalie, HR of DASCO, starts the review of Léa’s application and invites her to an interview', async () => {
    const page = await browser.signedIn(logins.hr, '/rh/mobilite', { heading: /^Mobilité$/ });
    await page.getByRole('heading', { name: 'Léa Moreau (1000001)' }).first().waitFor();
    await checkAtBothWidths(page, 'HR mobility');

    await page.getByRole('button', { name: 'Commencer l’examen : Léa Moreau' }).click();
    const review = page.getByRole('dialog', { name: 'Examiner la candidature de Léa Moreau ?' });
    await review.getByRole('button', { name: 'Commencer l’examen' }).click();
    await page.getByText('Léa Moreau : Examen par le service RH. L’agent en est informé.').waitFor();

    await page.getByRole('button', { name: 'Convier à un entretien : Léa Moreau' }).click();
    const invite = page.getByRole('dialog', { name: 'Convier Léa Moreau à un entretien' });
    await invite.getByLabel('Jour de l’entretien (facultatif)').fill('2026-12-02');
    await invite.getByLabel('Message à l’agent (facultatif)').fill('Au 14 rue Championnet, à 10 h, avec la cheffe du service.');
    await checkAtBothWidths(page, 'HR mobility, inviting to an interview');
    await invite.getByRole('button', { name: 'Convier à un entretien' }).click();
    await page.getByText('Léa Moreau : Entretien. L’agent en est informé.').waitFor();
    await checkAtBothWidths(page, 'HR mobility, after the invitation');

    await page.getByRole('button', { name: 'Nouvelle offre' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvelle offre d’emploi' });
    await form.getByLabel('Service').selectOption({ label: 'Service des écoles' });
    await form.getByLabel('Intitulé du poste').fill('Agent d’accueil en école (F/H)');
    await form.getByRole('checkbox', { name: 'Adjoint d\'accueil, de surveillance et de magasinage' }).click({ force: true });
    await form.getByLabel('Description du poste').fill('Vous accueillez les familles et les visiteurs de l’école élémentaire Keller.');
    await form.getByLabel('Contact', { exact: true }).fill('Bureau RH de la DASCO');
    await form.getByLabel('Candidatures jusqu’au').fill('2026-12-20');
    await checkAtBothWidths(page, 'HR mobility, a new offer');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('« Agent d’accueil en école (F/H) » est enregistrée.').waitFor();
    await page.getByRole('button', { name: 'Publier : Agent d’accueil en école (F/H)' }).click();
    await page.getByRole('alertdialog', { name: 'Publier « Agent d’accueil en école (F/H) » ?' }).getByRole('button', { name: 'Publier' }).click();
    await page.getByText('« Agent d’accueil en école (F/H) » est publiée.').waitFor();
  });

  test('Léa sees her new application at the interview step, with its date and HR’s message', async () => {
    const page = await browser.signedIn(logins.agent, '/mobilite', { heading: /^Mobilité$/ });
    const current = currentStep(page, `Candidature : ${offerTitle}`);
    const text = await current.innerText();
    assert.match(text, /Entretien/);
    assert.match(text, /étape en cours/);
    assert.match(text, /Entretien prévu le 2 décembre 2026\./);
    assert.match(text, /Au 14 rue Championnet, à 10 h/);
    const steps = page.getByRole('list', { name: `Étapes : Candidature : ${offerTitle}` }).locator('.card-steps__name');
    assert.deepEqual(await steps.allInnerTexts(), ['Candidature déposée', 'Examen par le service RH', 'Entretien', 'Décision', 'Prise de poste']);
    await checkAtBothWidths(page, 'mobility, interview planned');
    assert.deepEqual(browser.problems, []);
  });
});
