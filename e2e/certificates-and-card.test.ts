import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pdfText } from '../src/server/modules/accounts/test-support.ts';
import { seedDemoRecords } from '../src/server/seed/demo-records.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, downloadFile, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { fromOutside, heading1, location, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'certificates and professional card: issue, download, public check, revocation, lost card';
const logins = { agent: '1000001', hr: '1000003' } as const;
const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  let leaId: string;

  before(async () => {
    portal = await startPortal();
    const db = portal.server.database.db;
    await seedDemoOrganisation(db, { agents: 174, emailDomain: 'paris.example' });
    // Personal files (the working time on the employer certificate) and payslips up to last month.
    await seedDemoRecords(db, portal.server.app.ctx.config, portal.server.clock.now());
    leaId = (await db.selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow()).id;
    // The browser's today is the server's: the salary form offers months up to the server's current one.
    browser = await openTestBrowser(portal, { serverTime: true });
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  // With E2E_SCREENSHOTS=/some/dir, a picture of every page checked, at 1280 and 360 px.
  const checkPage = (page: Page, where: string) => checkAtBothWidths(page, where, { snapshot: 'whole' });

  let salaryReference: string;
  let salaryCode: string;

  test('Léa gets an employer certificate and a salary certificate at once and downloads them', async () => {
    const page = await browser.signedIn(logins.agent, '/mes-attestations');
    await page.getByText('Aucune attestation n’a encore été délivrée.').waitFor();
    await checkPage(page, 'my certificates, none yet');

    await page.getByRole('button', { name: 'Obtenir l’attestation' }).click();
    const employer = page.getByText(/^Attestation employeur ATT-\d{4}-\d{6} délivrée\.$/);
    await employer.waitFor();
    const employerReference = /ATT-\d{4}-\d{6}/.exec(await employer.innerText())![0];
    const employerPdf = await downloadFile(page, `Télécharger ${employerReference} (PDF)`, { pdf: true });
    assert.equal(employerPdf.name, `${employerReference}.pdf`);
    const employerText = pdfText(employerPdf.bytes).replace(/\s+/g, ' ');
    for (const expected of ['ATTESTATION EMPLOYEUR', 'MOREAU Léa', 'Temps de travail', 'Date d’entrée']) assert.ok(employerText.includes(expected), `the employer certificate shows ${expected}`);

    // A period upside down is refused before anything is sent, on the field concerned.
    await page.getByText('Attestation de salaire', { exact: true }).click();
    await page.getByLabel('Premier mois').selectOption('2026-10');
    await page.getByLabel('Dernier mois').selectOption('2026-01');
    await page.getByRole('button', { name: 'Obtenir l’attestation' }).click();
    await page.getByText('Le premier mois doit précéder le dernier.').waitFor();
    assert.equal(await page.getByLabel('Premier mois').getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'salary certificate period refused');

    await page.getByLabel('Premier mois').selectOption('2026-01');
    await page.getByLabel('Dernier mois').selectOption('2026-10');
    await page.getByRole('button', { name: 'Obtenir l’attestation' }).click();
    const salary = page.getByText(/^Attestation de salaire SAL-\d{4}-\d{6} délivrée\.$/);
    await salary.waitFor();
    salaryReference = /SAL-\d{4}-\d{6}/.exec(await salary.innerText())![0];
    const list = page.getByRole('table', { name: 'Attestations délivrées' });
    await list.getByRole('row', { name: new RegExp(salaryReference) }).getByText('de janvier 2026 à octobre 2026').waitFor();
    await list.getByRole('row', { name: new RegExp(employerReference) }).getByText('Valable').waitFor();
    await checkPage(page, 'my certificates, two issued');

    const salaryText = pdfText((await downloadFile(page, `Télécharger ${salaryReference} (PDF)`, { pdf: true })).bytes).replace(/\s+/g, ' ');
    assert.ok(salaryText.includes('ATTESTATION DE SALAIRE'));
    assert.match(salaryText, /Net payé \d[\d ]*,\d\d €/);
    salaryCode = CODE.exec(salaryText)![0];
    assert.deepEqual(browser.problems, []);
  });

  test('anyone checks the certificate by its code, signed out, and learns its kind, holder and date only', async () => {
    const visitor = await browser.newPage(fromOutside);
    await open(visitor, `${portal.baseUrl}/verify/${salaryCode}`);
    await visitor.getByText('Attestation authentique').waitFor();
    const main = await visitor.getByRole('main').innerText();
    for (const expected of ['Attestation de salaire', 'Léa Moreau', '23 novembre 2026', salaryCode]) assert.ok(main.includes(expected), `the check shows ${expected}`);
    assert.doesNotMatch(main, /€|\d,\d\d|1000001|SAL-/, 'no amount, badge number or reference');
    await visitor.getByRole('heading', { name: 'Ce que la vérification dit, et ce qu’elle ne dit pas' }).waitFor();
    await checkPage(visitor, 'public check, authentic');

    await visitor.getByRole('link', { name: 'Vérifier un autre code' }).click();
    await heading1(visitor, 'Vérifier une attestation');
    await visitor.getByRole('button', { name: 'Vérifier' }).click();
    await visitor.getByText('Saisissez le code imprimé sur l’attestation.').waitFor();
    await visitor.getByLabel('Code de vérification').fill('7KQ2-M9XD');
    await visitor.getByRole('button', { name: 'Vérifier' }).click();
    await visitor.getByText(/Ce code n’a pas la bonne forme/).waitFor();
    await checkPage(visitor, 'public check form, code of the wrong form');
    // As read off paper: small letters, spaces instead of dashes.
    await visitor.getByLabel('Code de vérification').fill(` ${salaryCode.toLowerCase().replaceAll('-', ' ')} `);
    await visitor.getByRole('button', { name: 'Vérifier' }).click();
    await visitor.waitForURL((url) => url.pathname === `/verify/${salaryCode}`);
    await visitor.getByText('Attestation authentique').waitFor();

    await open(visitor, `${portal.baseUrl}/verify/AAAA-BBBB-CCCC-DDDD`);
    await visitor.getByText('Aucune attestation ne correspond à ce code').waitFor();
    await checkPage(visitor, 'public check, unknown code');
    assert.deepEqual(browser.problems, []);
  });

  test('Nathalie (HR, DASCO) revokes the certificate and the public check says it is revoked', async () => {
    const page = await browser.signedIn(logins.hr, `/rh/agents/${leaId}`);
    const section = page.getByRole('region', { name: 'Attestations', exact: true });
    await section.getByText(salaryReference).waitFor();
    await section.getByRole('button', { name: `Révoquer ${salaryReference}` }).click();
    const dialog = page.getByRole('dialog', { name: `Révoquer l’attestation ${salaryReference}` });
    await dialog.waitFor();
    await dialog.getByLabel('Motif de la révocation').fill('Période demandée par erreur');
    await checkPage(page, 'revocation dialog');
    await dialog.getByRole('button', { name: 'Révoquer l’attestation' }).click();
    await page.getByText(`Attestation ${salaryReference} révoquée : la page de vérification l’indique désormais.`).waitFor();
    await section.getByText('Motif : Période demandée par erreur').waitFor();

    await section.getByRole('button', { name: 'Délivrer une attestation' }).click();
    const issue = page.getByRole('dialog', { name: 'Délivrer une attestation à Léa Moreau' });
    await issue.getByRole('button', { name: 'Délivrer' }).click();
    await page.getByText(/^Attestation employeur ATT-\d{4}-\d{6} délivrée à Léa Moreau\.$/).waitFor();
    await checkPage(page, 'HR agent record with certificates and card');

    const visitor = await browser.newPage(fromOutside);
    await open(visitor, `${portal.baseUrl}/verify/${salaryCode}`);
    await visitor.getByText('Attestation révoquée').waitFor();
    const main = await visitor.getByRole('main').innerText();
    assert.ok(main.includes('puis révoqué le 23 novembre 2026'));
    assert.ok(!main.includes('Période demandée par erreur'), 'the reason stays with HR');
    await checkPage(visitor, 'public check, revoked');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa declares her card lost in two clicks, it is blocked at once, and she follows the replacement HR moves forward', async () => {
    const page = await browser.signedIn(logins.agent, '/ma-carte');
    await page.getByText('Active', { exact: true }).waitFor();
    await checkPage(page, 'my card, active');

    await page.getByRole('button', { name: 'J’ai perdu ma carte professionnelle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bloquer ma carte professionnelle' });
    await dialog.waitFor();
    await checkPage(page, 'card loss dialog');
    await dialog.getByRole('button', { name: 'Bloquer ma carte' }).click();
    await page.getByText('Votre carte n° 1000001-01 est bloquée.').waitFor();
    await page.getByText(/L’accès aux bâtiments est coupé dès maintenant/).waitFor();
    await page.locator('[aria-current="step"]').getByText('Carte bloquée', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'J’ai perdu ma carte professionnelle' }).count(), 0);
    await checkPage(page, 'my card, blocked');

    const hr = await browser.signedIn(logins.hr, '/rh/cartes');
    const row = hr.getByRole('row', { name: /Léa Moreau/ });
    await row.getByText('Carte bloquée').waitFor();
    await checkPage(hr, 'HR card replacements');
    for (const stage of ['Nouvelle carte commandée', 'Prête à retirer']) {
      await hr.getByRole('button', { name: `Passer à : ${stage}, pour Léa Moreau` }).click();
      const confirm = hr.getByRole('alertdialog', { name: `Passer à l’étape « ${stage} » ?` });
      await confirm.waitFor();
      if (stage === 'Prête à retirer') await checkPage(hr, 'HR card stage confirmation');
      await confirm.getByRole('button', { name: 'Confirmer' }).click();
      await hr.getByText(`Remplacement de la carte de Léa Moreau : « ${stage} ». L’agent est prévenu par e-mail.`).waitFor();
    }
    await hr.getByRole('link', { name: 'Léa Moreau' }).click();
    await heading1(hr, 'Léa Moreau');
    assert.equal(location(hr), `/rh/agents/${leaId}`);
    await hr.getByRole('region', { name: 'Carte professionnelle' }).getByRole('button', { name: 'Passer à : Remise, pour Léa Moreau' }).waitFor();

    await page.reload();
    await heading1(page, 'Ma carte professionnelle');
    const current = page.locator('[aria-current="step"]');
    await current.getByText('Prête à retirer').waitFor();
    assert.match(await current.innerText(), /le 23 nov\. 2026[\s\S]*étape actuelle[\s\S]*Retirez-la auprès du service des ressources humaines/);
    await checkPage(page, 'my card, ready to collect');
    assert.deepEqual(browser.problems, []);
  });
});
