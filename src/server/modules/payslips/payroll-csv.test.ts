import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';

reportSkippedPostgres();

const header = 'matricule;indice_majore;points_nbi;enfants;quotite;zone_residence;ifse_mensuelle_centimes;taux_prelevement_pb';

for (const kind of testDatabaseKinds()) {
  describe(`payslips: the payroll system's CSV export (${kind})`, () => {
    let t: TestApp;
    let hr: TestClient;
    let alice: Awaited<ReturnType<typeof createAgent>>;
    let bruno: Awaited<ReturnType<typeof createAgent>>;
    let casvpAgent: Awaited<ReturnType<typeof createAgent>>;
    const db = () => t.database.db;
    const payslipCount = async () => Number((await db().selectFrom('payslips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const csv = (...lines: string[]) => [header, ...lines].join('\r\n');
    const importCsv = (month: string, text: string, extra: Record<string, unknown> = {}) => hr.post('/api/hr/payroll/imports', { month, csv: text, ...extra });
    const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      const org = await hrOrganisation(db());
      alice = await createAgent(db(), { department: 'DASCO', firstName: 'Alice', lastName: 'Moreau' });
      bruno = await createAgent(db(), { department: 'DASCO', firstName: 'Bruno', lastName: 'Caron' });
      casvpAgent = await createAgent(db(), { department: 'CASVP' });
      hr = await signedIn(t, org.dascoHr);
    });
    after(async () => t.close());

    test('a bad line is named by its line and column, and nothing of the file is imported', async () => {
      const res = await importCsv(
        '2026-10',
        csv(
          `${alice.badgeNumber};420;0;2;100;1;45000;750`,
          `${bruno.badgeNumber};420;0;0;100;1;450,00;750`, // euros instead of cents
          `9999998;420;0;0;100;1;0;0`,
          `${casvpAgent.badgeNumber};420;0;0;100;1;0;0`, // another department: unknown to this HR officer
          `${bruno.badgeNumber};420;0;0`,
          `${bruno.badgeNumber};4200;0;0;100;4;0;0`,
          `"${bruno.badgeNumber};420;0;0;100;1;0;0`,
        ),
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(fieldsOf(res), [
        'csv.3.ifse_mensuelle_centimes',
        'csv.4.matricule',
        'csv.5.matricule',
        'csv.6',
        'csv.7.indice_majore',
        'csv.7.zone_residence',
        'csv.8',
      ]);
      const messages = res.json().errors.map((e: { message: string }) => e.message);
      assert.equal(messages[0], 'ligne 3, colonne ifse_mensuelle_centimes : nombre entier attendu (chiffres seulement)');
      assert.equal(messages[1], 'ligne 4, colonne matricule : aucun agent de votre périmètre n’a le matricule 9999998');
      assert.equal(messages[3], 'ligne 6 : 4 colonnes au lieu de 8 (séparateur « ; »)');
      assert.equal(messages[4], 'ligne 7, colonne indice_majore : nombre entier entre 100 et 2\u202f000 attendu');
      assert.match(res.json().detail, /rien n’a été enregistré : 6 lignes en erreur/);
      assert.equal(await payslipCount(), 0);
    });

    test('importing the same export twice changes nothing the second time', async () => {
      const file = csv(`${alice.badgeNumber};420;0;2;100;1;45000;750`, `${bruno.badgeNumber};512;15;;80;;;`);
      const first = await importCsv('2026-10', file);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { month: '2026-10', lines: 2, created: 2, replaced: 0, rectified: 0, unchanged: 0 });
      const again = await importCsv('2026-10', file);
      assert.deepEqual(again.json(), { month: '2026-10', lines: 2, created: 0, replaced: 0, rectified: 0, unchanged: 2 });
      // The same lines sent as JSON are the same payslips: empty cells take the same defaults.
      const json = await hr.post('/api/hr/payroll/imports', {
        month: '2026-10',
        lines: [
          { badgeNumber: alice.badgeNumber, indexMajore: 420, children: 2, ifseMonthlyCents: 45_000, taxRateBasisPoints: 750 },
          { badgeNumber: bruno.badgeNumber, indexMajore: 512, nbiPoints: 15, workTimePercent: 80 },
        ],
      });
      assert.equal(json.json().unchanged, 2);
      assert.equal(await payslipCount(), 2);
    });

    test('a comma-separated export with a BOM, headers in capitals with accents, columns in another order, is read the same', async () => {
      const file = `\uFEFFIndice majoré,Matricule,Enfants,Taux prélèvement PB,IFSE mensuelle centimes\n420,${alice.badgeNumber},2,750,45000\n`;
      const res = await importCsv('2026-10', file);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().unchanged, 1);
    });

    test('cells made to run in a spreadsheet are refused, and never repeated in the report', async () => {
      const res = await importCsv(
        '2026-11',
        csv(`${alice.badgeNumber};=1+419;0;0;100;1;0;0`, `@SUM(A1);420;0;0;100;1;0;0`, `${bruno.badgeNumber};+420;-1;0;100;1;0;0`, `"=HYPERLINK(""http://x"")";420;0;0;100;1;0;0`),
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(fieldsOf(res), ['csv.2.indice_majore', 'csv.3.matricule', 'csv.4.indice_majore', 'csv.4.points_nbi', 'csv.5.matricule']);
      assert.doesNotMatch(res.body, /SUM|HYPERLINK|=1/);
      assert.equal(await payslipCount(), 2);
    });

    test('a file with unknown or missing columns is refused as a whole, saying which', async () => {
      const unknown = await importCsv('2026-11', `matricule;indice_majore;prime_secrete\n${alice.badgeNumber};420;1`);
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.deepEqual(fieldsOf(unknown), ['csv']);
      assert.match(unknown.json().detail, /colonne inconnue : prime_secrete/);
      const missing = await importCsv('2026-11', `matricule;enfants\n${alice.badgeNumber};1`);
      assert.match(missing.json().detail, /colonne manquante : indice_majore/);
      const empty = await importCsv('2026-11', `${header}\n;;;;;;;\n`);
      assert.match(empty.json().detail, /aucune ligne de paie après l’en-tête/);
    });

    test('the body gives either the lines or the file, not both nor neither', async () => {
      const both = await hr.post('/api/hr/payroll/imports', { month: '2026-11', csv: csv(`${alice.badgeNumber};420;0;0;100;1;0;0`), lines: [{ badgeNumber: alice.badgeNumber, indexMajore: 420 }] });
      assert.equal(both.statusCode, 400, both.body);
      const neither = await hr.post('/api/hr/payroll/imports', { month: '2026-11' });
      assert.equal(neither.statusCode, 400, neither.body);
      assert.equal(await payslipCount(), 2);
    });

    test('a published payslip changed by a new export asks for a rectification, then becomes version 2', async () => {
      assert.equal((await hr.post('/api/hr/payroll/2026-10/publication')).json().published, 2);
      const changed = csv(`${alice.badgeNumber};430;0;2;100;1;45000;750`);
      const refused = await importCsv('2026-10', changed);
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(refused.json().errors.map((e: { field: string; rule: string }) => [e.field, e.rule]), [['csv.2', 'published']]);
      const rectified = await importCsv('2026-10', changed, { rectification: { reason: 'Avancement d’échelon au 1er octobre' } });
      assert.equal(rectified.json().rectified, 1, rectified.body);
    });
  });
}
