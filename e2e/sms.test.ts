import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type AgentFixture, createAgent, KNOWN_PASSWORD } from '../src/server/test-support/fixtures.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, fromOutside, heading1, location, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'codes by text message';
const phoneNumber = '06 12 34 56 78';

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let agent: AgentFixture;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  before(async () => {
    portal = await startPortal();
    agent = await createAgent(portal.server.database.db);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    problems = await collectPageProblems(page);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  // The last code sent to the agent's phone, as the demo outbox holds it.
  async function lastSmsCode(): Promise<string> {
    const message = await portal.server.database.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('channel', '=', 'sms')
      .where('recipient', '=', '+33612345678')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const code = /\b(\d{6})\b/.exec(message.body)?.[1];
    assert.ok(code, message.body);
    return code;
  }

  test('on a phone at the office, the agent registers their mobile number with the code received, after a warning', async () => {
    await page.setExtraHTTPHeaders(fromInside);
    await open(page, `${portal.baseUrl}/connexion?retour=${encodeURIComponent('/compte/verification')}`);
    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Vérification en deux étapes'), 'Vérification en deux étapes');

    await page.getByText('SMS (moins sûr)').click();
    await page.getByText('Le SMS est la méthode la moins sûre').waitFor();
    await page.getByRole('textbox', { name: 'Numéro de téléphone mobile' }).fill(phoneNumber);
    await page.getByRole('button', { name: 'Envoyer un code de confirmation' }).click();
    await page.getByText('Un code a été envoyé à ce numéro.').waitFor();
    const codeField = page.getByRole('textbox', { name: 'Code reçu par SMS' });
    assert.equal(await codeField.getAttribute('autocomplete'), 'one-time-code');

    await codeField.fill('12345');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Le code compte 6 chiffres.').waitFor();
    await assertAccessible(page, 'the SMS enrolment with an error');

    await codeField.fill(await lastSmsCode());
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    await page.getByText('J’ai conservé mes codes de secours en lieu sûr').click();
    await page.getByRole('button', { name: 'J’ai terminé' }).click();
    const factor = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'SMS' }) });
    await factor.waitFor();
    assert.match(await factor.innerText(), /SMS au \+336 •• •• 56 78/);
  });

  test('from outside, a code is sent only when asked, and lets the agent in', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await heading1(page, /^Connexion$/);
    await page.setExtraHTTPHeaders(fromOutside);
    const sentBefore = await portal.server.database.db.selectFrom('outbox_messages').select('id').where('channel', '=', 'sms').execute();

    await signIn(page, agent.badgeNumber, KNOWN_PASSWORD);
    assert.equal(await heading1(page, 'Vérification en deux étapes'), 'Vérification en deux étapes');
    assert.equal(location(page), '/connexion/verification');
    await page.getByRole('heading', { name: 'Code reçu par SMS' }).waitFor();
    const sentOnArrival = await portal.server.database.db.selectFrom('outbox_messages').select('id').where('channel', '=', 'sms').execute();
    assert.equal(sentOnArrival.length, sentBefore.length);
    await assertAccessible(page, 'the SMS verification');

    // The server's clock stands still in tests: a second later, this code is the newest in the outbox.
    portal.server.clock.advance(1_000);
    await page.getByRole('button', { name: 'M’envoyer un code par SMS' }).click();
    await page.getByText('Un code vient d’être envoyé par SMS.').waitFor();
    await page.getByRole('textbox', { name: 'Code à 6 chiffres' }).fill('000000');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.getByRole('alert').filter({ hasText: 'Code incorrect' }).waitFor();

    await page.getByRole('textbox', { name: 'Code à 6 chiffres' }).fill(await lastSmsCode());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    assert.equal(await heading1(page, `Bonjour ${agent.firstName}`), `Bonjour ${agent.firstName}`);
  });

  test('raises no console error and no Content-Security-Policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
