import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoTelework } from '../src/server/modules/telework/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, type Portal, startPortal } from './support/portal.ts';

const suite = 'telework: requests within the legal bounds, the manager’s answer after an interview, floating days';
const logins = { agent: '1000001', manager: '1000002' } as const;
// The portal's clock says Monday 23 November 2026.

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    // A small demo gives Karim only Léa: a reception agent joins his team, whose request the demo files.
    const karim = await db().selectFrom('agents').select('id').where('badge_number', '=', logins.manager).executeTakeFirstOrThrow();
    const colleague = await db()
      .selectFrom('agents as a')
      .innerJoin('job_profiles as p', 'p.id', 'a.job_profile_id')
      .select('a.id')
      .where('p.code', '=', 'agent-accueil')
      .orderBy('a.badge_number')
      .executeTakeFirstOrThrow();
    await db().updateTable('agents').set({ manager_id: karim.id }).where('id', '=', colleague.id).execute();
    await seedDemoTelework(db(), portal.server.clock.now());
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const onTelework = (badge: string) => browser.signedIn(badge, '/teletravail', { heading: /^Télétravail$/ });
  const weekday = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
  const success = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  async function request(page: Page, days: string[], startsOn: string, floating?: { days: string; per: string }) {
    for (const name of ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi']) {
      const box = weekday(page, name);
      if ((await box.isChecked()) !== days.includes(name)) await box.click({ force: true });
    }
    await page.getByLabel('Jours flottants', { exact: true }).fill(floating?.days ?? '0');
    if (floating) await page.getByLabel('Période du quota').selectOption({ label: floating.per });
    await page.getByLabel('Date de début').fill(startsOn);
    const statement = page.getByRole('checkbox', { name: /^J’atteste que mon lieu de télétravail est adapté/ });
    if (!(await statement.isChecked())) await statement.click({ force: true });
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  }

  async function decide(page: Page) {
    const karim = await onTelework(logins.manager);
    await karim.getByRole('heading', { name: 'Demandes de mon équipe' }).waitFor();
    return karim ?? page;
  }

  test('Léa asks for two fixed days; four are refused by the form with the reason; Karim refuses after an interview', async () => {
    const lea = await onTelework(logins.agent);
    await lea.getByText('Vous n’avez pas de télétravail en cours.').waitFor();
    await lea.getByText(/Au plus 3 jours de télétravail par semaine et au moins 2 jours sur site/).waitFor();
    await checkAtBothWidths(lea, 'telework page, nothing yet');

    await request(lea, ['Lundi', 'Mardi', 'Mercredi', 'Jeudi'], '2026-12-07');
    const group = lea.getByRole('group', { name: 'Jours fixes de télétravail' });
    await group.getByText('Vous demandez 4 jours de télétravail par semaine : 3 jours au plus. Il vous resterait 1 jour sur site par semaine : 2 jours au moins.').waitFor();
    await checkAtBothWidths(lea, 'telework request refused by the form');
    const stored = await db().selectFrom('telework_arrangements').select('request_id').execute();

    await request(lea, ['Lundi', 'Jeudi'], '2026-12-07');
    await success(lea, 'Demande envoyée. Votre encadrant doit vous répondre au plus tard le 23 décembre 2026.');
    assert.equal((await db().selectFrom('telework_arrangements').select('request_id').execute()).length, stored.length + 1, 'one request filed');
    const card = lea.getByRole('listitem').filter({ hasText: 'Télétravail : lundi et jeudi, à partir du 7 décembre 2026' });
    await card.getByText('30 jours pour répondre').waitFor();
    await checkAtBothWidths(lea, 'telework request pending');

    const karim = await decide(lea);
    const team = karim.getByRole('list', { name: 'Demandes de télétravail à examiner' });
    await team.getByRole('listitem').filter({ hasText: 'Léa Moreau' }).waitFor();
    assert.equal(await team.getByRole('listitem').count(), 2, 'Léa’s request and the one of the demo');
    await checkAtBothWidths(karim, 'manager’s telework page');
    await karim.getByRole('button', { name: 'Refuser après entretien la demande de Léa Moreau' }).click();
    const dialog = karim.getByRole('dialog', { name: 'Refuser la demande de télétravail de Léa Moreau' });
    await dialog.getByLabel('Participants à l’entretien').fill('Karim Benali (encadrant), Léa Moreau');
    await dialog.getByLabel('Motifs du refus').fill('Présence nécessaire le lundi pour l’accueil des familles');
    await checkAtBothWidths(karim, 'telework refusal dialog');
    await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
    await success(karim, 'Demande de Léa Moreau refusée. L’agent en est informé, avec vos motifs et l’entretien.');

    await lea.reload();
    const refused = lea.getByRole('listitem').filter({ hasText: 'Télétravail : lundi et jeudi' });
    await refused.getByText('Refusée', { exact: true }).waitFor();
    await refused.getByText('Présence nécessaire le lundi pour l’accueil des familles').waitFor();
    await refused.getByText('le 23 novembre 2026, avec Karim Benali (encadrant), Léa Moreau').waitFor();
    assert.deepEqual(browser.problems, []);
  });

  test('Léa asks again for a Monday and floating days; Karim approves; Léa books a floating day', async () => {
    const lea = await onTelework(logins.agent);
    await request(lea, ['Lundi'], '2026-11-23', { days: '2', per: 'par mois' });
    await success(lea, /^Demande envoyée/);

    const karim = await decide(lea);
    await karim.getByRole('button', { name: 'Accepter la demande de Léa Moreau' }).click();
    const confirm = karim.getByRole('alertdialog', { name: 'Accepter la demande de télétravail de Léa Moreau ?' });
    await confirm.getByRole('button', { name: 'Accepter', exact: true }).click();
    await success(karim, 'Demande de Léa Moreau acceptée. L’agent en est informé.');
    await karim.getByRole('heading', { name: 'Télétravail en cours dans mon équipe' }).waitFor();
    await checkAtBothWidths(karim, 'manager’s telework page after approval');

    await lea.reload();
    await heading1(lea, /^Télétravail$/);
    await lea.getByText('2 jours ce mois-ci').waitFor();
    await lea.getByRole('button', { name: 'Réserver le jeudi 26 novembre 2026' }).click();
    await success(lea, 'Jour flottant réservé le jeudi 26 novembre 2026.');
    await lea.getByRole('button', { name: 'Libérer le jeudi 26 novembre 2026' }).waitFor();
    await lea.getByText('1 jour ce mois-ci').waitFor();
    await checkAtBothWidths(lea, 'telework page with a floating day booked');
    assert.deepEqual(browser.problems, []);
  });
});
