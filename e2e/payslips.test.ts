import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { seedDemoRecords } from '../src/server/seed/demo-records.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable } from './support/browser.ts';
import { checkAtBothWidths, downloadFile, openTestBrowser, type TestBrowser } from './support/pages.ts';
import { heading1, type Portal, startPortal } from './support/portal.ts';

const suite = 'payslips: the agent’s payslips explained, HR’s payroll import and publication';
const logins = { agent: '1000001', hr: '1000003' } as const;
const newMonth = '2026-11'; // the demo's payslips end last month (the clock says 23 November 2026)

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: TestBrowser;
  let dascoBadges: string[];
  let leaPayslips: { month: string }[];
  const db = () => portal.server.database.db;

  before(async () => {
    portal = await startPortal();
    await seedDemoOrganisation(db(), { agents: 174, emailDomain: 'paris.example' });
    await seedDemoRecords(db(), portal.server.app.ctx.config, portal.server.clock.now());
    const lea = await db().selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow();
    leaPayslips = await db().selectFrom('payslips').select('month').where('agent_id', '=', lea.id).orderBy('month').execute();
    // Léa and four colleagues of DASCO, Nathalie's perimeter.
    const dasco = await db()
      .selectFrom('agents')
      .innerJoin('departments', 'departments.id', 'agents.department_id')
      .select('agents.badge_number')
      .where('departments.code', '=', 'DASCO')
      .where('agents.badge_number', '!=', logins.agent)
      .orderBy('agents.badge_number')
      .limit(4)
      .execute();
    dascoBadges = [logins.agent, ...dasco.map((a) => a.badge_number)];
    browser = await openTestBrowser(portal);
  });

  after(async () => {
    await browser?.close();
    await portal?.server.close();
  });

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const countIn = (year: string) => leaPayslips.filter((p) => p.month.startsWith(year)).length;

  test('Léa lists her payslips of this year and the last, opens January’s, reads how each line is computed, and downloads the same PDF twice', async () => {
    const page = await browser.signedIn(logins.agent, '/mes-bulletins');
    await heading1(page, /^Mes bulletins de paie$/);
    await page.getByText(`${countIn('2026')} bulletins en 2026.`).waitFor();
    const thisYear = page.getByRole('table', { name: 'Bulletins de paie de 2026' });
    await thisYear.getByRole('link', { name: 'Voir le bulletin d’octobre 2026' }).waitFor();
    assert.equal(await thisYear.getByRole('row').count(), countIn('2026') + 1);
    await checkAtBothWidths(page, 'my payslips of 2026');

    await page.getByLabel('Année').selectOption('2025');
    await page.getByText(`${countIn('2025')} bulletins en 2025.`).waitFor();
    await page.getByRole('table', { name: 'Bulletins de paie de 2025' }).getByRole('link', { name: 'Voir le bulletin de décembre 2025' }).waitFor();
    await checkAtBothWidths(page, 'my payslips of 2025');

    await page.getByLabel('Année').selectOption('2026');
    await page.getByRole('link', { name: 'Voir le bulletin de janvier 2026' }).click();
    await heading1(page, /^Bulletin de paie de janvier 2026$/);
    // January brings the yearly step: the traitement indiciaire moves, and the page says by how much.
    const traitement = page.getByRole('table', { name: /^Rémunération/ }).getByRole('row', { name: /Traitement indiciaire brut/ });
    assert.match(await traitement.innerText(), /traitement indiciaire = indice majoré \d+ × 4,92278 € .*= [\d\s]+,\d\d €/);
    assert.match(await traitement.innerText(), /\+[\d\s]+,\d\d\s€/);
    await page.getByText('Cumuls de l’année').waitFor();
    await page.getByText('Contributions de l’employeur', { exact: true }).first().waitFor();
    await checkAtBothWidths(page, 'my payslip of January 2026');

    const first = await downloadFile(page, 'Télécharger le PDF du bulletin de janvier 2026', { pdf: true });
    await page.getByText('Bulletin de janvier 2026 téléchargé.').waitFor();
    const second = await downloadFile(page, 'Télécharger le PDF du bulletin de janvier 2026', { pdf: true });
    assert.equal(sha256(second.bytes), sha256(first.bytes));
    assert.deepEqual(browser.problems, []);
  });

  test('Nathalie imports November’s payroll: a bad line is named and nothing imported; corrected, it creates the payslips, then changes nothing, and she publishes them', async () => {
    const page = await browser.signedIn(logins.hr, '/rh/paie');
    await heading1(page, /^Paie$/);
    await page.getByRole('table', { name: /^Mois de paie/ }).getByRole('row', { name: /Octobre 2026/ }).waitFor();
    await checkAtBothWidths(page, 'payroll page');

    const header = 'matricule;indice_majore;points_nbi;enfants;quotite;zone_residence;ifse_mensuelle_centimes;taux_prelevement_pb';
    const lines = dascoBadges.map((badge, i) => `${badge};${420 + 10 * i};0;${i % 3};100;1;${40_000 + 1_000 * i};${150 * i}`);
    const file = (rows: string[]) => ({ name: `paie-${newMonth}.csv`, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8') });
    const importFile = async (rows: string[]) => {
      await page.getByLabel('Fichier de paie (CSV ou JSON)').setInputFiles(file(rows));
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
    };
    await page.getByRole('textbox', { name: 'Mois de paie' }).fill(newMonth);

    const broken = [...lines];
    broken[2] = broken[2]!.replace(/;\d+;0;/, ';4 30;0;');
    await importFile(broken);
    const refused = page.getByRole('alert').filter({ hasText: 'Import refusé : rien n’a été enregistré' });
    await refused.getByText('ligne 4, colonne indice_majore : nombre entier attendu (chiffres seulement)').waitFor();
    const stored = await db().selectFrom('payslips').select('id').where('month', '=', newMonth).execute();
    assert.equal(stored.length, 0, 'nothing of the refused file is stored');
    await checkAtBothWidths(page, 'payroll import refused');

    await importFile(lines);
    await page.getByText('Paie de novembre 2026 importée').waitFor();
    await page.getByText('5 lignes : 5 bulletins créés, 0 remplacé, 0 rectifié, 0 inchangé.').waitFor();
    const november = page.getByRole('table', { name: /^Mois de paie/ }).getByRole('row', { name: /Novembre 2026/ });
    assert.match(await november.innerText(), /5\s+5\s+0/);
    await importFile(lines);
    await page.getByText('5 lignes : 0 bulletin créé, 0 remplacé, 0 rectifié, 5 inchangés.').waitFor();
    await page.getByText('Ce fichier ne change rien').waitFor();
    await checkAtBothWidths(page, 'payroll imported');

    await november.getByRole('button', { name: 'Publier les 5 bulletins de novembre 2026' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Publier la paie de novembre 2026 ?' });
    await dialog.getByText('5 bulletins seront visibles aussitôt par leurs agents.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Publier les 5 bulletins de novembre 2026' }).click();
    await page.getByText('5 bulletins publiés pour novembre 2026.').waitFor();
    assert.match(await november.innerText(), /5\s+0\s+5/);
    await checkAtBothWidths(page, 'payroll published');
    assert.deepEqual(browser.problems, []);
  });

  test('Léa then finds November’s payslip; Nathalie reads it from Léa’s record, which is recorded', async () => {
    const lea = await browser.signedIn(logins.agent, '/mes-bulletins');
    await lea.getByRole('link', { name: 'Voir le bulletin de novembre 2026' }).click();
    await heading1(lea, /^Bulletin de paie de novembre 2026$/);
    assert.match(await lea.getByRole('row', { name: /Traitement indiciaire brut/ }).innerText(), /indice majoré 420 × 4,92278 €/);

    const leaId = (await db().selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow()).id;
    const nathalie = await browser.signedIn(logins.hr, `/rh/agents/${leaId}`);
    const section = nathalie.getByRole('region', { name: 'Bulletins de paie' });
    await section.getByText('Chaque consultation d’un bulletin (liste, détail ou PDF) est enregistrée dans le journal d’audit.').waitFor();
    await section.getByRole('button', { name: 'Afficher les bulletins de paie' }).click();
    await section.getByRole('button', { name: 'Voir le bulletin de novembre 2026' }).click();
    await section.getByRole('heading', { name: 'Bulletin de paie de novembre 2026' }).waitFor();
    await section.getByText(/indice majoré 420 × 4,92278 €/).first().waitFor();
    await checkAtBothWidths(nathalie, 'HR agent page, payslip open');
    await downloadFile(nathalie, 'Télécharger le PDF du bulletin de novembre 2026', { pdf: true });
    const recorded = await db().selectFrom('audit_events').select('changes').where('action', '=', 'payslip.view').where('target_id', '=', leaId).execute();
    assert.deepEqual(
      recorded.map((e) => (e.changes as { format: { to: string } }).format.to),
      ['list', 'detail', 'pdf'],
    );
    assert.deepEqual(browser.problems, []);
  });
});
