import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'forgotten password';
const newPassword = 'Horloge-Fougere-Trampoline-58';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let resetLink: string;

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    problems = await collectPageProblems(page);
    await page.setExtraHTTPHeaders(fromInside);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('asks for the identifier and answers the same neutral confirmation whatever the account', async () => {
    await open(page, `${portal.baseUrl}/connexion`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    assert.equal(await heading1(page, 'Mot de passe oublié'), 'Mot de passe oublié');
    assert.equal(location(page), '/mot-de-passe-oublie');
    assert.match(await page.getByRole('main').innerText(), /messagerie professionnelle n’est pas encore active[\s\S]*assistance informatique[\s\S]*mot de passe provisoire/);
    await assertAccessible(page, '/mot-de-passe-oublie');

    await page.getByLabel('Numéro de badge ou adresse électronique professionnelle').fill('7999999');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    const confirmation = page.getByRole('heading', { name: 'Vérifiez votre messagerie professionnelle' });
    await confirmation.waitFor();
    const neutralAnswer = await page.getByRole('main').innerText();
    assert.match(neutralAnswer, /Si un compte correspond à cet identifiant, un lien valable 30 minutes a été envoyé/);

    await open(page, `${portal.baseUrl}/mot-de-passe-oublie`);
    await page.getByLabel('Numéro de badge ou adresse électronique professionnelle').fill(agent.email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await confirmation.waitFor();
    assert.equal(await page.getByRole('main').innerText(), neutralAnswer);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Vérifiez votre messagerie professionnelle');
    await assertAccessible(page, 'the confirmation of a reset request');
  });

  test('the e-mail, also in the demo mailbox, carries the link with its token in the fragment', async () => {
    const message = await portal.server.database.db
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'body'])
      .where('recipient', '=', agent.email)
      .executeTakeFirstOrThrow();
    const link = /(http:\/\/localhost:\d+\/mot-de-passe\/nouveau#jeton=[A-Za-z0-9_-]{43})/.exec(message.body)?.[1];
    assert.ok(link, message.body);
    resetLink = link;

    await page.getByRole('contentinfo').getByRole('link', { name: 'Boîte mail de démonstration' }).click();
    assert.equal(await heading1(page, 'Boîte mail de démonstration'), 'Boîte mail de démonstration');
    const mail = page.getByRole('listitem').filter({ hasText: 'Réinitialisation de votre mot de passe' });
    await mail.waitFor();
    assert.match(await mail.innerText(), new RegExp(agent.email.replace('.', '\\.')));
    await assertAccessible(page, '/dev/boite-mail');
  });

  test('opens the link, takes the token out of the address bar, and lets the agent choose a new password', async () => {
    await page.getByRole('link', { name: resetLink }).click();
    assert.equal(await heading1(page, 'Choisir un nouveau mot de passe'), 'Choisir un nouveau mot de passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).waitFor();
    assert.equal(page.url(), `${portal.baseUrl}/mot-de-passe/nouveau`);
    // No second factor on this account: no code is asked.
    assert.equal(await page.getByRole('textbox', { name: /Code/ }).count(), 0);
    await assertAccessible(page, '/mot-de-passe/nouveau');

    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await page.locator('[data-rule="composition"][data-state="failed"]').waitFor();
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.locator('[data-rule="composition"][data-state="ok"]').waitFor();
    await page.locator('[data-rule="strength"][data-state="ok"]').waitFor();
    assert.equal(await page.locator('[data-rule="common_password"]').getAttribute('data-state'), 'later');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();

    assert.equal(await heading1(page, /^Connexion$/), 'Connexion');
    await page.getByText('Votre mot de passe a été changé').waitFor();
    await assertAccessible(page, 'the sign-in page after a reset');
  });

  test('the old password no longer works; the new one does', async () => {
    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'Identifiant ou mot de passe incorrect' }).waitFor();

    await signIn(page, agent.badgeNumber, newPassword);
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading1(page, /^Connexion$/);
  });

  test('a link that has served says so, in words, and offers to ask again', async () => {
    await open(page, resetLink);
    await page.getByText('Ce lien n’est plus valable').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Faire une nouvelle demande' }).getAttribute('href'), '/mot-de-passe-oublie');
    assert.equal(page.url(), `${portal.baseUrl}/mot-de-passe/nouveau`);
    await assertAccessible(page, 'a used reset link');

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByText('This link is no longer valid').waitFor();
    await page.getByRole('radio', { name: 'Français' }).click();
  });

  test('raises no console error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
