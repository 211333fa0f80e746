import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedPersonalFiles } from '../src/server/modules/personal-file/index.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, downloadFile, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, location, type Portal, startPortal } from './support/portal.ts';

const suite = 'personal file: reading it, correcting it, bank details, who consulted it, my data';
const logins = { lea: '1000001', nathalie: '1000003' } as const;
const newAddress = '8 rue des Écoles';
const purpose = 'Vérification de l’adresse avant une mutation';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  let leaId: string;
  let leaEmail: string;

  before(async () => {
    portal = await startPortal();
    const db = portal.server.database.db;
    await seedDemoOrganisation(db, { agents: 300, emailDomain: 'paris.example' });
    await seedPersonalFiles(db, portal.server.app.ctx.keys);
    const lea = await db.selectFrom('agents').select(['id', 'email']).where('badge_number', '=', logins.lea).executeTakeFirstOrThrow();
    leaId = lea.id;
    leaEmail = lea.email;
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  // With E2E_SCREENSHOTS=/some/dir, a picture of every page checked, at 1280 and 360 px.
  const checkPage = (page: Page, where: string) => checkAtBothWidths(page, where, { snapshot: 'whole' });
  const downloaded = async (page: Page, link: string | RegExp) => (await downloadFile(page, page.getByRole('link', { name: link }))).bytes;

  test('Léa asks for her address to be corrected with a proof; Nathalie consults her file with a purpose and accepts; Léa sees both', async () => {
    const lea = await browser.signedIn(logins.lea, '/mon-dossier');
    assert.equal(await heading1(lea, /^Mon dossier$/), 'Mon dossier');
    for (const section of ['État civil', 'Adresse postale', 'Coordonnées personnelles', 'Coordonnées bancaires', 'Situation familiale', 'Carrière', 'Temps de travail']) {
      await lea.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    }
    assert.match(await lea.getByRole('region', { name: 'Coordonnées bancaires' }).innerText(), /•••• •••• •••• \d{4}[\s\S]*SOGEFRPPXXX/);
    await checkPage(lea, 'my file');

    await lea.getByRole('link', { name: 'Demander une correction' }).click();
    await heading1(lea, /^Demandes de correction$/);
    assert.equal(location(lea), '/mon-dossier/corrections');
    await lea.getByText('Vous n’avez fait aucune demande de correction.').waitFor();
    await checkPage(lea, 'my correction requests, none yet');

    await lea.getByLabel('Information à corriger').selectOption({ label: 'Adresse' });
    await lea.getByLabel('Valeur correcte', { exact: true }).fill(newAddress);
    await lea.getByLabel('Commentaire (facultatif)').fill('J’ai déménagé le 1er du mois.');
    await lea.getByLabel('Justificatif (facultatif)').setInputFiles({
      name: 'justificatif-domicile.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await lea.getByRole('button', { name: 'Envoyer la demande' }).click();
    await lea.getByRole('status').filter({ hasText: 'Votre demande est envoyée à votre gestionnaire RH' }).waitFor();
    const request = lea.getByRole('region', { name: 'Mes demandes' }).getByRole('listitem').first();
    assert.match(await request.innerText(), new RegExp(`devient « ${newAddress} »[\\s\\S]*En attente[\\s\\S]*justificatif-domicile\\.pdf`));
    await checkPage(lea, 'my correction requests, one pending');

    const nathalie = await browser.signedIn(logins.nathalie, `/rh/agents/${leaId}`);
    await heading1(nathalie, 'Léa Moreau');
    const file = nathalie.getByRole('region', { name: 'Dossier personnel' });
    await file.getByText('l’agent la voit dans « Qui a consulté mon dossier »').waitFor();
    await file.getByRole('button', { name: 'Consulter le dossier' }).click();
    await file.getByText('Indiquez le motif de la consultation (5 caractères au moins).').waitFor();
    await file.getByLabel('Motif de la consultation').fill(purpose);
    await file.getByRole('button', { name: 'Consulter le dossier' }).click();
    await file.getByText(`Consultation enregistrée, motif : « ${purpose} ».`).waitFor();
    await file.getByRole('heading', { level: 3, name: 'État civil' }).waitFor();
    await checkPage(nathalie, 'HR agent page with the personal file open');

    await nathalie.getByRole('navigation', { name: 'Pages de la gestion RH' }).getByRole('link', { name: 'Demandes de correction' }).click();
    await heading1(nathalie, /^Demandes de correction$/);
    const pending = nathalie.getByRole('listitem').filter({ hasText: 'Léa Moreau' });
    assert.match(await pending.innerText(), new RegExp(`devient « ${newAddress} »[\\s\\S]*J’ai déménagé`));
    const proof = await downloaded(nathalie, /^Télécharger le justificatif \(justificatif-domicile\.pdf/);
    assert.equal(proof.subarray(0, 5).toString(), '%PDF-');
    await checkPage(nathalie, 'pending correction requests');
    await pending.getByRole('button', { name: 'Accepter la demande de Léa Moreau' }).click();
    await nathalie.getByRole('alertdialog').getByRole('button', { name: 'Accepter', exact: true }).click();
    await nathalie.getByText('Demande de Léa Moreau acceptée').waitFor();
    await nathalie.getByText('Aucune demande de correction n’attend votre décision.').waitFor();
    await checkPage(nathalie, 'no pending correction request');

    await lea.reload();
    await heading1(lea, /^Demandes de correction$/);
    await lea.getByRole('region', { name: 'Mes demandes' }).getByText('Acceptée et appliquée').waitFor();
    assert.match(await lea.getByRole('region', { name: 'Mes demandes' }).innerText(), /Traitée le[\s\S]*Nathalie Girard/);
    await lea.getByRole('link', { name: 'Retour à mon dossier' }).click();
    await heading1(lea, /^Mon dossier$/);
    await lea.getByRole('region', { name: 'Adresse postale' }).getByText(newAddress).waitFor();

    await lea.getByRole('link', { name: 'Qui a consulté mon dossier' }).click();
    await heading1(lea, /^Qui a consulté mon dossier$/);
    const consultation = lea.getByRole('row').filter({ hasText: purpose });
    assert.match(await consultation.innerText(), /Nathalie Girard[\s\S]*gestionnaire RH[\s\S]*DASCO/);
    await checkPage(lea, 'who consulted my file');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa changes her IBAN: a wrong one is refused on the field, the right one after her password, with an e-mail', async () => {
    const page = await browser.signedIn(logins.lea, '/mon-dossier/coordonnees-bancaires');
    await heading1(page, /^Coordonnées bancaires$/);
    await checkPage(page, 'bank details');

    const iban = page.getByLabel('IBAN du nouveau compte');
    await iban.fill('FR76 3000 6000 0112 3456 7890 188');
    await page.getByLabel('BIC', { exact: true }).fill('AGRIFRPP');
    await page.getByRole('button', { name: 'Enregistrer le nouveau compte' }).click();
    await page.getByText('Cet IBAN n’est pas valide').waitFor();
    assert.equal(await iban.getAttribute('aria-invalid'), 'true');
    assert.match(await iban.evaluate((input) => input.getAttribute('aria-describedby') ?? ''), /\S/);
    await checkPage(page, 'bank details with a wrong IBAN');

    // More than 5 minutes after signing in, the password is asked again.
    portal.server.clock.advance(6 * 60_000);
    await iban.fill('FR76 3000 6000 0112 3456 7890 189');
    await page.getByRole('button', { name: 'Enregistrer le nouveau compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmez votre identité' });
    await dialog.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Nouveau compte enregistré' });
    await saved.waitFor();
    assert.match(await saved.innerText(), /à partir de la paie de \p{L}+ \d{4}[\s\S]*e-mail de confirmation/u);
    await page.getByText(/Nouveau compte •••• •••• •••• 0189, utilisé à partir de la paie de/).waitFor();
    await checkPage(page, 'bank details changed');

    const mails = await portal.server.database.db.selectFrom('outbox_messages').select(['subject', 'body']).where('recipient', '=', leaEmail).execute();
    const mail = mails.find((m) => m.subject === 'Vos coordonnées bancaires ont été modifiées');
    assert.ok(mail, 'the confirmation e-mail is in the outbox');
    assert.match(mail.body, /se terminant par 0189/);
    assert.deepEqual(browser.problems, []);
  });

  test('Léa downloads all her data as JSON and PDF; the request is recorded', async () => {
    const page = await browser.signedIn(logins.lea, '/mon-dossier/mes-donnees');
    await heading1(page, /^Mes données$/);
    await page.getByText('Chaque téléchargement est enregistré comme une demande d’accès').waitFor();
    await checkPage(page, 'my data');

    const data = JSON.parse((await downloaded(page, 'Mes données en JSON')).toString('utf8'));
    assert.equal(data.agent.badgeNumber, logins.lea);
    assert.equal(data.personalFile.address.addressLine1, newAddress);
    const pdf = await downloaded(page, 'Mes données en PDF');
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    const requests = await portal.server.database.db.selectFrom('data_access_requests').select('format').where('agent_id', '=', leaId).execute();
    assert.deepEqual(requests.map((r) => r.format).sort(), ['json', 'pdf']);

    // The file in English: French records (nationality, work cycle) keep their language.
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Back to my file' }).click();
    await heading1(page, /^My file$/);
    await page.getByRole('heading', { level: 2, name: 'Working time' }).waitFor();
    assert.equal(await page.getByText('hebdomadaire', { exact: true }).getAttribute('lang'), 'fr');
    await checkPage(page, 'my file in English');
    assert.deepEqual(browser.problems, []);
  });

  test('an HR officer of another department does not find Léa', async () => {
    const db = portal.server.database.db;
    const outsider = await db
      .selectFrom('role_assignments as r')
      .innerJoin('departments as d', 'd.id', 'r.department_id')
      .innerJoin('agents as a', 'a.id', 'r.agent_id')
      .select(['a.id', 'a.badge_number'])
      .where('r.role', '=', 'hr_officer')
      .where('d.code', '=', 'CASVP')
      .where('a.status', '=', 'active')
      .orderBy('a.badge_number')
      .executeTakeFirstOrThrow();
    // Demo officers other than Nathalie still have their first password: as if they had already chosen theirs.
    await db.updateTable('accounts').set({ password_temporary: false }).where('agent_id', '=', outsider.id).execute();
    const page = await browser.signedIn(outsider.badge_number, `/rh/agents/${leaId}`);
    await page.getByText('Cette fiche n’existe pas, ou elle ne fait pas partie de votre périmètre.').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Dossier personnel' }).count(), 0);
    assert.deepEqual(browser.problems, []);
  });
});
