import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromOutside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';
import { totpCode } from './support/totp.ts';

const suite = 'first sign-in with a temporary password, from outside the city network';
const newPassword = 'Velours-Cerisier-Lampadaire-91';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  // The key the agent typed into their app, as the page showed it.
  let secret: string;

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db, { temporaryPassword: true });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    problems = await collectPageProblems(page);
    await page.setExtraHTTPHeaders(fromOutside);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const rule = (id: string) => page.locator(`[data-rule="${id}"]`);

  test('signs in with the temporary password and is asked to choose a new one at once', async () => {
    assert.equal(await open(page, `${portal.baseUrl}/connexion`), 'Connexion');
    assert.match(await page.getByRole('main').innerText(), /7 chiffres/);
    assert.match(await page.getByRole('main').innerText(), /bloqué pendant 30 minutes/);
    await assertAccessible(page, '/connexion');

    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Choisissez un nouveau mot de passe'), 'Choisissez un nouveau mot de passe');
    assert.equal(location(page), '/connexion/nouveau-mot-de-passe');
    await assertAccessible(page, '/connexion/nouveau-mot-de-passe');
  });

  test('ticks the password rules live as the agent types, reason by reason, in words', async () => {
    await page.getByLabel('Mot de passe actuel (ou provisoire)').fill(KNOWN_PASSWORD);
    const field = page.getByLabel('Nouveau mot de passe', { exact: true });

    await field.fill('court');
    await waitForRule(page, 'composition', 'failed');
    assert.match(await rule('composition').innerText(), /^\W*Non respectée/);
    await waitForRule(page, 'strength', 'failed');

    await field.fill(`${agent.lastName}-Tournesol-2026!`);
    await waitForRule(page, 'personal_information', 'failed');
    assert.match(await rule('personal_information').innerText(), /Non respectée\s*:\s*ne contient ni votre nom/);
    await waitForRule(page, 'composition', 'ok');

    await field.fill('Azertyuiop123!');
    // Long and varied enough for the local rules, but the server's dictionary knows it.
    await waitForRule(page, 'common_password', 'failed');

    await field.fill(newPassword);
    for (const id of ['composition', 'strength', 'personal_information', 'common_password']) await waitForRule(page, id, 'ok');
    assert.match(await rule('composition').innerText(), /Respectée/);
    assert.equal(await rule('reused').getAttribute('data-state'), 'later');
    await page.getByText('Les 4 règles vérifiées sont respectées.').waitFor();
    assert.equal(await page.locator('.password-rules [aria-live="polite"]').count(), 1);
    await assertAccessible(page, 'the rules, all met');
  });

  test('refuses a confirmation that differs, then saves the new password and asks to protect the account', async () => {
    const confirmation = page.getByLabel('Confirmation du nouveau mot de passe');
    await confirmation.fill('Autre-chose-entierement-99');
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await page.getByText('Les deux mots de passe ne sont pas identiques.').waitFor();
    assert.equal(location(page), '/connexion/nouveau-mot-de-passe');

    await confirmation.fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    assert.equal(await heading1(page, 'Protégez votre compte'), 'Protégez votre compte');
    assert.equal(location(page), '/connexion/double-authentification');
    assert.match(await page.getByRole('main').innerText(), /ANSSI recommande une application d’authentification ou une clé d’accès/);
    // The temporary password was just used: no enrolment code is asked, even from outside.
    assert.equal(await page.getByLabel('Code d’enrôlement').count(), 0);
    await assertAccessible(page, '/connexion/double-authentification');
  });

  test('enrols the authenticator app from the key shown on the page, and shows the recovery codes once', async () => {
    assert.equal(await page.getByRole('radio', { name: /Application d’authentification \(recommandée\)/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Afficher le QR code' }).click();
    await page.getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' }).waitFor();
    secret = await page.getByTestId('totp-secret').innerText();
    assert.match(secret, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await assertAccessible(page, 'the authenticator app enrolment');

    await page.getByRole('textbox', { name: 'Code à 6 chiffres' }).fill(totpCode(secret, portal.server.clock.now()));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    assert.equal(await page.getByRole('link', { name: 'Télécharger (fichier texte)' }).getAttribute('download'), 'nomades-codes-de-secours.txt');
    await assertAccessible(page, 'the recovery codes');

    const proceed = page.getByRole('button', { name: 'Continuer vers le portail' });
    assert.equal(await proceed.isDisabled(), true);
    await page.getByText('J’ai conservé mes codes de secours en lieu sûr').click();
    await proceed.click();
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);
    assert.equal(location(page), '/');
    assert.match(await page.getByRole('banner').innerText(), new RegExp(`${agent.firstName} ${agent.lastName}`));
    assert.match(await page.getByRole('main').innerText(), /Direction DASCO/);
    await assertAccessible(page, 'the signed-in home page');
  });

  test('signs out, then in again from outside with a fresh code from the app', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading1(page, /^Connexion$/);
    await page.getByText('Vous êtes déconnecté').waitFor();

    await signIn(page, agent.email, newPassword);
    assert.equal(await heading1(page, 'Vérification en deux étapes'), 'Vérification en deux étapes');
    assert.equal(location(page), '/connexion/verification');
    const codeField = page.getByRole('textbox', { name: 'Code à 6 chiffres' });
    assert.equal(await codeField.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await codeField.getAttribute('inputmode'), 'numeric');
    await assertAccessible(page, '/connexion/verification');

    // The code used for the enrolment cannot serve again: the app shows the next one 30 seconds later.
    portal.server.clock.advance(30_000);
    await codeField.fill(totpCode(secret, portal.server.clock.now()));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);
  });

  test('shows both sign-ins and the second-factor success in the connection history', async () => {
    await page.getByRole('link', { name: 'Historique de connexion' }).click();
    assert.equal(await heading1(page, 'Historique de connexion'), 'Historique de connexion');
    assert.equal(location(page), '/compte/historique');
    const table = page.getByRole('table', { name: 'Événements de connexion, du plus récent au plus ancien' });
    await table.waitFor();
    const signIns = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Connexion', exact: true }) });
    assert.equal(await signIns.count(), 2);
    for (const row of await signIns.all()) assert.match(await row.innerText(), /Réussite/);
    const verification = table.getByRole('row').filter({ hasText: 'Vérification en deux étapes' });
    assert.equal(await verification.count(), 1);
    assert.match(await verification.innerText(), /application d’authentification[\s\S]*Réussite[\s\S]*Hors du réseau de la collectivité[\s\S]*203\.0\.113\.7/);
    assert.match(await table.innerText(), /Mot de passe changé/);
    assert.match(await table.innerText(), /Méthode de vérification ajoutée/);
    assert.match(await table.innerText(), /23 nov\. 2026/);
    await assertAccessible(page, '/compte/historique');
  });

  test('raises no console error and no Content-Security-Policy violation during the whole journey', () => {
    assert.deepEqual(problems, []);
  });
});

async function waitForRule(page: Page, id: string, state: string): Promise<void> {
  await page.locator(`[data-rule="${id}"][data-state="${state}"]`).waitFor();
}
