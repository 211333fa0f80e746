import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signedIn as apiSignedIn } from '../src/server/modules/accounts/test-support.ts';
import { seedDemoTraining } from '../src/server/modules/training/index.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, downloadFile, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'training: the catalogue, a registration approved by the manager, attendance certificates, the training office';
const logins = { agent: '1000001', manager: '1000002', hr: '1000003' } as const;

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    const seeded = await seedDemoTraining(db(), portal.server.clock.now());
    assert.ok(seeded.courses >= 15, `${seeded.courses} courses in the demo catalogue`);
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  test('Léa finds « secours », asks for a seat with a word for Karim; once he approves she reads « Inscription confirmée » and downloads a past certificate', async () => {
    const lea = await browser.signedIn(logins.agent, '/formation');
    await heading1(lea, /^Formation$/);
    const mine = lea.getByRole('table', { name: 'Mes formations, les plus récentes d’abord' });
    await mine.getByRole('row', { name: /Laïcité et fonction publique.*Inscription confirmée/ }).waitFor();
    await mine.getByRole('row', { name: /Accueil du public et situations difficiles.*Formation suivie/ }).waitFor();
    await checkAtBothWidths(lea, 'training page');

    await lea.getByRole('searchbox', { name: 'Mots-clés' }).fill('secours');
    await lea.getByRole('button', { name: 'Chercher', exact: true }).click();
    await lea.getByText('1 formation.', { exact: true }).waitFor();
    await lea.getByRole('link', { name: 'Gestes de premiers secours (PSC1)' }).click();
    await heading1(lea, /^Gestes de premiers secours \(PSC1\)$/);
    await lea.getByText('4 places restantes sur 10').first().waitFor();
    await checkAtBothWidths(lea, 'course page');

    await lea.getByRole('button', { name: /^M’inscrire à la session/ }).first().click();
    const dialog = lea.getByRole('dialog', { name: /^Inscription à la session/ });
    await dialog.getByLabel('Message pour votre encadrant (facultatif)').fill('Je suis référente sécurité de mon école.');
    await checkAtBothWidths(lea, 'registration dialog');
    await dialog.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await lea.getByText('Demande d’inscription envoyée à votre encadrant.').waitFor();
    await lea.getByText('En attente de votre encadrant').first().waitFor();
    await checkAtBothWidths(lea, 'course page, request sent');

    // Karim answers through the API: the inbox's own browser test belongs to the approval engine.
    const leaId = (await db().selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow()).id;
    const request = await db().selectFrom('training_registrations').select('request_id').where('agent_id', '=', leaId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const karim = await apiSignedIn(portal.server, { badgeNumber: logins.manager }, DEMO_PASSWORD);
    const inbox = (await karim.get('/api/inbox')).json();
    assert.match(inbox.items.find((i: { id: string }) => i.id === request.request_id).summary, /Je suis référente sécurité/);
    const decided = await karim.post(`/api/requests/${request.request_id}/decision`, { decision: 'approve' });
    assert.equal(decided.json().outcome, 'approved', decided.body);

    await open(lea, `${portal.baseUrl}/formation`);
    await mine.getByRole('row', { name: /Gestes de premiers secours \(PSC1\).*Inscription confirmée/ }).waitFor();
    await downloadFile(lea, 'Télécharger l’attestation de présence : Accueil du public et situations difficiles', { pdf: true });
    await lea.getByText('Attestation de présence téléchargée.').waitFor();
    await checkAtBothWidths(lea, 'training page, registered');
    assert.deepEqual(browser.problems, []);
  });

  test('Nathalie, of the training office, sees the nearly full session and its registrants, and the catalogue', async () => {
    const nathalie = await browser.signedIn(logins.hr, '/rh/formation');
    await heading1(nathalie, /^Formation$/);
    const sessions = nathalie.getByRole('table', { name: 'Sessions de formation' });
    const management = sessions.getByRole('row', { name: /Management d’équipe : les fondamentaux/ }).first();
    assert.match(await management.innerText(), /11 \/ 12/);
    await nathalie.getByRole('table', { name: 'Stages du catalogue' }).waitFor();
    await checkAtBothWidths(nathalie, 'HR training page');

    await management.getByRole('button', { name: /^Inscrits et présence/ }).click();
    await nathalie.getByRole('heading', { level: 2, name: /^Inscrits — Management d’équipe/ }).waitFor();
    assert.equal(await nathalie.getByRole('table', { name: 'Inscrits de la session' }).getByRole('row').count(), 12);
    await checkAtBothWidths(nathalie, 'HR training page, registrants');

    // A session held three weeks ago: the absence of one agent is corrected.
    await nathalie.getByLabel('Période').selectOption('past');
    const haccp = sessions.getByRole('row', { name: /Hygiène alimentaire en restauration scolaire.*10 présents, 0 absent/ });
    await haccp.getByRole('button', { name: /^Inscrits et présence/ }).click();
    const registrants = nathalie.getByRole('table', { name: 'Inscrits de la session' });
    await registrants.getByRole('radiogroup').first().getByText('Absent(e)').click();
    await nathalie.getByRole('button', { name: 'Enregistrer la présence' }).click();
    await nathalie.getByText('Présence enregistrée pour 10 inscrits.', { exact: false }).waitFor();
    await sessions.getByRole('row', { name: /Hygiène alimentaire en restauration scolaire.*9 présents, 1 absent/ }).waitFor();
    await checkAtBothWidths(nathalie, 'HR training page, attendance recorded');
    assert.deepEqual(browser.problems, []);
  });
});
