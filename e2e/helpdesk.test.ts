import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoRecords } from '../src/server/seed/demo-records.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'helpdesk: the locked-out form, an agent’s ticket, support’s queue, the solution confirmed and rated';
const logins = { lea: '1000001', yasmina: '1000005' } as const;
const ticketTitle = 'Le VPN refuse mon code depuis ce matin';
const privateNote = 'Certificat du poste expiré, à renouveler côté infrastructure.';
// A label / value pair of the ticket's facts.
const fact = (page: Page, label: string) => page.locator('.facts__item').filter({ has: page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
const publicAnswer = 'Votre certificat a été renouvelé : reconnectez-vous au VPN.';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;
  const ticketsOf = async (badge: string) => {
    const agent = await db().selectFrom('agents').select('id').where('badge_number', '=', badge).executeTakeFirst();
    if (!agent) return [];
    return db().selectFrom('helpdesk_tickets').selectAll().where('agent_id', '=', agent.id).execute();
  };

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    await seedDemoRecords(db(), portal.server.app.ctx.config, portal.server.clock.now());
    const yasmina = await db().selectFrom('agents').select('id').where('badge_number', '=', logins.yasmina).executeTakeFirstOrThrow();
    await db().updateTable('accounts').set({ password_temporary: false }).where('agent_id', '=', yasmina.id).execute();
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  async function askForHelp(page: Page, badge: string): Promise<void> {
    await open(page, `${portal.baseUrl}/connexion`);
    await page.getByRole('link', { name: /^Je n’arrive pas à me connecter\s*: demander de l’aide$/ }).click();
    await page.waitForURL((url) => url.pathname === '/connexion/aide');
    await heading1(page, /^Je n’arrive pas à me connecter$/);
    await page.getByLabel('Matricule (7 chiffres)').fill(badge);
    await page.getByLabel('Téléphone pour vous rappeler').fill('06 12 34 56 78');
    await page.getByLabel('Que se passe-t-il ?').fill('Mon compte semble bloqué depuis ce matin.');
    await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
    await page.getByRole('heading', { level: 2, name: 'Demande transmise' }).waitFor();
    await page.getByText('Votre demande est transmise au support informatique. Si ce matricule correspond à un compte, un technicien vous rappellera au numéro ou à l’adresse indiqués.').waitFor();
  }

  test('signed out, Léa’s badge and an unknown badge get the same answer; only Léa’s files a callback ticket', async () => {
    const page = await browser.newPage();
    await open(page, `${portal.baseUrl}/connexion/aide`);
    await heading1(page, /^Je n’arrive pas à me connecter$/);
    await page.getByRole('button', { name: 'Demander à être rappelé' }).click();
    await page.getByText('Indiquez un téléphone ou une adresse e-mail.').waitFor();
    await checkAtBothWidths(page, 'cannot sign in, errors shown');

    await askForHelp(page, logins.lea);
    await checkAtBothWidths(page, 'cannot sign in, sent');
    await askForHelp(page, '9999999');

    const lea = await ticketsOf(logins.lea);
    assert.equal(lea.length, 1, 'Léa’s badge files one ticket');
    assert.equal(lea[0]!.callback_requested, true);
    assert.equal(lea[0]!.callback_phone, '06 12 34 56 78');
    assert.equal(await db().selectFrom('helpdesk_tickets').select('id').execute().then((rows) => rows.length), 1, 'the unknown badge files nothing');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa files a ticket about signing in and finds it among her requests', async () => {
    const page = await browser.signedIn(logins.lea, '/aide/demande', { heading: /^Demander de l’aide$/ });
    await checkAtBothWidths(page, 'new ticket');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByLabel('Titre').and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByLabel('Catégorie').selectOption({ label: 'Connexion' });
    await page.getByLabel('Urgence pour vous').selectOption({ label: 'Haute' });
    await page.getByLabel('Titre').fill(ticketTitle);
    await page.getByLabel('Description', { exact: false }).fill('Le message « code incorrect » s’affiche à chaque essai depuis 8 h.');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/aide/tickets/'));
    await heading1(page, new RegExp(`^Demande n° \\d+ : ${ticketTitle}$`));
    await page.getByText('Pas encore de réponse du support.').waitFor();
    await checkAtBothWidths(page, 'Léa’s ticket, new');

    await open(page, `${portal.baseUrl}/aide/demande`);
    await page.getByRole('region', { name: 'Mes demandes d’assistance' }).getByRole('link', { name: new RegExp(ticketTitle) }).waitFor();
    assert.equal((await ticketsOf(logins.lea)).length, 2);
    assert.deepEqual(browser.problems, []);
  });

  test('Yasmina (IT support) opens it from the queue, reads Léa’s account, takes it, answers privately and publicly, and solves it', async () => {
    const page = await browser.signedIn(logins.yasmina, '/assistance/tickets', { heading: /^Demandes d’assistance$/ });
    const queue = page.getByRole('list', { name: 'Demandes d’assistance' });
    await queue.getByRole('link', { name: new RegExp(ticketTitle) }).waitFor();
    await checkAtBothWidths(page, 'support queue');

    await queue.getByRole('link', { name: new RegExp(ticketTitle) }).click();
    await heading1(page, new RegExp(`^Demande n° \\d+ : ${ticketTitle}$`));
    const account = page.getByRole('region', { name: 'État du compte' });
    await account.getByRole('link', { name: 'Ouvrir la fiche du compte dans la console' }).waitFor();
    await account.getByText('Actif').waitFor();
    await checkAtBothWidths(page, 'support ticket, new');

    await page.getByRole('button', { name: 'Prendre la demande' }).click();
    await page.getByText('Enregistré.').waitFor();
    await fact(page, 'Attribuée à').getByText('Yasmina Haddad').waitFor();

    const message = page.locator('form').filter({ has: page.getByLabel('Visibilité') });
    await message.getByLabel('Ajouter un message').fill(privateNote);
    await message.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Message envoyé.').waitFor();
    await page.getByRole('listitem').filter({ hasText: privateNote }).getByText(/^Privé ·/).waitFor();
    await message.getByLabel('Visibilité').selectOption({ label: 'Public (l’agent le lit)' });
    await message.getByLabel('Ajouter un message').fill(publicAnswer);
    await message.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText(publicAnswer).waitFor();

    await page.getByLabel('Nouveau statut').selectOption({ label: 'Résolue' });
    await page.getByLabel('Message à l’agent (obligatoire pour une solution)').fill('Certificat renouvelé, le VPN accepte de nouveau votre code.');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.getByText('Enregistré.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Certificat renouvelé' }).getByText(/^Solution proposée ·/).waitFor();
    await fact(page, 'Statut').getByText('Résolue').waitFor();
    await checkAtBothWidths(page, 'support ticket, solved');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa reads the public answer only, confirms the solution and rates it', async () => {
    const [mine] = (await ticketsOf(logins.lea)).filter((t) => t.title === ticketTitle);
    assert.equal(mine!.status, 'solved');
    const page = await browser.signedIn(logins.lea, `/aide/tickets/${mine!.id}`, { heading: new RegExp(`^Demande n° \\d+ : ${ticketTitle}$`) });
    await page.getByText(publicAnswer).waitFor();
    assert.equal(await page.getByText(privateNote).count(), 0, 'Léa does not read support’s private note');
    await page.getByRole('heading', { level: 2, name: 'Solution proposée' }).waitFor();
    await checkAtBothWidths(page, 'Léa’s ticket, solved');

    await page.getByRole('button', { name: 'Oui, clore la demande' }).click();
    await page.getByText('Demande close.').waitFor();
    const rating = page.getByRole('region', { name: 'Votre avis sur le traitement de cette demande' });
    await rating.getByLabel('Note de 1 (mauvais) à 5 (excellent)').selectOption('4');
    await rating.getByLabel('Commentaire (facultatif)').fill('Rapide, merci.');
    await checkAtBothWidths(page, 'Léa’s ticket, closed');
    await rating.getByRole('button', { name: 'Donner mon avis' }).click();
    await page.getByText('Merci pour votre avis (4 sur 5).').first().waitFor();

    const [rated] = (await ticketsOf(logins.lea)).filter((t) => t.title === ticketTitle);
    assert.equal(rated!.status, 'closed');
    assert.equal(rated!.satisfaction, 4);
    assert.equal(rated!.satisfaction_comment, 'Rapide, merci.');
    assert.deepEqual(browser.problems, []);
  });
});
