import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { parisDate } from './paris-calendar.ts';
import { addDays, auditTrailOf, hrOrganisation, signedIn } from './test-support.ts';

reportSkippedPostgres();

const HEADER = 'matricule;nom;prenom;email;direction;service;profil;grade;intitule_poste;matricule_manager;date_arrivee;date_depart';

type Line = { line: number; badgeNumber: string | null; action: string; changes: { field: string; from: string | null; to: string | null }[]; errors: { field?: string; message: string }[]; notes: string[] };

for (const kind of testDatabaseKinds()) {
  describe(`bulk import of agents from the HR information system’s CSV (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let hr: TestClient;
    let known: Awaited<ReturnType<typeof createAgent>>;
    let same: Awaited<ReturnType<typeof createAgent>>;
    let casvpAgent: Awaited<ReturnType<typeof createAgent>>;
    const db = () => t.database.db;
    const today = () => parisDate(t.clock.now());
    const count = async (table: 'agents' | 'audit_events') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const importCsv = (csv: string, dryRun = true, reason?: string) => hr.post('/api/hr/imports', { csv, dryRun, ...(reason ? { reason } : {}) });

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      org = await hrOrganisation(db());
      known = await createAgent(db(), { department: 'DASCO', firstName: 'Paul', lastName: 'Durand' });
      same = await createAgent(db(), { department: 'DASCO', firstName: 'Ines', lastName: 'Fabre' });
      casvpAgent = await createAgent(db(), { department: 'CASVP' });
      hr = await signedIn(t, org.dascoHr);
    });
    after(async () => t.close());

    // A good file: two newcomers (one managing the other), a change for Paul Durand, Ines Fabre as she is.
    const goodLines = () => [
      `5100001;Leroy;Anaïs;anais.leroy@paris.example;DASCO;ECOLES;encadrant;attache;Responsable de circonscription;${org.dascoManager.badgeNumber};${today()};`,
      `5100002;Nguyen;Tom;tom.nguyen@paris.example;dasco;ecoles;asem;;;5100001;${addDays(today(), 10).split('-').reverse().join('/')};`,
      `${known.badgeNumber};Durand;Paul;${known.email};DASCO;ECOLES;agent-administratif;adjoint-administratif;Gestionnaire de paie;;2020-01-01;`,
      `${same.badgeNumber};Fabre;Ines;${same.email};DASCO;;agent-administratif;;;;2020-01-01;`,
    ];

    test('a dry run reports each kind of line and every refusal reason, and writes nothing', async () => {
      const before = { agents: await count('agents'), audit: await count('audit_events') };
      const bad = [
        '5200001;"Mar"tin;Lou;lou.martin@paris.example;DASCO;;asem;;;;2026-12-01;',
        '5200002;Petit;Zoé;zoe.petit@paris.example;DASCO;asem',
        '52-003;Roux;Léo;pas-une-adresse;DASCO;;asem;;;;le 1er décembre;',
        '5200004;Blanc;Léa;lea.blanc@paris.example;DASCO;;asem;;;;2026-12-01;',
        '5200004;Blanc;Léon;leon.blanc@paris.example;DASCO;;asem;;;;2026-12-01;',
        `5200005;Henry;Max;${org.dascoManager.email.toUpperCase()};DASCO;;asem;;;;2026-12-01;`,
        '5200006;Garnier;Eva;eva.garnier@paris.example;DASSOC;;asem;;;;2026-12-01;',
        '5200007;Faure;Noé;noe.faure@paris.example;CASVP;SOCIAL;asem;;;;2026-12-01;',
        '5200008;Mercier;Jade;jade.mercier@paris.example;DASCO;PISCINES;astronaute;colonel;;9999999;2026-12-01;',
        `5200009;Dupuis;Lina;lina.dupuis@paris.example;DASCO;;asem;;;${org.casvpManager.badgeNumber};2026-12-01;`,
        `${casvpAgent.badgeNumber};Intrus;Ali;ali.intrus@paris.example;DASCO;;asem;;;;2026-12-01;`,
      ];
      const res = await importCsv(['\uFEFF' + HEADER, ...goodLines(), ...bad, ';;;;;;;;;;;', ''].join('\r\n'));
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      assert.deepEqual([report.dryRun, report.applied], [true, false]);
      assert.deepEqual(report.summary, { lines: 15, create: 2, update: 1, unchanged: 1, refused: 11 });
      const at = (n: number): Line => report.lines.find((l: Line) => l.line === n);
      const reasons = (n: number) => at(n).errors.map((e) => `${e.field ?? ''}: ${e.message}`);

      assert.equal(at(2).action, 'create');
      assert.equal(at(3).action, 'create');
      assert.match(at(3).notes.join(), /compte ouvert le jour de l’arrivée/);
      assert.equal(at(4).action, 'update');
      assert.deepEqual(
        at(4).changes.map((c) => [c.field, c.from, c.to]),
        [
          ['service', null, 'ECOLES'],
          ['grade', null, 'adjoint-administratif'],
          ['jobTitle', 'Agent administratif', 'Gestionnaire de paie'],
        ],
      );
      assert.equal(at(5).action, 'unchanged');

      assert.deepEqual(reasons(6), [': texte après un guillemet fermant (mettez toute la cellule entre guillemets)']);
      assert.deepEqual(reasons(7), [': 6 colonnes au lieu de 12 (séparateur « ; »)']);
      assert.deepEqual(reasons(8).map((r) => r.split(':')[0]), ['matricule', 'email', 'date_arrivee']);
      assert.match(reasons(8).join(), /matricule « 52-003 » invalide/);
      assert.match(reasons(9).join(), /matricule 5200004 présent aussi ligne 10/);
      assert.match(reasons(10).join(), /matricule 5200004 présent aussi ligne 9/);
      assert.match(reasons(11).join(), /déjà utilisée par un autre agent/);
      assert.deepEqual(reasons(12), ['direction: direction inconnue : DASSOC']);
      assert.deepEqual(reasons(13), ['direction: direction CASVP hors de votre périmètre']);
      assert.deepEqual(reasons(14), [
        'service: service inconnu à la DASCO : PISCINES',
        'profil: profil métier inconnu : astronaute',
        'grade: grade inconnu : colonel',
        'matricule_manager: manager inconnu : aucun agent n’a le matricule 9999999',
      ]);
      assert.deepEqual(reasons(15), [`matricule_manager: le manager ${org.casvpManager.badgeNumber} n’appartient pas à la DASCO`]);
      assert.deepEqual(reasons(16), [`matricule: le matricule ${casvpAgent.badgeNumber} est déjà attribué à un agent que vous ne gérez pas`]);
      assert.ok(report.lines.every((l: Line) => (l.action === 'refused') === l.errors.length > 0));

      assert.deepEqual({ agents: await count('agents'), audit: await count('audit_events') }, before);
    });

    test('applying a file with one bad line writes nothing, and says which line and why', async () => {
      const before = { agents: await count('agents'), audit: await count('audit_events') };
      const csv = [HEADER, ...goodLines(), '5300001;Perrin;Jules;jules.perrin@paris.example;DASCO;;asem;;;;31/02/2026;'].join('\n');
      const res = await importCsv(csv, false);
      assert.equal(res.statusCode, 422, res.body);
      assert.match(res.json().detail, /rien n’a été enregistré : 1 ligne en erreur/);
      assert.deepEqual(res.json().errors, [
        { field: 'lines.6.date_arrivee', rule: 'format', message: 'ligne 6 : date d’arrivée « 31/02/2026 » invalide (AAAA-MM-JJ ou JJ/MM/AAAA)' },
      ]);
      assert.deepEqual({ agents: await count('agents'), audit: await count('audit_events') }, before);
      const durand = await db().selectFrom('agents').select('job_title').where('id', '=', known.agentId).executeTakeFirstOrThrow();
      assert.equal(durand.job_title, 'Agent administratif');
    });

    test('applying a good file creates and updates agents, all or nothing, and audits each of them', async () => {
      const res = await importCsv([HEADER, ...goodLines()].join('\n'), false, 'Rentrée de novembre');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().applied, res.json().summary], [true, { lines: 4, create: 2, update: 1, unchanged: 1, refused: 0 }]);

      const rows = await db()
        .selectFrom('agents as a')
        .leftJoin('agents as m', 'm.id', 'a.manager_id')
        .leftJoin('accounts as acc', 'acc.agent_id', 'a.id')
        .select(['a.id', 'a.badge_number', 'a.status', 'a.job_title', 'm.badge_number as manager', 'acc.password_hash'])
        .where('a.badge_number', 'in', ['5100001', '5100002', known.badgeNumber])
        .orderBy('a.badge_number')
        .execute();
      const byBadge = Object.fromEntries(rows.map((r) => [r.badge_number, r]));
      assert.deepEqual(
        [byBadge['5100001']?.status, byBadge['5100001']?.manager, byBadge['5100001']?.job_title],
        ['active', org.dascoManager.badgeNumber, 'Responsable de circonscription'],
      );
      assert.deepEqual([byBadge['5100002']?.status, byBadge['5100002']?.manager], ['pending', '5100001']);
      assert.equal(byBadge['5100002']?.password_hash, null, 'no password until the welcome letter is printed');
      assert.equal(byBadge[known.badgeNumber]?.job_title, 'Gestionnaire de paie');

      const imports = await db().selectFrom('audit_events').select(['changes', 'reason', 'actor_label']).where('action', '=', 'account.import').execute();
      assert.equal(imports.length, 1);
      assert.deepEqual(imports[0]?.changes, { created: 2, updated: 1, unchanged: 1 });
      assert.equal(imports[0]?.reason, 'Rentrée de novembre');
      const created = await auditTrailOf(db(), byBadge['5100002']?.id ?? '');
      assert.deepEqual(created.map((e) => [e.action, e.reason]), [['account.create', 'Import SIRH, ligne 3 : Rentrée de novembre']]);
      assert.deepEqual((created[0]?.changes as Record<string, unknown>).manager, { from: null, to: 'Anaïs Leroy (5100001)' });
      const updated = await auditTrailOf(db(), known.agentId);
      assert.deepEqual(updated.map((e) => e.action), ['account.update']);
      assert.deepEqual(Object.keys(updated[0]?.changes as object).sort(), ['grade', 'jobTitle', 'service']);
      assert.deepEqual(await auditTrailOf(db(), same.agentId), []);

      // The newcomer's letter draws their first password.
      const letter = await hr.post(`/api/hr/agents/${byBadge['5100001']?.id}/welcome-letter`, {});
      assert.equal(letter.statusCode, 200, letter.body);

      // The same file again: nothing left to do.
      const again = (await importCsv([HEADER, ...goodLines()].join('\n'))).json();
      assert.deepEqual(again.summary, { lines: 4, create: 0, update: 0, unchanged: 4, refused: 0 });
    });

    test('a departure date in the file closes the account on the spot when it has passed, and is scheduled otherwise', async () => {
      const leaving = await createAgent(db(), { department: 'DASCO', firstName: 'Hugo', lastName: 'Lemaire' });
      const later = await createAgent(db(), { department: 'DASCO', firstName: 'Rose', lastName: 'Vidal' });
      const session = await signedIn(t, leaving);
      const csv = [
        HEADER,
        `${leaving.badgeNumber};Lemaire;Hugo;${leaving.email};DASCO;;agent-administratif;;;;2020-01-01;${today()}`,
        `${later.badgeNumber},Vidal;Rose;${later.email};DASCO;;agent-administratif;;;;2020-01-01;${addDays(today(), 30)}`,
      ].join('\n');
      const dry = (await importCsv(csv)).json();
      assert.equal(dry.lines[1].action, 'refused', 'a comma inside a “;” file is one cell too few');
      const fixed = csv.replace(`${later.badgeNumber},Vidal`, `${later.badgeNumber};Vidal`);
      const res = await importCsv(fixed, false, 'Départs du mois');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await session.get('/api/me')).statusCode, 401);
      const statuses = await db().selectFrom('agents').select(['id', 'status', 'departure_date']).where('id', 'in', [leaving.agentId, later.agentId]).execute();
      const of = (id: string) => statuses.find((s) => s.id === id);
      assert.deepEqual([of(leaving.agentId)?.status, of(leaving.agentId)?.departure_date], ['departed', today()]);
      assert.deepEqual([of(later.agentId)?.status, of(later.agentId)?.departure_date], ['active', addDays(today(), 30)]);
      assert.deepEqual((await auditTrailOf(db(), leaving.agentId)).map((e) => e.action), ['account.update', 'account.depart']);
    });

    test('an organisation-wide administrator’s file moves an agent to another department, leaving the old manager and roles behind', async () => {
      const admin = await createAgent(db(), { department: 'DSIN', firstName: 'Claire', lastName: 'Fontaine' });
      await db().insertInto('role_assignments').values({ agent_id: admin.agentId, role: 'administrator' }).execute();
      const moving = await createAgent(db(), { department: 'DASCO', role: 'manager', firstName: 'Yann', lastName: 'Marchal' });
      await db().updateTable('agents').set({ manager_id: org.dascoManager.agentId }).where('id', '=', moving.agentId).execute();
      const client = await signedIn(t, admin);
      const line = `${moving.badgeNumber};Marchal;Yann;${moving.email};CASVP;SOCIAL;agent-administratif;;;;2020-01-01;`;
      const res = await client.post('/api/hr/imports', { csv: `${HEADER}\n${line}\n`, dryRun: false });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().lines[0].changes.map((c: Line['changes'][number]) => [c.field, c.to]),
        [['department', 'CASVP'], ['service', 'SOCIAL'], ['manager', null]],
      );
      const row = await db().selectFrom('agents').select(['department_id', 'manager_id']).where('id', '=', moving.agentId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { department_id: org.casvp, manager_id: null });
      assert.deepEqual(await db().selectFrom('role_assignments').select('role').where('agent_id', '=', moving.agentId).execute(), []);
      const history = await db().selectFrom('department_changes').select(['from_department_id', 'to_department_id', 'applied_at']).where('agent_id', '=', moving.agentId).execute();
      assert.deepEqual(history.map((h) => [h.from_department_id, h.to_department_id, h.applied_at !== null]), [[org.dasco, org.casvp, true]]);
      assert.equal((await hr.get(`/api/hr/agents/${moving.agentId}`)).statusCode, 404, 'DASCO’s HR no longer sees them');
    });

    test('refuses a whole file whose header is wrong, empty or too long, with one clear message', async () => {
      const problem = async (csv: string) => {
        const res = await importCsv(csv);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().errors[0].field, 'csv');
        return res.json().errors[0].message as string;
      };
      assert.match(await problem('matricule;nom;prenom;email;direction;profil\n1234567;A;B;a@b.fr;DASCO;asem\n'), /colonne manquante : date_arrivee/);
      assert.match(await problem(`${HEADER};salaire\n`), /colonne inconnue : salaire/);
      assert.match(await problem(`${HEADER}\n\n`), /aucune ligne d’agent/);
      assert.match(await problem('\n \n'), /le fichier est vide/);
      const many = Array.from({ length: 5001 }, (_, i) => `${6_000_000 + i};N;P;p${i}@paris.example;DASCO;;asem;;;;2026-12-01;`);
      assert.match(await problem([HEADER, ...many].join('\n')), /5001 lignes : 5000 au plus/);
      const comma = await importCsv(`Matricule,Nom,Prénom,E-mail,Direction,Profil,Date arrivée\n5400001,Simon,Anna,anna.simon@paris.example,DASCO,asem,01/12/2026\n`);
      assert.match(comma.json().errors?.[0]?.message ?? '', /colonne inconnue : e_mail/);
      const ok = await importCsv(`Matricule,Nom,Prénom,Email,Direction,Profil,Date arrivée\n5400001,Simon,Anna,anna.simon@paris.example,DASCO,asem,01/12/2026\n`);
      assert.equal(ok.json().lines[0].action, 'create');
    });
  });
}
