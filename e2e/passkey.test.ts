import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, fromOutside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'passkey as second factor';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  let problems: string[];

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    problems = await collectPageProblems(page);
    // Chrome's virtual authenticator: a platform passkey that verifies the user without a prompt.
    cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('an agent signed in at the office adds a passkey after confirming their password', async () => {
    await page.setExtraHTTPHeaders(fromInside);
    await open(page, `${portal.baseUrl}/connexion`);
    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    await heading1(page, `Bonjour ${agent.firstName}`);

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon compte' }).click();
    assert.equal(await heading1(page, 'Mon compte'), 'Mon compte');
    await page.getByText('Aucune méthode enregistrée.').waitFor();
    await assertAccessible(page, '/compte');
    await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Vérification en deux étapes' }).click();
    assert.equal(await heading1(page, 'Vérification en deux étapes'), 'Vérification en deux étapes');
    assert.equal(location(page), '/compte/verification');
    await page.getByText('Aucune méthode n’est enregistrée.').waitFor();
    await assertAccessible(page, '/compte/verification');

    await page.getByText('Clé d’accès (recommandée)').click();
    assert.equal(await page.getByRole('radio', { name: /Clé d’accès \(recommandée\)/ }).isChecked(), true);
    await page.getByLabel('Nom de cette clé d’accès (facultatif)').fill('Ordinateur du bureau');
    // The password typed at sign-in counts for 5 minutes; later, a change of second factor asks it again.
    portal.server.clock.advance(6 * 60_000);
    await page.getByRole('button', { name: 'Créer une clé d’accès' }).click();

    const dialog = page.getByRole('dialog', { name: 'Confirmez votre mot de passe' });
    await dialog.waitFor();
    await assertAccessible(page, 'the password confirmation dialog');
    await dialog.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await dialog.getByText('Mot de passe incorrect.').waitFor();
    await dialog.getByLabel('Mot de passe', { exact: true }).fill(KNOWN_PASSWORD);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The first method comes with the recovery codes.
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    assert.equal(await page.getByTestId('recovery-codes').getByRole('listitem').count(), 10);
    await page.getByText('J’ai conservé mes codes de secours en lieu sûr').click();
    await page.getByRole('button', { name: 'J’ai terminé' }).click();

    const passkey = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Clé d’accès' }) });
    await passkey.waitFor();
    assert.match(await passkey.innerText(), /Ordinateur du bureau/);
    await page.getByText('La méthode de vérification a été ajoutée.').waitFor();
    assert.match(await page.getByRole('main').innerText(), /Il vous reste 10 codes de secours/);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    assert.equal(credentials.length, 1);
    await assertAccessible(page, 'the list of second factors');
  });

  test('from outside, the same agent signs in with the passkey', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await heading1(page, /^Connexion$/);
    await page.setExtraHTTPHeaders(fromOutside);

    await signIn(page, agent.email, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Vérification en deux étapes'), 'Vérification en deux étapes');
    assert.equal(location(page), '/connexion/verification');
    await page.getByRole('heading', { name: 'Clé d’accès (passkey)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Je n’ai pas accès à ma méthode : utiliser un code de secours' }).count(), 1);
    await assertAccessible(page, 'the passkey verification');

    await page.getByRole('button', { name: 'Utiliser ma clé d’accès' }).click();
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);

    const events = await portal.server.database.db
      .selectFrom('connection_events')
      .select(['kind', 'result', 'detail'])
      .where('agent_id', '=', agent.agentId)
      .where('kind', '=', 'second_factor')
      .execute();
    assert.deepEqual(events, [{ kind: 'second_factor', result: 'success', detail: 'webauthn' }]);
  });

  test('regenerates the recovery codes after a confirmation, and refuses to remove the last method from outside', async () => {
    await page.getByRole('link', { name: 'Vérification en deux étapes' }).click();
    await heading1(page, 'Vérification en deux étapes');
    await page.getByRole('button', { name: 'Générer de nouveaux codes' }).click();
    const question = page.getByRole('alertdialog', { name: 'Générer de nouveaux codes de secours ?' });
    await question.waitFor();
    assert.match(await question.innerText(), /Vos codes actuels ne fonctionneront plus/);
    await question.getByRole('button', { name: 'Générer de nouveaux codes' }).click();
    // Signed in less than 5 minutes ago: the password is not asked again.
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    assert.equal(await page.getByTestId('recovery-codes').getByRole('listitem').count(), 10);
    await page.getByText('J’ai conservé mes codes de secours en lieu sûr').click();
    await page.getByRole('button', { name: 'J’ai terminé' }).click();

    await page.getByRole('button', { name: 'Retirer « Ordinateur du bureau »' }).click();
    const removal = page.getByRole('alertdialog', { name: 'Retirer « Ordinateur du bureau » ?' });
    await removal.waitFor();
    assert.match(await removal.innerText(), /C’est votre dernière méthode/);
    await removal.getByRole('button', { name: 'Retirer la méthode' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'La méthode n’a pas été retirée' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /dernière méthode de vérification depuis l’extérieur/);
    assert.equal(await page.getByRole('heading', { name: 'Clé d’accès' }).count(), 1);
    await assertAccessible(page, 'a refused removal');
  });

  test('raises no console error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
