import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { registerRequestKind, submitRequest } from '../src/server/modules/requests/index.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, type Portal, startPortal } from './support/portal.ts';

const suite = 'requests: the manager’s inbox, decisions, live notifications and delegation';
const logins = { agent: '1000001', manager: '1000002', hr: '1000003' } as const;
const htmlReason = '<img src=x onerror=alert(1)> Service en sous-effectif ce jour-là';

// No kind has its own submission page here: a simple kind of the test's own, filed with the engine directly.
registerRequestKind({ kind: 'e2e_simple', label: 'Demande d’essai', hrStep: false, bulkApprovable: true, pageOf: (id) => `/demandes/${id}` });

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  let leaId: string;
  let leaPage: Page;
  let nathaliePage: Page;
  const db = () => portal.server.database.db;
  let keys = 0;

  /** Léa files a request, one minute after the previous one (the inbox shows the oldest first). */
  async function leaAsks(summary: string, answerDueOn?: string): Promise<void> {
    portal.server.clock.advance(60_000);
    await submitRequest(portal.server.app.ctx, { agentId: leaId, kind: 'e2e_simple', summary, idempotencyKey: `e2e-${(keys += 1)}`, answerDueOn }, async () => {});
  }

  const daysFromToday = (days: number) => new Date(portal.server.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    leaId = (await db().selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow()).id;
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  /** Waits until `condition` holds on the server's side, for what the page does in the background. */
  async function eventually(condition: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !condition(); waited += 100) {
      assert.ok(waited < 15_000, `still not ${what} after 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const bell = (page: Page, name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });

  test('Karim finds Léa’s two requests in his inbox, approves one in a batch and refuses the other; Léa’s bell counts up while her page is open', async () => {
    await leaAsks('Journée de formation du 1er décembre 2026', daysFromToday(5));
    await leaAsks('Réunion d’équipe du 3 décembre 2026');

    leaPage = await browser.signedIn(logins.agent, '/demandes');
    await heading1(leaPage, /^Mes demandes$/);
    await leaPage.getByText('2 demandes.').waitFor();
    await leaPage.getByRole('link', { name: 'Demande d’essai : Réunion d’équipe du 3 décembre 2026' }).waitFor();
    await bell(leaPage, 'Notifications, aucune non lue').waitFor();
    await checkAtBothWidths(leaPage, 'my requests');

    const karim = await browser.signedIn(logins.manager, '/validations');
    await heading1(karim, /^Demandes à valider$/);
    await karim.getByText('2 demandes attendent votre réponse.').waitFor();
    const cards = karim.getByRole('list', { name: 'Demandes qui attendent votre réponse' }).getByRole('listitem');
    assert.equal(await cards.count(), 2);
    assert.match(await cards.nth(0).innerText(), /Journée de formation/, 'the oldest first');
    await cards.nth(0).getByText('5 jours pour répondre').waitFor();
    await bell(karim, 'Notifications, 2 non lues').waitFor();
    await checkAtBothWidths(karim, 'inbox');

    await karim.getByRole('checkbox', { name: /^Choisir pour accepter en lot la demande de Léa Moreau \(Demande d’essai : Journée de formation/ }).check({ force: true });
    await karim.getByRole('button', { name: 'Accepter la demande choisie' }).click();
    const confirm = karim.getByRole('alertdialog', { name: 'Accepter cette demande ?' });
    await confirm.getByText('Léa Moreau, Demande d’essai : Journée de formation du 1er décembre 2026').waitFor();
    await confirm.getByRole('button', { name: 'Accepter', exact: true }).click();
    const report = karim.getByRole('status').filter({ hasText: '1 demande acceptée.' });
    await report.getByText('Léa Moreau, Demande d’essai : acceptée').waitFor();
    await karim.getByText('1 demande attend votre réponse.').waitFor();
    await bell(leaPage, 'Notifications, 1 non lue').waitFor();

    portal.server.clock.advance(60_000);
    await karim.getByRole('link', { name: 'Examiner la demande de Léa Moreau (Demande d’essai)' }).click();
    await heading1(karim, /^Demande d’essai$/);
    await karim.getByText('Réunion d’équipe du 3 décembre 2026').waitFor();
    await checkAtBothWidths(karim, 'a request to decide');
    await karim.getByRole('button', { name: 'Refuser', exact: true }).click();
    const refusal = karim.getByRole('dialog', { name: 'Refuser la demande de Léa Moreau ?' });
    await refusal.getByRole('button', { name: 'Refuser', exact: true }).click();
    await refusal.getByText('Indiquez le motif (5 caractères au moins).').waitFor();
    await refusal.getByLabel('Motif du refus').fill(htmlReason);
    await refusal.getByRole('button', { name: 'Refuser', exact: true }).click();
    await karim.getByText('Demande refusée. L’agent en est informé, avec votre motif.').waitFor();
    await karim.getByText('Refusée par Karim Benali').waitFor();
    await bell(leaPage, 'Notifications, 2 non lues').waitFor();
    assert.equal(await leaPage.getByRole('status').filter({ hasText: 'Nouvelle notification : 2 non lues.' }).count(), 1, 'the new count is told to screen readers');

    await karim.getByRole('link', { name: 'Retour aux demandes à valider' }).click();
    await heading1(karim, /^Demandes à valider$/);
    await karim.getByText('Aucune demande n’attend votre réponse.', { exact: false }).waitFor();
    await checkAtBothWidths(karim, 'empty inbox');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa reads both notifications, marks them all read, chooses a daily digest, and reads the refusal’s reason as typed', async () => {
    await bell(leaPage, 'Notifications, 2 non lues').click();
    await heading1(leaPage, /^Notifications$/);
    await leaPage.getByText('2 notifications, dont 2 non lues.').waitFor();
    const titles = await leaPage.getByRole('heading', { level: 3 }).allInnerTexts();
    assert.deepEqual(
      titles.map((title) => title.replace(/\s+/g, ' ').trim()),
      ['Non lue Demande d’essai refusée', 'Non lue Demande d’essai acceptée'],
      'newest first, both unread',
    );
    await checkAtBothWidths(leaPage, 'notifications');

    await leaPage.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await leaPage.getByText('Toutes les notifications sont marquées comme lues.').waitFor();
    await bell(leaPage, 'Notifications, aucune non lue').waitFor();
    await leaPage.getByText('2 notifications, dont 0 non lue.').waitFor();

    await leaPage.getByRole('radio', { name: /^Un résumé par jour/ }).check({ force: true });
    await leaPage.getByText('Préférence enregistrée : un résumé par jour.').waitFor();
    const preference = await db().selectFrom('notification_preferences').select('email').where('agent_id', '=', leaId).executeTakeFirst();
    assert.equal(preference?.email, 'daily_digest');

    await leaPage.getByRole('link', { name: 'Ouvrir : Demande d’essai refusée' }).click();
    await heading1(leaPage, /^Demande d’essai$/);
    const reason = leaPage.locator('.request-reason');
    assert.equal(await reason.innerText(), htmlReason, 'the reason reads as typed');
    assert.equal(await leaPage.locator('main img').count(), 0, 'no element made of it');
    await leaPage.getByText('Refusée par Karim Benali').waitFor();
    await leaPage.getByRole('link', { name: 'Toutes mes demandes' }).waitFor();
    await checkAtBothWidths(leaPage, 'a refused request');
    assert.deepEqual(browser.problems, []);
  });

  test('Karim delegates his approvals to Nathalie for today; she finds Léa’s next request in her inbox on his behalf', async () => {
    const today = portal.server.clock.now().toISOString().slice(0, 10);
    const karim = await browser.signedIn(logins.manager, '/validations/delegations');
    await heading1(karim, /^Délégations de validation$/);
    const badge = karim.getByRole('textbox', { name: 'Numéro de badge du collègue' });
    await badge.fill('1999999');
    await karim.getByLabel('Du', { exact: true }).fill(today);
    await karim.getByLabel('Au (inclus)').fill(today);
    await karim.getByRole('button', { name: 'Déléguer' }).click();
    await karim.getByText('aucun agent en activité ne porte ce numéro de badge').waitFor();
    await checkAtBothWidths(karim, 'delegation refused');

    await badge.fill(logins.hr);
    await karim.getByRole('button', { name: 'Déléguer' }).click();
    await karim.getByText('Vos validations sont confiées à Nathalie Girard.').waitFor();
    await karim.getByText('À Nathalie Girard (badge 1000003)').waitFor();
    await karim.getByText('Le 23 novembre 2026').waitFor();
    await checkAtBothWidths(karim, 'delegations');

    await leaAsks('Formation incendie du 8 décembre 2026');
    const nathalie = (nathaliePage = await browser.signedIn(logins.hr, '/validations'));
    const card = nathalie.getByRole('listitem').filter({ hasText: 'Formation incendie du 8 décembre 2026' });
    await card.getByText('pour le compte de Karim Benali').waitFor();
    await checkAtBothWidths(nathalie, 'inbox by delegation');
    await card.getByRole('link', { name: 'Examiner la demande de Léa Moreau (Demande d’essai)' }).click();
    await heading1(nathalie, /^Demande d’essai$/);
    await nathalie.getByRole('button', { name: 'Accepter', exact: true }).click();
    await nathalie.getByRole('alertdialog').getByRole('button', { name: 'Accepter', exact: true }).click();
    await nathalie.getByText('Demande acceptée. L’agent en est informé.').waitFor();
    const approval = nathalie.getByRole('listitem').filter({ hasText: 'Acceptée par Nathalie Girard' });
    await approval.getByText('par délégation').waitFor();
    assert.deepEqual(browser.problems, []);
  });

  test('the bell lets go of its live stream when the agent signs out, and stops trying once the server refuses it', async () => {
    const live = portal.server.app.ctx.live;
    const open = live.openStreams();
    await leaPage.getByRole('button', { name: 'Se déconnecter' }).click();
    await leaPage.waitForURL((url) => url.pathname === '/connexion');
    await eventually(() => live.openStreams() === open - 1, 'closed on sign-out');

    // Nathalie's session has ended meanwhile: the stream, cut, is refused when the browser comes back.
    const attempts: number[] = [];
    nathaliePage.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/me/notifications/stream') attempts.push(Date.now());
    });
    await nathaliePage.route('**/api/me/notifications/stream', (route) =>
      route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Session expirée', status: 401, code: 'unauthenticated' }) }),
    );
    await live.close();
    await eventually(() => attempts.length >= 2, 'refused twice (the browser’s own retry, then the check of why)');
    await nathaliePage.waitForTimeout(7_000); // longer than the retry delay the server asks for (5 s)
    assert.equal(attempts.length, 2, 'no more attempts once refused with 401');
    assert.deepEqual(browser.problems, []);
  });
});
