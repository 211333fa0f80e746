import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, downloadFile, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { assertAccessible, heading1, location, open, type Portal, startPortal } from './support/portal.ts';

const suite = 'staff pages: directory, HR accounts, IT support console, audit trail';
const logins = { agent: '1000001', hr: '1000003', support: '1000005', administrator: '1000006', security: '1000007' } as const;
const unaccented = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  let today: string;
  let lockedBadge: string;
  const reasons = {
    update: 'Nouvelle affectation au 1er décembre',
    departure: 'Fin de contrat au 23 novembre',
    import: 'Rentrée des ASEM, lot 3',
    unlock: 'Appel de l’agent, identité vérifiée par rappel',
  };

  before(async () => {
    portal = await startPortal();
    const db = portal.server.database.db;
    await seedDemoOrganisation(db, { agents: 300, emailDomain: 'paris.example' });
    today = portal.server.clock.now().toISOString().slice(0, 10);
    // Thomas Petit (CASVP) typed his password wrong five times.
    lockedBadge = '1000004';
    const locked = await db.selectFrom('agents').select('id').where('badge_number', '=', lockedBadge).executeTakeFirstOrThrow();
    await db
      .updateTable('accounts')
      .set({ failed_attempts: 5, locked_until: new Date(portal.server.clock.now().getTime() + 30 * 60_000) })
      .where('agent_id', '=', locked.id)
      .execute();
    // Léa Moreau reported a sign-in that was not hers.
    const lea = await db.selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow();
    await db
      .insertInto('security_alerts')
      .values({ agent_id: lea.id, kind: 'not_me', created_at: portal.server.clock.now(), ip: '203.0.113.7', network_zone: 'external', detail: null })
      .execute();
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const checkPage = (page: Page, where: string) => checkAtBothWidths(page, where, { snapshot: 'in parts' });

  test('an agent sees their manager and HR contact at home, finds a colleague typed without accents, opens the card and the organisation chart', async () => {
    const page = await browser.signedIn(logins.agent, '/');
    const contacts = page.getByRole('region', { name: 'Mes contacts' });
    await contacts.getByText('Karim Benali').waitFor();
    await contacts.getByText('Nathalie Girard').waitFor();
    assert.match(await contacts.innerText(), /Mon responsable[\s\S]*Karim Benali[\s\S]*Gestionnaire RH de ma direction[\s\S]*Nathalie Girard/i);
    await checkPage(page, 'home with contacts');

    const db = portal.server.database.db;
    const accented = await db
      .selectFrom('agents')
      .select(['id', 'first_name', 'last_name'])
      .where((eb) => eb.or([eb('last_name', '~', '[À-ÿ]'), eb('first_name', '~', '[À-ÿ]')]))
      .where('badge_number', 'not like', '100000_')
      .orderBy('badge_number')
      .executeTakeFirstOrThrow();
    const fullName = `${accented.first_name} ${accented.last_name}`;

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Annuaire' }).click();
    await heading1(page, 'Annuaire des agents');
    await page.getByLabel('Nom, prénom ou fonction').fill(unaccented(fullName).toLowerCase());
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const result = page.getByRole('heading', { level: 3, name: fullName });
    await result.waitFor();
    assert.match(location(page), /^\/annuaire\?q=/);
    await checkPage(page, 'directory results');

    await result.getByRole('link').click();
    assert.equal(await heading1(page, fullName), fullName);
    assert.match(location(page), new RegExp(`^/annuaire/agents/${accented.id}$`));
    await page.getByRole('heading', { name: 'Responsable' }).waitFor();
    await checkPage(page, 'directory card');

    await page.getByRole('region', { name: 'Affectation' }).getByRole('link').first().click();
    const chart = await heading1(page, /^Organigramme de la /);
    await page.getByRole('heading', { level: 2, name: 'Directeur ou directrice' }).waitFor();
    assert.match(location(page), /^\/annuaire\/directions\/[A-Z]/);
    assert.ok(chart.length > 0);
    await checkPage(page, 'organisation chart');
    assert.deepEqual(browser.problems, []);
  });

  test('the DASCO HR officer creates an agent, hands over the letter, edits the job title and records the departure', async () => {
    const page = await browser.signedIn(logins.hr, '/rh/agents');
    await page.getByRole('table', { name: 'Agents de votre périmètre' }).waitFor();
    await checkPage(page, 'HR agents list');

    await page.getByRole('link', { name: 'Créer un agent' }).first().click();
    await heading1(page, 'Créer un agent');
    await checkPage(page, 'HR new agent form');
    // Sent empty: each required field says so, and the first one takes the focus.
    await page.getByRole('button', { name: 'Créer l’agent et son compte' }).click();
    await page.getByText('Ce champ est obligatoire.').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');

    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByLabel('Prénom', { exact: true }).fill('Amélie');
    await page.getByLabel('Matricule (numéro de badge)').fill('7700001');
    await page.getByLabel('Adresse électronique professionnelle').fill('amelie.lefevre@paris.example');
    await page.getByLabel('Profil métier').selectOption('asem');
    await page.getByLabel('Date d’arrivée').fill(today);
    // A badge number already given: the server's reason shows on the field, above the form too.
    await page.getByLabel('Matricule (numéro de badge)').fill(logins.agent);
    await page.getByRole('button', { name: 'Créer l’agent et son compte' }).click();
    await page.getByRole('alert').filter({ hasText: 'L’agent n’a pas été créé' }).waitFor();
    assert.equal(await page.getByLabel('Matricule (numéro de badge)').getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'HR new agent refused');
    await page.getByLabel('Matricule (numéro de badge)').fill('7700001');
    await page.getByRole('button', { name: 'Créer l’agent et son compte' }).click();

    assert.equal(await heading1(page, 'Compte créé'), 'Compte créé');
    const secrets = page.getByRole('region', { name: 'À remettre à l’agent' });
    await secrets.getByText('Mot de passe temporaire', { exact: true }).waitFor();
    await secrets.getByText('Code d’enrôlement', { exact: true }).waitFor();
    assert.match(await secrets.innerText(), /ne s’affichent qu’une fois/);
    await checkPage(page, 'HR agent created');

    const letter = await downloadFile(page, 'Télécharger la lettre d’accueil (PDF)', { pdf: true });
    assert.equal(letter.name, 'lettre-accueil-7700001.pdf');
    await page.getByText('Lettre d’accueil téléchargée.').waitFor();

    await page.getByRole('link', { name: 'Ouvrir la fiche de l’agent' }).click();
    assert.equal(await heading1(page, 'Amélie Lefèvre'), 'Amélie Lefèvre');
    await page.getByText('autorisé car : gestionnaire RH de la DASCO').waitFor();
    await checkPage(page, 'HR agent record');

    await page.getByRole('button', { name: 'Modifier la fiche' }).click();
    await page.getByLabel('Intitulé de poste', { exact: true }).fill('ASEM référente, école Vaugirard');
    await page.getByLabel('Motif (facultatif)').fill(reasons.update);
    await checkPage(page, 'HR agent record being edited');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Fiche enregistrée. Modifié : intitulé de poste.').waitFor();
    await page.getByText('ASEM référente, école Vaugirard').waitFor();

    await page.getByRole('button', { name: 'Enregistrer un départ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer le départ de Amélie Lefèvre' });
    await dialog.waitFor();
    await dialog.getByLabel('Premier jour sans accès').fill(today);
    await checkPage(page, 'departure dialog');
    await dialog.getByRole('button', { name: 'Enregistrer le départ' }).click();
    await dialog.getByText('Indiquez le motif (3 caractères au moins).').waitFor();
    await dialog.getByLabel('Motif').fill(reasons.departure);
    await dialog.getByRole('button', { name: 'Enregistrer le départ' }).click();
    await page.getByText('Départ enregistré : le compte est fermé et toutes ses sessions aussi.').waitFor();
    await page.getByText('Cet agent a quitté la collectivité').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Modifier la fiche' }).count(), 0);
    await checkPage(page, 'HR agent departed');
    assert.deepEqual(browser.problems, []);
  });

  test('the HR officer checks a CSV file, sees the refused line and why, then imports a good file all at once', async () => {
    const page = await browser.signedIn(logins.hr, '/rh/import');
    await checkPage(page, 'HR import');
    const header = 'matricule;nom;prenom;email;direction;profil;date_arrivee';
    const good = [header, `7700101;Garnier;Inès;ines.garnier@paris.example;DASCO;asem;${today}`, `7700102;Roux;Hugo;hugo.roux@paris.example;DASCO;asem;${today}`];
    const refused = [...good, `7700103;Blanc;Léo;leo.blanc@paris.example;DASCO;astronaute;${today}`];

    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'sirh-refus.csv', mimeType: 'text/csv', buffer: Buffer.from(refused.join('\n')) });
    await page.getByRole('button', { name: 'Vérifier le fichier (simulation)' }).click();
    await page.getByText('1 ligne refusée : rien ne peut être importé').waitFor();
    const refusedRow = page.getByRole('row').filter({ hasText: 'Refusée' });
    assert.match(await refusedRow.innerText(), /Ligne 4[\s\S]*7700103[\s\S]*Refusée/);
    assert.equal(await page.getByRole('button', { name: /^Importer/ }).count(), 0);
    await checkPage(page, 'HR import refused');

    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'sirh.csv', mimeType: 'text/csv', buffer: Buffer.from(good.join('\n')) });
    await page.getByLabel('Motif (facultatif)').fill(reasons.import);
    await page.getByRole('button', { name: 'Vérifier le fichier (simulation)' }).click();
    await page.getByText('Le fichier sirh.csv peut être importé').waitFor();
    await page.getByRole('button', { name: 'Importer les 2 lignes' }).click();
    await page.getByText('Import terminé').waitFor();
    const created = await portal.server.database.db.selectFrom('agents').select('badge_number').where('badge_number', 'in', ['7700101', '7700102', '7700103']).execute();
    assert.deepEqual(created.map((row) => row.badge_number).sort(), ['7700101', '7700102']);
    await checkPage(page, 'HR import applied');
    assert.deepEqual(browser.problems, []);
  });

  test('IT support finds the locked account, unlocks it with a reason, and confirms their password before issuing a temporary password', async () => {
    const page = await browser.signedIn(logins.support, '/assistance/comptes');
    await checkPage(page, 'support console');
    await page.getByText('Comptes bloqués seulement').click();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row').filter({ hasText: lockedBadge });
    await row.waitFor();
    assert.match(await row.innerText(), /Bloqué/);
    await checkPage(page, 'support locked accounts');

    await row.getByRole('link').click();
    assert.equal(await heading1(page, 'Thomas Petit'), 'Thomas Petit');
    await page.getByText('Compte bloqué', { exact: true }).first().waitFor();
    await checkPage(page, 'support account card');
    await page.getByRole('button', { name: 'Débloquer le compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Débloquer le compte de Thomas Petit ?' });
    await dialog.getByLabel('Motif').fill(reasons.unlock);
    await checkPage(page, 'unlock dialog');
    await dialog.getByRole('button', { name: 'Débloquer' }).click();
    await page.getByText('Le compte de Thomas Petit est débloqué').waitFor();
    await page.getByText('5 échecs remis à zéro.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Débloquer le compte' }).count(), 0);

    // Six minutes later the password typed at sign-in no longer counts for handing over an account.
    portal.server.clock.advance(6 * 60_000);
    await page.getByRole('button', { name: 'Nouveau mot de passe temporaire' }).click();
    const passwordDialog = page.getByRole('dialog', { name: 'Nouveau mot de passe temporaire pour Thomas Petit ?' });
    await passwordDialog.getByLabel('Motif').fill('Mot de passe oublié, agent rappelé au bureau');
    await passwordDialog.getByRole('button', { name: 'Créer le mot de passe' }).click();
    const reauth = page.getByRole('dialog', { name: 'Confirmez votre mot de passe' });
    await reauth.waitFor();
    await assertAccessible(page, 'the re-authentication dialog');
    await reauth.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await reauth.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Nouveau mot de passe temporaire pour Thomas Petit', { exact: true }).waitFor();
    await page.getByText('Il ne sera plus affiché : communiquez-le maintenant.').waitFor();
    await checkPage(page, 'support temporary password shown');
    assert.deepEqual(browser.problems, []);
  });

  test('the security officer finds those actions in the audit trail, with their reasons', async () => {
    const page = await browser.signedIn(logins.security, '/audit');
    const table = page.getByRole('table', { name: 'Entrées du journal, de la plus récente à la plus ancienne' });
    await table.waitFor();
    const text = await table.innerText();
    for (const expected of ['Création d’un compte', 'Modification d’une fiche', 'Départ enregistré', 'Import du SIRH', 'Déblocage', 'Mot de passe temporaire']) {
      assert.match(text, new RegExp(expected), `the trail shows “${expected}”`);
    }
    for (const reason of Object.values(reasons)) assert.ok(text.includes(reason), `the trail keeps the reason “${reason}”`);
    await checkPage(page, 'audit trail');

    await page.getByLabel('Action').selectOption({ label: 'Déblocage' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL((url) => url.search.includes('action=account.unlock'));
    const rows = table.getByRole('row');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    assert.match(await rows.nth(1).innerText(), new RegExp(`Yasmina Haddad[\\s\\S]*Déblocage[\\s\\S]*Thomas Petit[\\s\\S]*${reasons.unlock}`));
    const exportLink = page.getByRole('link', { name: 'Exporter en CSV' });
    assert.equal(await exportLink.getAttribute('href'), '/api/audit/export?action=account.unlock');
    await checkPage(page, 'audit trail filtered');
    assert.deepEqual(browser.problems, []);
  });

  test('the menu shows each agent only the areas of their roles, and a page outside them says why', async () => {
    const nav = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' }).innerText();
    const administrator = await browser.signedIn(logins.administrator, '/administration/roles');
    assert.match(await nav(administrator), /Annuaire[\s\S]*RH[\s\S]*Assistance[\s\S]*Audit[\s\S]*Administration/);
    await administrator.getByLabel('Matricule de l’agent').first().fill(logins.hr);
    await administrator.getByRole('button', { name: 'Afficher ses rôles' }).click();
    await administrator.getByRole('heading', { name: 'Rôles de Nathalie Girard (1000003)' }).waitFor();
    await checkPage(administrator, 'administration roles');
    await administrator.getByRole('link', { name: 'Jetons SCIM' }).click();
    await heading1(administrator, 'Jetons SCIM');
    await administrator.getByLabel('Nom du jeton').fill('SIRH Paris');
    await administrator.getByRole('button', { name: 'Émettre le jeton' }).click();
    await administrator.getByText('Jeton « SIRH Paris » émis').waitFor();
    await checkPage(administrator, 'administration SCIM tokens');
    // The staff pages have their English too.
    await administrator.getByRole('radio', { name: 'English' }).click();
    await heading1(administrator, 'SCIM tokens');
    await administrator.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit' }).waitFor();
    await checkPage(administrator, 'administration SCIM tokens in English');
    await administrator.getByRole('radio', { name: 'Français' }).click();
    await heading1(administrator, 'Jetons SCIM');
    await open(administrator, `${portal.baseUrl}/assistance/alertes`);
    assert.equal(await heading1(administrator, 'Alertes de sécurité'), 'Alertes de sécurité');
    await checkPage(administrator, 'security alerts');
    await administrator.getByRole('button', { name: 'Marquer comme traitée l’alerte de Léa Moreau' }).click();
    const handle = administrator.getByRole('dialog', { name: 'Traiter l’alerte de Léa Moreau' });
    await handle.getByLabel('Ce qui a été fait').fill('Agente rappelée : connexion depuis son nouveau téléphone');
    await handle.getByRole('button', { name: 'Marquer comme traitée' }).click();
    await administrator.getByText('Alerte marquée comme traitée.').waitFor();
    await administrator.getByText('Aucune alerte à traiter.').waitFor();

    const agent = await browser.signedIn(logins.agent, '/rh/agents');
    assert.doesNotMatch(await nav(agent), /RH|Assistance|Audit|Administration/);
    assert.equal(await heading1(agent, 'Accès réservé'), 'Accès réservé');
    await agent.getByText('Ces pages sont réservées aux gestionnaires RH et aux administrateurs du portail.').waitFor();
    await checkPage(agent, 'reserved page');
    assert.deepEqual(browser.problems, []);
  });
});
