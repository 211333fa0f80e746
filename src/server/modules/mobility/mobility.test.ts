import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../db/connection.ts';
import { type AgentFixture, createAgent } from '../../test-support/fixtures.ts';
import type { TestClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { loadActor } from '../access/index.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { moveApplication } from './application-steps.service.ts';
import { applyToOffer } from './applications.service.ts';
import { informsManager, MANAGER_INFORMED_AT, moveRefusal } from './mobility-steps.ts';
import { insertOffer, setOfferStatus } from './job-offers.repo.ts';
import { seedDemoMobility } from './mobility.seed.ts';

reportSkippedPostgres();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
let keys = 0;
const key = () => `mobility-key-${Date.now()}-${(keys += 1)}`;

describe('steps of an application (pure rules)', () => {
  test('the manager is told at the chosen step only, and at the decision only of an acceptance', () => {
    assert.equal(MANAGER_INFORMED_AT, 'decision', 'the default keeps an agent’s search private until they are accepted');
    assert.equal(informsManager('submitted', null, 'submitted'), true);
    assert.equal(informsManager('hr_review', null, 'submitted'), false);
    assert.equal(informsManager('interview', null, 'interview'), true);
    assert.equal(informsManager('decision', 'accepted', 'interview'), false);
    assert.equal(informsManager('decision', 'accepted', 'decision'), true);
    assert.equal(informsManager('decision', 'not_retained', 'decision'), false);
  });

  test('an application moves one step at a time; only an interviewed candidate is accepted', () => {
    assert.match(moveRefusal('submitted', null, { step: 'decision', outcome: 'not_retained' }) ?? '', /examen/);
    assert.match(moveRefusal('hr_review', null, { step: 'decision', outcome: 'accepted' }) ?? '', /entretien/);
    assert.equal(moveRefusal('hr_review', null, { step: 'decision', outcome: 'not_retained' }), null);
    assert.match(moveRefusal('decision', 'not_retained', { step: 'effective' }) ?? '', /retenue/);
    assert.match(moveRefusal('withdrawn', null, { step: 'hr_review' }) ?? '', /retiré/);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`internal mobility (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    let lea: AgentFixture;
    let thomas: AgentFixture;
    const clients = new Map<string, TestClient>();
    const as = async (who: AgentFixture) => {
      let client = clients.get(who.agentId);
      if (!client) clients.set(who.agentId, (client = await signedIn(t, who)));
      return client;
    };
    const send = async (who: AgentFixture, method: string, url: string, body?: unknown, idempotencyKey?: string) =>
      (await as(who)).request(method, url, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
    const offer = (overrides: Record<string, unknown> = {}) => ({
      departmentCode: 'DASCO',
      serviceCode: 'ECOLES',
      siteId: org.siteId,
      title: 'Responsable éducatif ville (F/H)',
      category: 'B',
      gradeCodes: ['animateur'],
      description: 'Vous organisez les temps périscolaires d’une école de 320 élèves.\n\nProfil : animateur confirmé.',
      contact: 'Service RH de la DASCO',
      closesOn: '2026-12-31',
      ...overrides,
    });
    const publishedOffer = async (overrides: Record<string, unknown> = {}) => {
      const created = await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer(overrides));
      assert.equal(created.statusCode, 201, created.body);
      const published = await send(org.dascoHr, 'POST', `/api/hr/job-offers/${created.json().id}/publication`);
      assert.equal(published.statusCode, 200, published.body);
      return created.json().id as string;
    };
    const apply = (who: AgentFixture, offerId: string, body: Record<string, unknown> = {}, idempotencyKey = key()) =>
      send(who, 'POST', `/api/job-offers/${offerId}/applications`, { coverLetter: 'Je souhaite rejoindre votre équipe.', ...body }, idempotencyKey);
    const move = (who: AgentFixture, id: string, body: Record<string, unknown>) => send(who, 'POST', `/api/hr/mobility/applications/${id}/steps`, body);
    const notices = (who: AgentFixture) =>
      db.selectFrom('notifications').select(['kind', 'title', 'body']).where('agent_id', '=', who.agentId).where('kind', 'like', 'mobility.%').orderBy('created_at').execute();

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      db = t.database.db;
      org = await hrOrganisation(db);
      lea = await createAgent(db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' });
      thomas = await createAgent(db, { department: 'CASVP', firstName: 'Thomas', lastName: 'Petit' });
      await db.updateTable('agents').set({ manager_id: org.dascoManager.agentId }).where('id', '=', lea.agentId).execute();
    });
    after(async () => t.close());

    test('the demo offers are published once, with Léa Moreau’s application at the interview', async () => {
      await db.updateTable('agents').set({ badge_number: '1000001' }).where('id', '=', lea.agentId).execute();
      lea = { ...lea, badgeNumber: '1000001' };
      await db.insertInto('services').values({ department_id: org.dasco, code: 'CASPE', name: 'Circonscriptions' }).execute();
      await seedDemoMobility(db, t.clock.now());
      await seedDemoMobility(db, t.clock.now());
      const offers = await db.selectFrom('job_offers as o').innerJoin('departments as d', 'd.id', 'o.department_id').select(['d.code', 'o.status']).execute();
      assert.deepEqual([...new Set(offers.map((o) => o.code))].sort(), ['CASVP', 'DASCO'], 'only the departments that exist');
      assert.equal(offers.length, 5);
      assert.ok(offers.every((o) => o.status === 'published'));
      const [application, ...none] = (await send(lea, 'GET', '/api/me/mobility/applications')).json().items;
      assert.equal(none.length, 0);
      assert.equal(application.stage, 'interview');
      assert.deepEqual(application.events.map((e: { step: string }) => e.step), ['submitted', 'hr_review', 'interview']);
    });

    test('a draft is hidden from agents; once published they find it by department, category and words', async () => {
      const created = await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ title: 'Animateur périscolaire (F/H)' }));
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().status, 'draft');
      const titles = async (query = '') => (await send(lea, 'GET', `/api/job-offers${query}`)).json().items.map((o: { title: string }) => o.title);
      assert.ok(!(await titles()).includes('Animateur périscolaire (F/H)'), 'a draft is not listed');
      assert.equal((await send(lea, 'GET', `/api/job-offers/${id}`)).statusCode, 404, 'a draft does not exist for agents');

      assert.equal((await send(org.dascoHr, 'POST', `/api/hr/job-offers/${id}/publication`)).json().status, 'published');
      assert.ok((await titles()).includes('Animateur périscolaire (F/H)'));
      assert.ok((await titles('?department=DASCO&category=B&q=PERISCOLAIRE animateur')).includes('Animateur périscolaire (F/H)'), 'words match without accents or case');
      assert.ok(!(await titles('?department=CASVP')).includes('Animateur périscolaire (F/H)'));
      assert.ok(!(await titles('?category=A')).includes('Animateur périscolaire (F/H)'));
      assert.ok(!(await titles('?q=jardinier')).includes('Animateur périscolaire (F/H)'));
      const detail = (await send(lea, 'GET', `/api/job-offers/${id}`)).json();
      assert.equal(detail.open, true);
      assert.deepEqual(detail.grades, [{ code: 'animateur', name: 'Animateur' }]);
      assert.equal(detail.siteAddress, '17 boulevard Morland, 75004 Paris');

      assert.equal((await send(org.dascoHr, 'POST', `/api/hr/job-offers/${id}/closing`)).json().status, 'closed');
      assert.ok(!(await titles()).includes('Animateur périscolaire (F/H)'), 'a closed offer leaves the list');
      assert.equal((await apply(lea, id)).statusCode, 409, 'a closed offer takes no more applications');
    });

    test('offers are paged twenty at a time', async () => {
      for (let i = 0; i < 21; i += 1) {
        const values = { department_id: org.dasco, service_id: null, site_id: null, title: `Agent d’accueil de bibliothèque n° ${i}`, category: 'C', description: 'Accueil du public.', contact: 'RH', closes_on: '2026-12-31' };
        await setOfferStatus(db, await insertOffer(db, values, [], null, t.clock.now()), { status: 'published', publishedOn: '2026-11-20' }, t.clock.now());
      }
      const first = (await send(lea, 'GET', '/api/job-offers?q=bibliotheque')).json();
      assert.equal(first.total, 21);
      assert.equal(first.items.length, 20);
      assert.equal(first.pageCount, 2);
      assert.equal((await send(lea, 'GET', '/api/job-offers?q=bibliotheque&page=2')).json().items.length, 1);
    });

    test('the HR of another department finds none of DASCO’s offers or applications, and an agent has no HR access', async () => {
      const id = await publishedOffer();
      const application = (await apply(lea, id)).json();
      assert.equal((await send(org.casvpHr, 'GET', `/api/hr/job-offers/${id}`)).statusCode, 404);
      assert.equal((await send(org.casvpHr, 'POST', `/api/hr/job-offers/${id}/closing`)).statusCode, 404);
      assert.equal((await send(org.casvpHr, 'PUT', `/api/hr/job-offers/${id}`, offer({ departmentCode: 'CASVP', serviceCode: null }))).statusCode, 404);
      assert.equal((await move(org.casvpHr, application.id, { step: 'hr_review' })).statusCode, 404);
      assert.equal((await send(org.casvpHr, 'GET', `/api/hr/mobility/applications/${application.id}/cv`)).statusCode, 404);
      const list = (await send(org.casvpHr, 'GET', '/api/hr/mobility/applications')).json();
      assert.ok(!list.items.some((a: { id: string }) => a.id === application.id));
      assert.ok(!(await send(org.casvpHr, 'GET', '/api/hr/job-offers')).json().items.some((o: { id: string }) => o.id === id));
      const foreign = await send(org.casvpHr, 'POST', '/api/hr/job-offers', offer());
      assert.equal(foreign.statusCode, 400);
      assert.equal(foreign.json().errors[0].field, 'departmentCode');

      assert.equal((await send(lea, 'GET', '/api/hr/job-offers')).statusCode, 403);
      assert.equal((await move(lea, application.id, { step: 'hr_review' })).statusCode, 403);
      assert.ok((await send(org.dascoHr, 'GET', '/api/hr/mobility/applications')).json().items.some((a: { id: string }) => a.id === application.id));
    });

    test('an agent applies once: the same Idempotency-Key answers the same application, another application is refused', async () => {
      const id = await publishedOffer();
      const missing = await (await as(lea)).request('POST', `/api/job-offers/${id}/applications`, { coverLetter: 'Sans clé, pas de candidature.' });
      assert.equal(missing.statusCode, 400, 'the key is required');
      const same = key();
      const first = await apply(lea, id, {}, same);
      assert.equal(first.statusCode, 201, first.body);
      const retried = await apply(lea, id, { coverLetter: 'Une autre lettre, envoyée deux fois.' }, same);
      assert.equal(retried.statusCode, 200);
      assert.equal(retried.json().id, first.json().id);
      assert.equal(retried.json().coverLetter, 'Je souhaite rejoindre votre équipe.', 'the first submission is kept');
      const twice = await apply(lea, id);
      assert.equal(twice.statusCode, 409);
      assert.match(twice.json().detail, /déjà candidaté/);
      const elsewhere = await apply(lea, await publishedOffer(), {}, same);
      assert.equal(elsewhere.statusCode, 409, 'a key serves one application only');
      const rows = await db.selectFrom('mobility_applications').select('id').where('agent_id', '=', lea.agentId).where('offer_id', '=', id).execute();
      assert.equal(rows.length, 1);
      assert.equal((await notices(lea)).filter((n) => n.kind === 'mobility.submitted').length >= 1, true);
      const detail = (await send(lea, 'GET', `/api/job-offers/${id}`)).json();
      assert.deepEqual(detail.myApplication, { id: first.json().id, stage: 'submitted', submittedAt: first.json().submittedAt });
    });

    test('HR moves an application step by step, each dated and told to the agent; no step is skipped', async () => {
      const offerId = await publishedOffer({ title: 'Gestionnaire de circonscription scolaire (F/H)', category: 'C', gradeCodes: ['adjoint-administratif'] });
      const id = (await apply(thomas, offerId)).json().id;
      const before = (await notices(thomas)).length;

      assert.equal((await move(org.dascoHr, id, { step: 'decision', outcome: 'not_retained', reason: 'Profil trop éloigné.' })).statusCode, 409, 'no decision before review');
      assert.equal((await move(org.dascoHr, id, { step: 'interview' })).statusCode, 409, 'no interview before review');
      assert.equal((await move(org.dascoHr, id, { step: 'effective', effectiveOn: '2027-01-04' })).statusCode, 409, 'no start date before the decision');
      assert.equal((await move(org.dascoHr, id, { step: 'hr_review' })).json().stage, 'hr_review');
      assert.equal((await move(org.dascoHr, id, { step: 'hr_review' })).statusCode, 409, 'a step is reached once');
      assert.equal((await move(org.dascoHr, id, { step: 'decision', outcome: 'accepted' })).statusCode, 409, 'no acceptance without an interview');
      const early = await move(org.dascoHr, id, { step: 'interview', interviewOn: '2026-11-01' });
      assert.equal(early.statusCode, 400, 'an interview does not precede the application');
      assert.equal(early.json().errors[0].field, 'interviewOn');
      assert.equal((await move(org.dascoHr, id, { step: 'interview', interviewOn: '2026-11-30', comment: 'Bureau 214' })).json().stage, 'interview');
      const noReason = await move(org.dascoHr, id, { step: 'decision', outcome: 'not_retained' });
      assert.equal(noReason.statusCode, 400, 'a refusal says why');
      const accepted = (await move(org.dascoHr, id, { step: 'decision', outcome: 'accepted' })).json();
      assert.equal(accepted.outcome, 'accepted');
      assert.deepEqual(accepted.nextMoves, [{ step: 'effective' }]);
      assert.equal((await move(org.dascoHr, id, { step: 'effective', effectiveOn: '2026-11-01' })).statusCode, 400, 'a start date in the past');
      assert.equal((await send(thomas, 'POST', `/api/me/mobility/applications/${id}/withdrawal`, {})).statusCode, 409, 'no withdrawal after the decision');
      const effective = (await move(org.dascoHr, id, { step: 'effective', effectiveOn: '2027-01-04' })).json();
      assert.equal(effective.stage, 'effective');
      assert.equal(effective.effectiveOn, '2027-01-04');

      const mine = (await send(thomas, 'GET', '/api/me/mobility/applications')).json().items.find((a: { id: string }) => a.id === id);
      assert.deepEqual(
        mine.events.map((e: { step: string }) => e.step),
        ['submitted', 'hr_review', 'interview', 'decision', 'effective'],
      );
      assert.equal(mine.events[2].on, '2026-11-30');
      assert.equal(mine.events[1].by, 'Nathalie Girard');
      assert.ok(mine.events.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at))));
      const told = (await notices(thomas)).slice(before).map((n) => n.title);
      assert.deepEqual(told, ['Candidature en cours d’examen', 'Entretien de mobilité', 'Candidature retenue', 'Date de prise de poste']);
      assert.match((await notices(thomas)).at(-1)!.body, /4 janvier 2027/);
    });

    test('an application turned down after review carries its reason to the agent', async () => {
      const id = (await apply(thomas, await publishedOffer())).json().id;
      await move(org.dascoHr, id, { step: 'hr_review' });
      const refused = (await move(org.dascoHr, id, { step: 'decision', outcome: 'not_retained', reason: 'Le poste demande le BPJEPS.' })).json();
      assert.equal(refused.decisionReason, 'Le poste demande le BPJEPS.');
      assert.deepEqual(refused.nextMoves, []);
      assert.match((await notices(thomas)).at(-1)!.body, /Motif : Le poste demande le BPJEPS\./);
    });

    test('the manager learns of the application at the step the city chose (default: the acceptance)', async () => {
      const managerNotices = () => notices(org.dascoManager);
      const id = (await apply(lea, await publishedOffer())).json().id;
      await move(org.dascoHr, id, { step: 'hr_review' });
      await move(org.dascoHr, id, { step: 'interview' });
      const beforeDecision = (await managerNotices()).length;
      assert.equal(beforeDecision, 0, 'nothing reaches the manager before the decision');
      await move(org.dascoHr, id, { step: 'decision', outcome: 'accepted' });
      const told = await managerNotices();
      assert.equal(told.length, 1);
      assert.match(told[0]!.body, /Léa Moreau/);
      const events = (await send(lea, 'GET', '/api/me/mobility/applications')).json().items.find((a: { id: string }) => a.id === id).events;
      assert.equal(events.at(-1).step, 'manager_informed', 'the agent sees when their manager was told');
      await move(org.dascoHr, id, { step: 'effective', effectiveOn: '2027-02-01' });
      assert.equal((await managerNotices()).length, 1, 'told once');

      // A city that informs at the interview, or at once.
      const hr = (await loadActor(db, org.dascoHr.agentId))!;
      const other = (await apply(lea, await publishedOffer())).json().id;
      await moveApplication(t.app.ctx, hr, other, { step: 'hr_review' }, 'interview');
      assert.equal((await managerNotices()).length, 1);
      await moveApplication(t.app.ctx, hr, other, { step: 'interview' }, 'interview');
      assert.equal((await managerNotices()).length, 2);
      await applyToOffer(t.app.ctx, lea.agentId, await publishedOffer(), { coverLetter: 'Lettre de motivation.' }, key(), 'submitted');
      assert.equal((await managerNotices()).length, 3);

      // Not retained at the decision: the manager is never told.
      const turnedDown = (await apply(lea, await publishedOffer())).json().id;
      await move(org.dascoHr, turnedDown, { step: 'hr_review' });
      await move(org.dascoHr, turnedDown, { step: 'decision', outcome: 'not_retained', reason: 'Autre candidature retenue.' });
      assert.equal((await managerNotices()).length, 3);
    });

    test('the agent withdraws before the decision; HR can no longer move it; they may apply again', async () => {
      const offerId = await publishedOffer();
      const id = (await apply(lea, offerId)).json().id;
      await move(org.dascoHr, id, { step: 'hr_review' });
      assert.equal((await send(thomas, 'POST', `/api/me/mobility/applications/${id}/withdrawal`, {})).statusCode, 404, 'only the applicant withdraws');
      const withdrawn = await send(lea, 'POST', `/api/me/mobility/applications/${id}/withdrawal`, { comment: 'J’ai trouvé un autre poste.' });
      assert.equal(withdrawn.statusCode, 200);
      assert.equal(withdrawn.json().stage, 'withdrawn');
      assert.equal(withdrawn.json().mayWithdraw, false);
      assert.equal(withdrawn.json().events.at(-1).comment, 'J’ai trouvé un autre poste.');
      assert.equal((await send(lea, 'POST', `/api/me/mobility/applications/${id}/withdrawal`, {})).statusCode, 409);
      assert.equal((await move(org.dascoHr, id, { step: 'interview' })).statusCode, 409);
      assert.ok((await notices(org.dascoHr)).some((n) => n.kind === 'mobility.withdrawn'));
      assert.equal((await apply(lea, offerId)).statusCode, 201, 'a withdrawn application does not bar a new one');
    });

    test('a spontaneous request goes to the HR of the agent’s own department', async () => {
      const body = { wishedDepartmentCodes: ['CASVP'], wishedJob: 'Travailleur social', reason: 'Je souhaite me rapprocher de l’action sociale.' };
      const unknown = await send(lea, 'POST', '/api/me/mobility/requests', { ...body, wishedDepartmentCodes: ['NOPE'] }, key());
      assert.equal(unknown.statusCode, 400);
      const filed = await send(lea, 'POST', '/api/me/mobility/requests', body, key());
      assert.equal(filed.statusCode, 201, filed.body);
      assert.equal(filed.json().offer, null);
      assert.deepEqual(filed.json().wishedDepartments, [{ code: 'CASVP', name: 'Direction CASVP' }]);
      assert.equal(filed.json().department.code, 'DASCO');
      assert.ok((await send(org.dascoHr, 'GET', '/api/hr/mobility/applications')).json().items.some((a: { id: string }) => a.id === filed.json().id));
      assert.equal((await move(org.casvpHr, filed.json().id, { step: 'hr_review' })).statusCode, 404, 'the wished department’s HR does not handle it');
      assert.equal((await move(org.dascoHr, filed.json().id, { step: 'hr_review' })).statusCode, 200);
    });

    test('bad input is refused with a clear problem and nothing is written; HTML is kept as text', async () => {
      const id = await publishedOffer();
      const count = async () => Number((await db.selectFrom('mobility_applications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const start = await count();
      const long = await apply(thomas, id, { coverLetter: 'x'.repeat(5001) });
      assert.equal(long.statusCode, 400);
      assert.equal(long.json().errors[0].field, 'body.coverLetter');
      const picture = await apply(thomas, id, { cv: { fileName: 'cv.pdf', contentBase64: PNG.toString('base64') } });
      assert.equal(picture.statusCode, 400);
      assert.deepEqual(picture.json().errors[0], { field: 'cv', rule: 'type', message: 'Le CV doit être un fichier PDF.' });
      const program = await apply(thomas, id, { cv: { fileName: 'cv.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') } });
      assert.equal(program.statusCode, 400);
      assert.equal((await apply(thomas, id, { cv: { fileName: 'cv.pdf', contentBase64: 'not base64!' } })).statusCode, 400);
      assert.equal((await apply(thomas, id, { coverLetter: 'Bonjour\u0000' })).statusCode, 400);
      assert.equal((await apply(thomas, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      assert.equal((await apply(thomas, 'not-an-id')).statusCode, 400);
      assert.equal(await count(), start, 'nothing half-written');

      const html = '<script>alert("x")</script>\n<b>Motivé</b> & disponible';
      const stored = await apply(thomas, id, { coverLetter: html, cv: { fileName: 'CV Thomas.pdf', contentBase64: PDF.toString('base64') } });
      assert.equal(stored.statusCode, 201, stored.body);
      assert.equal(stored.json().coverLetter, html);
      assert.deepEqual(stored.json().cv, { name: 'CV Thomas.pdf', size: PDF.length });
      const cv = await send(org.dascoHr, 'GET', `/api/hr/mobility/applications/${stored.json().id}/cv`);
      assert.equal(cv.statusCode, 200);
      assert.equal(cv.headers['content-type'], 'application/pdf');
      assert.deepEqual(cv.rawPayload, PDF);
      assert.equal((await send(lea, 'GET', `/api/me/mobility/applications/${stored.json().id}/cv`)).statusCode, 404, 'another agent’s CV does not exist');
      assert.equal((await send(thomas, 'GET', `/api/me/mobility/applications/${stored.json().id}/cv`)).statusCode, 200);

      const past = await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ closesOn: '2026-11-01' }));
      assert.equal(past.statusCode, 400);
      assert.equal(past.json().errors[0].field, 'closesOn');
      const grade = await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ gradeCodes: ['attache'] }));
      assert.equal(grade.statusCode, 400);
      assert.equal(grade.json().errors[0].rule, 'category');
      assert.equal((await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ category: 'D' }))).statusCode, 400);
      assert.equal((await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ serviceCode: 'SOCIAL' }))).statusCode, 400, 'a service of another department');
      const htmlOffer = await send(org.dascoHr, 'POST', '/api/hr/job-offers', offer({ title: '<i>Jardinier</i>', description: '<img src=x onerror=alert(1)> Entretien des massifs.' }));
      assert.equal(htmlOffer.json().title, '<i>Jardinier</i>');
    });

    test('the timeline cannot be rewritten', async () => {
      await assert.rejects(db.updateTable('mobility_application_events').set({ comment: 'réécrit' }).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('mobility_application_events').execute(), /append-only/);
    });

  });
}
