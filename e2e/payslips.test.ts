import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/seed/demo-logins.ts';
import { seedDemoRecords } from '../src/server/seed/demo-records.ts';
import { seedDemoOrganisation } from '../src/server/seed/demo-seed.ts';
import { browserUnavailable, collectPageProblems, launchBrowser } from './support/browser.ts';
import { assertAccessible, fromInside, heading1, open, type Portal, signIn, startPortal } from './support/portal.ts';

const suite = 'payslips: the agent’s payslips explained, HR’s payroll import and publication';
const logins = { agent: '1000001', hr: '1000003' } as const;
const newMonth = '2026-11'; // the demo's payslips end last month (the clock says 23 November 2026)

describe(suite, { skip: browserUnavailable(suite) }, () => {
  let portal: Portal;
  let browser: Browser;
  let problems: string[];
  let dascoBadges: string[];
  let leaPayslips: { month: string }[];
  const contexts: BrowserContext[] = [];
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
    browser = await launchBrowser();
    problems = [];
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.server.close();
  });

  /** A browser of the city network (no second factor asked), signed in as this demo login on this page. */
  async function signedIn(badge: string, where: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', reducedMotion: 'reduce', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await collectPageProblems(page, problems);
    await page.setExtraHTTPHeaders(fromInside);
    await open(page, `${portal.baseUrl}/connexion?retour=${encodeURIComponent(where)}`);
    await signIn(page, badge, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === where);
    await heading1(page);
    return page;
  }

  /** No axe violation (WCAG 2.1 A and AA), and at 360 px wide no horizontal scrolling and still none. */
  async function checkPage(page: Page, where: string): Promise<void> {
    await assertAccessible(page, where);
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, { timeout: 3_000 }).catch(() => undefined);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${where} scrolls sideways at 360 px (${width} px wide)`);
      await assertAccessible(page, `${where} at 360 px`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  async function downloadPdf(page: Page, buttonName: string | RegExp): Promise<Buffer> {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: buttonName }).first().click();
    const file = await download;
    const bytes = readFileSync(await file.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    return bytes;
  }

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const countIn = (year: string) => leaPayslips.filter((p) => p.month.startsWith(year)).length;

  test('Léa lists her payslips of this year and the last, opens January’s, reads how each line is computed, and downloads the same PDF twice', async () => {
    const page = await signedIn(logins.agent, '/mes-bulletins');
    await heading1(page, /^Mes bulletins de paie$/);
    await page.getByText(`${countIn('2026')} bulletins en 2026.`).waitFor();
    const thisYear = page.getByRole('table', { name: 'Bulletins de paie de 2026' });
    await thisYear.getByRole('link', { name: 'Voir le bulletin d’octobre 2026' }).waitFor();
    assert.equal(await thisYear.getByRole('row').count(), countIn('2026') + 1);
    await checkPage(page, 'my payslips of 2026');

    await page.getByLabel('Année').selectOption('2025');
    await page.getByText(`${countIn('2025')} bulletins en 2025.`).waitFor();
    await page.getByRole('table', { name: 'Bulletins de paie de 2025' }).getByRole('link', { name: 'Voir le bulletin de décembre 2025' }).waitFor();
    await checkPage(page, 'my payslips of 2025');

    await page.getByLabel('Année').selectOption('2026');
    await page.getByRole('link', { name: 'Voir le bulletin de janvier 2026' }).click();
    await heading1(page, /^Bulletin de paie de janvier 2026$/);
    // January brings the yearly step: the traitement indiciaire moves, and the page says by how much.
    const traitement = page.getByRole('table', { name: /^Rémunération/ }).getByRole('row', { name: /Traitement indiciaire brut/ });
    assert.match(await traitement.innerText(), /traitement indiciaire = indice majoré \d+ × 4,92278 € .*= [\d\s]+,\d\d €/);
    assert.match(await traitement.innerText(), /\+[\d\s]+,\d\d\s€/);
    await page.getByText('Cumuls de l’année').waitFor();
    await page.getByText('Contributions de l’employeur', { exact: true }).first().waitFor();
    await checkPage(page, 'my payslip of January 2026');

    const first = await downloadPdf(page, 'Télécharger le PDF du bulletin de janvier 2026');
    await page.getByText('Bulletin de janvier 2026 téléchargé.').waitFor();
    const second = await downloadPdf(page, 'Télécharger le PDF du bulletin de janvier 2026');
    assert.equal(sha256(second), sha256(first));
    assert.deepEqual(problems, []);
  });

  test('Nathalie imports November’s payroll: a bad line is named and nothing imported; corrected, it creates the payslips, then changes nothing, and she publishes them', async () => {
    const page = await signedIn(logins.hr, '/rh/paie');
    await heading1(page, /^Paie$/);
    await page.getByRole('table', { name: /^Mois de paie/ }).getByRole('row', { name: /Octobre 2026/ }).waitFor();
    await checkPage(page, 'payroll page');

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
    await checkPage(page, 'payroll import refused');

    await importFile(lines);
    await page.getByText('Paie de novembre 2026 importée').waitFor();
    await page.getByText('5 lignes : 5 bulletins créés, 0 remplacé, 0 rectifié, 0 inchangé.').waitFor();
    const november = page.getByRole('table', { name: /^Mois de paie/ }).getByRole('row', { name: /Novembre 2026/ });
    assert.match(await november.innerText(), /5\s+5\s+0/);
    await importFile(lines);
    await page.getByText('5 lignes : 0 bulletin créé, 0 remplacé, 0 rectifié, 5 inchangés.').waitFor();
    await page.getByText('Ce fichier ne change rien').waitFor();
    await checkPage(page, 'payroll imported');

    await november.getByRole('button', { name: 'Publier les 5 bulletins de novembre 2026' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Publier la paie de novembre 2026 ?' });
    await dialog.getByText('5 bulletins seront visibles aussitôt par leurs agents.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Publier les 5 bulletins de novembre 2026' }).click();
    await page.getByText('5 bulletins publiés pour novembre 2026.').waitFor();
    assert.match(await november.innerText(), /5\s+0\s+5/);
    await checkPage(page, 'payroll published');
    assert.deepEqual(problems, []);
  });

  test('Léa then finds November’s payslip; Nathalie reads it from Léa’s record, which is recorded', async () => {
    const lea = await signedIn(logins.agent, '/mes-bulletins');
    await lea.getByRole('link', { name: 'Voir le bulletin de novembre 2026' }).click();
    await heading1(lea, /^Bulletin de paie de novembre 2026$/);
    assert.match(await lea.getByRole('row', { name: /Traitement indiciaire brut/ }).innerText(), /indice majoré 420 × 4,92278 €/);

    const leaId = (await db().selectFrom('agents').select('id').where('badge_number', '=', logins.agent).executeTakeFirstOrThrow()).id;
    const nathalie = await signedIn(logins.hr, `/rh/agents/${leaId}`);
    const section = nathalie.getByRole('region', { name: 'Bulletins de paie' });
    await section.getByText('Chaque consultation d’un bulletin (liste, détail ou PDF) est enregistrée dans le journal d’audit.').waitFor();
    await section.getByRole('button', { name: 'Afficher les bulletins de paie' }).click();
    await section.getByRole('button', { name: 'Voir le bulletin de novembre 2026' }).click();
    await section.getByRole('heading', { name: 'Bulletin de paie de novembre 2026' }).waitFor();
    await section.getByText(/indice majoré 420 × 4,92278 €/).first().waitFor();
    await checkPage(nathalie, 'HR agent page, payslip open');
    await downloadPdf(nathalie, 'Télécharger le PDF du bulletin de novembre 2026');
    const recorded = await db().selectFrom('audit_events').select('changes').where('action', '=', 'payslip.view').where('target_id', '=', leaId).execute();
    assert.deepEqual(
      recorded.map((e) => (e.changes as { format: { to: string } }).format.to),
      ['list', 'detail', 'pdf'],
    );
    assert.deepEqual(problems, []);
  });
});
