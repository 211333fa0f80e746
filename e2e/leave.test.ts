import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoRecords } from '../src/server/seed/demo-records.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, type Portal, startPortal } from './support/portal.ts';

const suite = 'leave: balances, a request counted before it is sent, the manager’s approval, the team calendar';
const logins = { lea: '1000001', karim: '1000002', nathalie: '1000003' } as const;
// The clock says Monday 23 November 2026: Léa asks for Tuesday 1 to Thursday 3 December.

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    // Personal files, payslips and, among the rest, the demo's leave (seedDemoLeave).
    await seedDemoRecords(db(), portal.server.app.ctx.config, portal.server.clock.now());
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const annualLeave = (page: Page) => page.getByRole('table', { name: 'Soldes de congés 2026, par type' }).getByRole('row', { name: /Congés annuels/ });

  test('Léa reads her balances, sees her 3 days counted before sending, and sends the request once', async () => {
    const page = await browser.signedIn(logins.lea, '/conges');
    await heading1(page, /^Mes congés$/);
    assert.match(await annualLeave(page).innerText(), /25 jours\s+6 jours\s+2 jours\s+17 jours/);
    await checkAtBothWidths(page, 'my leave');

    await page.getByLabel('Premier jour').fill('2026-12-01');
    await page.getByLabel('Dernier jour').fill('2026-12-03');
    const count = page.getByRole('status').filter({ hasText: 'Jours décomptés' });
    await count.getByText('3 jours décomptés (jours fériés et jours non travaillés exclus).').waitFor();
    await count.getByText('Il vous restera 14 jours disponibles.').waitFor();
    await checkAtBothWidths(page, 'my leave, request filled in');

    await page.getByRole('button', { name: 'Envoyer la demande' }).dblclick();
    await page.getByText('Demande envoyée : Congés annuels du 1er au 3 décembre 2026 (3 jours). Votre encadrant en est prévenu.').waitFor();
    assert.match(await annualLeave(page).innerText(), /25 jours\s+6 jours\s+5 jours\s+14 jours/);
    const mine = page.getByRole('table', { name: 'Mes demandes de congé, les plus récentes d’abord' });
    await mine.getByRole('link', { name: /^Voir la demande : du 1 décembre 2026 au 3 décembre 2026$/ }).waitFor();
    const lea = await db().selectFrom('agents').select('id').where('badge_number', '=', logins.lea).executeTakeFirstOrThrow();
    const sent = await db().selectFrom('leave_requests').select('request_id').where('agent_id', '=', lea.id).where('start_date', '=', '2026-12-01').execute();
    assert.equal(sent.length, 1, 'a double click files one request');
    assert.deepEqual(browser.problems, []);
  });

  test('Karim approves it from his inbox; Léa sees the days taken and her balance down by three', async () => {
    const karim = await browser.signedIn(logins.karim, '/validations');
    // Annual leave is simple enough to be approved in a batch (a special absence is read one by one).
    await karim.getByRole('checkbox', { name: /Congés annuels du 1er au 3 décembre 2026 \(3 jours\)/ }).check({ force: true });
    await karim.getByRole('button', { name: 'Accepter la demande choisie' }).click();
    await karim.getByRole('alertdialog', { name: 'Accepter cette demande ?' }).getByRole('button', { name: 'Accepter', exact: true }).click();
    await karim.getByText('1 demande acceptée.').waitFor();

    const page = await browser.signedIn(logins.lea, '/conges');
    assert.match(await annualLeave(page).innerText(), /25 jours\s+9 jours\s+2 jours\s+14 jours/);
    const row = page.getByRole('table', { name: 'Mes demandes de congé, les plus récentes d’abord' }).getByRole('row', { name: /1 décembre 2026/ });
    await row.getByText('Acceptée').waitFor();
    assert.deepEqual(browser.problems, []);
  });

  test('Karim’s team calendar shows Léa on leave, with her leave type, at 1280 px as a table and at 360 px as a list of days', async () => {
    const page = await browser.signedIn(logins.karim, '/conges/equipe?mois=2026-12');
    await heading1(page, /^Calendrier de l’équipe$/);
    await page.getByRole('heading', { level: 2, name: 'décembre 2026' }).waitFor();
    const table = page.getByRole('table', { name: 'Absences et télétravail, décembre 2026' });
    const lea = table.getByRole('row', { name: /Léa Moreau/ });
    assert.equal(await lea.getByText('En congé (Congés annuels)', { exact: true }).count(), 3, '1 to 3 December');
    assert.equal(await lea.getByText('Demande en attente (Congés annuels)', { exact: true }).count(), 2, 'the demo’s 21–22 December, still pending');
    await checkAtBothWidths(page, 'team calendar', { atPhoneWidth: async () => {
      const days = page.getByRole('list', { name: 'Absences et télétravail, décembre 2026' });
      const tuesday = days.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'mardi 1 décembre' }) });
      await tuesday.getByText('Léa Moreau : En congé (Congés annuels)').waitFor();
    } });
    assert.deepEqual(browser.problems, []);
  });

  test('Nathalie (HR) finds Léa by her badge, records a past sick leave and corrects a balance with its reason', async () => {
    const page = await browser.signedIn(logins.nathalie, '/rh/absences');
    await heading1(page, /^Absences$/);
    await page.getByLabel('Numéro de badge').fill(logins.lea);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByRole('heading', { level: 2, name: 'Léa Moreau' }).waitFor();
    assert.match(await annualLeave(page).innerText(), /25 jours\s+9 jours\s+2 jours\s+14 jours/);
    await checkAtBothWidths(page, 'HR absences of Léa');

    const record = page.getByRole('region', { name: 'Enregistrer une absence' });
    await record.getByLabel('Premier jour').fill('2026-11-16');
    await record.getByLabel('Dernier jour').fill('2026-11-18');
    await record.getByRole('button', { name: 'Enregistrer l’absence' }).click();
    await page.getByText('Absence de Léa Moreau enregistrée : du 16 novembre 2026 au 18 novembre 2026. L’agent en est informé.').waitFor();
    await page.getByRole('table', { name: /^Absences enregistrées/ }).getByRole('row', { name: /Arrêt maladie/ }).waitFor();

    const adjust = page.getByRole('region', { name: 'Corriger un solde' });
    await adjust.getByLabel('Jours à ajouter ou retirer').fill('1,5');
    await adjust.getByRole('button', { name: 'Corriger le solde' }).click();
    await adjust.getByText('Indiquez le motif de la correction (5 caractères au moins).').waitFor();
    await adjust.getByLabel('Motif').fill('Report de 2025 autorisé par la direction');
    await adjust.getByRole('button', { name: 'Corriger le solde' }).click();
    await page.getByText('Solde de Léa Moreau corrigé.').waitFor();
    assert.match(await annualLeave(page).innerText(), /26,5 jours\s+9 jours\s+2 jours\s+15,5 jours/);
    await checkAtBothWidths(page, 'HR absences after the correction');
    assert.deepEqual(browser.problems, []);
  });
});
