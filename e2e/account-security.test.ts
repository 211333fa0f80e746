import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'account security pages: sessions, history, "it wasn’t me", password change';
const phoneUserAgent =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const days = (count: number) => count * 86_400_000;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let page: Page;
  let phone: Page;
  let problems: string[];

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db);
    const now = portal.server.clock.now().getTime();
    // An older history: 30 sign-outs ten days ago, and a failed sign-in a hundred days ago.
    await portal.server.database.db
      .insertInto('connection_events')
      .values([
        ...Array.from({ length: 30 }, (_, index) => ({
          agent_id: agent.agentId,
          kind: 'logout',
          result: 'info',
          occurred_at: new Date(now - days(10) - index * 60_000),
          ip: '10.1.2.3',
          network_zone: 'internal',
          detail: null,
        })),
        {
          agent_id: agent.agentId,
          kind: 'sign_in',
          result: 'failure',
          occurred_at: new Date(now - days(100)),
          ip: '198.51.100.23',
          network_zone: 'external',
          detail: 'wrong_password',
        },
      ])
      .execute();
    browser = await launchBrowser();
    problems = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 800 }, userAgent: phoneUserAgent, locale: 'fr-FR', reducedMotion: 'reduce' });
    phone = await phoneContext.newPage();
    phone.setDefaultTimeout(20_000);
    await collectPageProblems(phone, problems);
    await phone.setExtraHTTPHeaders(fromInside);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('lists the open sessions and ends the one on another device, which is then signed out', async () => {
    await open(phone, `${portal.baseUrl}/connexion`);
    await signIn(phone, agent.badgeNumber, KNOWN_PASSWORD);
    await heading1(phone, `Bonjour ${agent.firstName}`);

    await open(page, `${portal.baseUrl}/connexion?retour=${encodeURIComponent('/compte/sessions')}`);
    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Sessions ouvertes'), 'Sessions ouvertes');
    await page.getByText('2 sessions ouvertes.').waitFor();
    const current = page.getByRole('listitem').filter({ hasText: 'Cet appareil' });
    assert.match(await current.innerText(), /Réseau de la collectivité[\s\S]*10\.1\.2\.3/);
    const other = page.getByRole('listitem').filter({ hasText: /Mobile Safari|iOS/ });
    assert.equal(await other.count(), 1);
    await assertAccessible(page, '/compte/sessions');

    await other.getByRole('button', { name: /^Fermer cette session/ }).click();
    await page.getByText(/^La session .* a été fermée\.$/).waitFor();
    await page.getByText('1 session ouverte.').waitFor();

    await phone.getByRole('link', { name: 'Historique de connexion' }).click();
    assert.equal(await heading1(phone, /^Connexion$/), 'Connexion');
    await phone.getByText('Votre session a expiré').waitFor();
  });

  test('pages the history 25 events at a time and filters it by result and period', async () => {
    await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Historique de connexion' }).click();
    await heading1(page, 'Historique de connexion');
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 1 + 25);

    await page.getByRole('button', { name: 'Afficher les événements plus anciens' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 25);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TR');
    assert.equal(await page.getByRole('button', { name: 'Afficher les événements plus anciens' }).count(), 0);
    assert.doesNotMatch(await page.getByRole('table').innerText(), /Échec/);

    await chooseOption(page, 'Résultat', 'Échecs');
    await page.getByText('Aucun événement ne correspond à ces filtres.').waitFor();
    await chooseOption(page, 'Période', '12 derniers mois');
    const failure = page.getByRole('row').filter({ hasText: 'Échec' });
    await failure.waitFor();
    assert.equal(await rows.count(), 2);
    assert.match(await failure.innerText(), /Connexion\s*mot de passe incorrect[\s\S]*Hors du réseau de la collectivité\s*198\.51\.100\.23/);
    await assertAccessible(page, 'the history filtered on failures');
  });

  test('shows the history as a list of cards on a 360 px phone, without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('list', { name: 'Événements de connexion, du plus récent au plus ancien' }).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
    await assertAccessible(page, 'the history on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('table').waitFor();
  });

  test('"it wasn’t me" explains what will happen, then ends every session and asks a new password at the next sign-in', async () => {
    await page.getByRole('button', { name: /^Ce n’était pas moi : Connexion du/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Signaler un événement qui n’était pas vous ?' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /toutes vos sessions seront fermées[\s\S]*nouveau mot de passe[\s\S]*assistance informatique sera alertée/);
    await assertAccessible(page, 'the "it wasn’t me" dialog');
    await dialog.getByRole('button', { name: 'Oui, ce n’était pas moi' }).click();

    assert.equal(await heading1(page, /^Connexion$/), 'Connexion');
    assert.equal(location(page), '/connexion');
    await page.getByText('Votre signalement a été enregistré').waitFor();
    const alert = await portal.server.database.db.selectFrom('security_alerts').select(['kind', 'detail']).where('agent_id', '=', agent.agentId).executeTakeFirstOrThrow();
    assert.equal(alert.kind, 'not_me');

    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Choisissez un nouveau mot de passe'), 'Choisissez un nouveau mot de passe');
  });

  test('refuses the current password as the new one, with the reason in the rules, then accepts a new one', async () => {
    await page.getByLabel('Mot de passe actuel (ou provisoire)').fill(KNOWN_PASSWORD);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(KNOWN_PASSWORD);
    await page.locator('[data-rule="common_password"][data-state="ok"]').waitFor();
    await page.getByLabel('Confirmation du nouveau mot de passe').fill(KNOWN_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await page.getByRole('alert').filter({ hasText: 'Le mot de passe n’a pas été changé' }).waitFor();
    await page.locator('[data-rule="reused"][data-state="failed"]').waitFor();
    assert.match(await page.getByRole('alert').filter({ hasText: 'Le mot de passe n’a pas été changé' }).innerText(), /12 derniers mots de passe/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'newPassword');

    const fresh = 'Cartable-Hibou-Pamplemousse-24';
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(fresh);
    await page.locator('[data-rule="common_password"][data-state="ok"]').waitFor();
    await page.getByLabel('Confirmation du nouveau mot de passe').fill(fresh);
    await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);

    await page.getByRole('link', { name: 'Changer mon mot de passe' }).click();
    assert.equal(await heading1(page, 'Changer mon mot de passe'), 'Changer mon mot de passe');
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill('pas-le-mot-de-passe-actuel');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Ornithorynque-Gravier-Lune-77');
    await page.locator('[data-rule="common_password"][data-state="ok"]').waitFor();
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('Ornithorynque-Gravier-Lune-77');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    const currentField = page.getByLabel('Mot de passe actuel', { exact: true });
    await page.getByText('Le mot de passe actuel est incorrect.').first().waitFor();
    assert.equal(await currentField.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'currentPassword');
    await assertAccessible(page, '/compte/mot-de-passe with an error');

    await currentField.fill(fresh);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    // The server compares the new password with the last ones (argon2 each): slow on a busy machine.
    await page.getByText('Votre mot de passe a été changé').waitFor({ timeout: 30_000 });
    assert.equal(await currentField.inputValue(), '');
  });

  test('in English, explains a refused sign-in in English', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await heading1(page, /^Connexion$/);
    await page.getByRole('radio', { name: 'English' }).click();
    await heading1(page, 'Sign in');
    await page.getByLabel('Badge number or work e-mail address').fill(agent.badgeNumber);
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await page.getByRole('alert').filter({ hasText: 'Wrong identifier or password. After 5 failures, the account is locked for 30 minutes.' }).waitFor();
    await assertAccessible(page, '/connexion in English');
    await page.getByRole('radio', { name: 'Français' }).click();
  });

  test('raises no console error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  // react-aria names the button by its value, then its label: « Tous Résultat ».
  await page.getByRole('button', { name: new RegExp(label) }).click();
  await page.getByRole('option', { name: option }).click();
}
