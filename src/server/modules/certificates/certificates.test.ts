import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, pdfText, signedIn } from '../accounts/test-support.ts';
import { issueCertificate } from './certificates.service.ts';

reportSkippedPostgres();

const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

for (const kind of testDatabaseKinds()) {
  describe(`certificates (${kind})`, () => {
    let t: TestApp;
    let org: Awaited<ReturnType<typeof hrOrganisation>>;
    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8', PUBLIC_URL: 'https://nomades.paris.example' } });
      org = await hrOrganisation(t.database.db);
    });
    after(async () => t.close());

    async function dascoAgent() {
      const agent = await createAgent(t.database.db, { department: 'DASCO', firstName: 'Léa', lastName: `Moreau${Math.random().toString(36).slice(2, 6)}` });
      const grade = await t.database.db.selectFrom('grades').select('id').where('code', '=', 'adjoint-administratif').executeTakeFirstOrThrow();
      await t.database.db.updateTable('agents').set({ grade_id: grade.id, service_id: org.services.ecoles }).where('id', '=', agent.agentId).execute();
      return agent;
    }

    test('an agent gets an employer certificate at once, verifiable by its code, identical at every download', async () => {
      const agent = await dascoAgent();
      const client = await signedIn(t, agent);
      const issued = await client.post('/api/me/certificates', { kind: 'employment' });
      assert.equal(issued.statusCode, 201, issued.body);
      const certificate = issued.json();
      assert.match(certificate.reference, /^ATT-\d{4}-\d{6}$/);

      const download = await client.get(`/api/certificates/${certificate.id}/pdf`);
      assert.equal(download.headers['content-type'], 'application/pdf');
      const sha256 = createHash('sha256').update(download.rawPayload).digest('hex');
      assert.equal(sha256, certificate.sha256);
      assert.deepEqual((await client.get(`/api/certificates/${certificate.id}/pdf`)).rawPayload, download.rawPayload);

      const text = pdfText(download.rawPayload).replace(/\s+/g, ' ');
      for (const expected of ['Ville de Paris', 'ATTESTATION EMPLOYEUR', certificate.reference, agent.badgeNumber, 'Adjoint administratif', 'Service des écoles', 'Pour le maire et par délégation,', 'le service des ressources humaines']) {
        assert.ok(text.includes(expected), `the PDF shows ${expected}`);
      }
      const code = text.match(CODE)?.[0];
      assert.ok(code, 'the PDF shows a verification code');
      assert.ok(text.replace(/\s/g, '').includes(`https://nomades.paris.example/verify/${code}`), 'the PDF shows the verification address');

      const check = await testClient(t.app, { ip: '198.51.100.1' }).get(`/api/public/certificates/${code.toLowerCase().replaceAll('-', ' ')}`);
      assert.equal(check.statusCode, 200, check.body);
      assert.deepEqual(check.json(), { valid: true, type: 'employment', holderName: `${agent.firstName} ${agent.lastName}`, issuedAt: certificate.issuedAt, revoked: false });

      const list = (await client.get('/api/me/certificates')).json().items;
      assert.deepEqual(list.map((c: { reference: string }) => c.reference), [certificate.reference]);
    });

    test('HR of the department revokes a certificate with a reason; the public check says revoked, not why; another department gets 404', async () => {
      const agent = await dascoAgent();
      const issued = (await (await signedIn(t, agent)).post('/api/me/certificates', { kind: 'employment' })).json();
      const casvpHr = await signedIn(t, org.casvpHr);
      assert.equal((await casvpHr.post(`/api/hr/certificates/${issued.id}/revoke`, { reason: 'Erreur de grade' })).statusCode, 404);
      assert.equal((await casvpHr.post(`/api/hr/agents/${agent.agentId}/certificates`, { kind: 'employment' })).statusCode, 404);
      assert.equal((await casvpHr.get(`/api/certificates/${issued.id}/pdf`)).statusCode, 404);

      const dascoHr = await signedIn(t, org.dascoHr);
      t.clock.advance(60_000);
      const revoked = await dascoHr.post(`/api/hr/certificates/${issued.id}/revoke`, { reason: 'Erreur de grade' });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await dascoHr.post(`/api/hr/certificates/${issued.id}/revoke`, { reason: 'Encore une fois' })).statusCode, 409);

      const pdf = (await dascoHr.get(`/api/certificates/${issued.id}/pdf`)).rawPayload;
      const code = pdfText(pdf).match(CODE)![0];
      const check = (await testClient(t.app, { ip: '198.51.100.2' }).get(`/api/public/certificates/${code}`)).json();
      assert.equal(check.valid, false);
      assert.equal(check.revoked, true);
      assert.equal(check.revokedAt, t.clock.now().toISOString());
      assert.equal('revocationReason' in check, false, 'the reason stays with HR');
      assert.equal((await dascoHr.get(`/api/hr/agents/${agent.agentId}/certificates`)).json().items[0].revocationReason, 'Erreur de grade');
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'reason', 'actor_label']).where('target_id', '=', issued.id).execute();
      assert.deepEqual(audit, [{ action: 'certificate.revoke', reason: 'Erreur de grade', actor_label: `Nathalie Girard (${org.dascoHr.badgeNumber})` }]);
    });

    test('the employer certificate states the working time of the personal file', async () => {
      const agent = await dascoAgent();
      await t.database.db
        .insertInto('personal_files')
        .values({ agent_id: agent.agentId, birth_name: 'Moreau', birth_date: '1990-04-12', birth_place: 'Lyon', address_line1: '3 rue de la Paix', postal_code: '75002', city: 'Paris', working_time_percent: 80, weekly_minutes: 1680 })
        .execute();
      const client = await signedIn(t, agent);
      const issued = (await client.post('/api/me/certificates', { kind: 'employment' })).json();
      const text = pdfText((await client.get(`/api/certificates/${issued.id}/pdf`)).rawPayload).replace(/\s+/g, ' ');
      assert.ok(text.includes('temps partiel à 80 %, 28 h par semaine'), text);
    });

    test('HR issues the certificate at departure to a departed agent only', async () => {
      const agent = await dascoAgent();
      const dascoHr = await signedIn(t, org.dascoHr);
      assert.equal((await dascoHr.post(`/api/hr/agents/${agent.agentId}/certificates`, { kind: 'departure' })).statusCode, 422);
      await t.database.db.updateTable('agents').set({ status: 'departed', departure_date: '2026-10-31' }).where('id', '=', agent.agentId).execute();
      const issued = await dascoHr.post(`/api/hr/agents/${agent.agentId}/certificates`, { kind: 'departure' });
      assert.equal(issued.statusCode, 201, issued.body);
      assert.match(issued.json().reference, /^FIN-/);
      const text = pdfText((await dascoHr.get(`/api/certificates/${issued.json().id}/pdf`)).rawPayload).replace(/\s+/g, ' ');
      assert.ok(text.includes('ATTESTATION DE FIN DE FONCTIONS'));
      assert.ok(text.includes('31 octobre 2026'));
      assert.equal((await dascoHr.get(`/api/hr/agents/${agent.agentId}/certificates`)).json().items.length, 1);
      assert.equal((await dascoHr.post(`/api/hr/agents/${agent.agentId}/certificates`, { kind: 'employment' })).statusCode, 422);
    });

    test('a salary certificate states the payslip totals of the chosen months, and is refused without payslips', async () => {
      const agent = await dascoAgent();
      const client = await signedIn(t, agent);
      assert.equal((await client.post('/api/me/certificates', { kind: 'salary', from: '2026-01', to: '2026-03' })).statusCode, 422);
      assert.equal((await client.post('/api/me/certificates', { kind: 'salary', from: '2026-03', to: '2026-01' })).statusCode, 400);

      const ctx = t.app.ctx;
      const totals = async (_db: unknown, agentId: string, from: string, to: string) =>
        agentId === agent.agentId && from === '2026-01' && to === '2026-03' ? { payslips: 3, grossCents: 712_345, netTaxableCents: 601_200, netPaidCents: 550_099 } : null;
      const certificate = await issueCertificate(ctx, agent.agentId, { kind: 'salary', from: '2026-01', to: '2026-03' }, { agentId: agent.agentId, audit: { agentId: agent.agentId, label: 'x', ip: null } }, totals);
      assert.equal(certificate.periodFrom, '2026-01');
      assert.equal(certificate.periodTo, '2026-03');
      const text = pdfText((await client.get(`/api/certificates/${certificate.id}/pdf`)).rawPayload).replace(/\s+/g, ' ');
      for (const expected of ['ATTESTATION DE SALAIRE', 'de janvier 2026 à mars 2026', '7 123,45 €', '6 012,00 €', '5 500,99 €']) assert.ok(text.includes(expected), `the PDF shows ${expected}`);
    });

    test('an unknown code and a malformed one get the same 404, and probing codes from one address is throttled', async () => {
      const prober = testClient(t.app, { ip: '192.0.2.77' });
      const unknown = await prober.get('/api/public/certificates/AAAA-BBBB-CCCC-DDDD');
      const malformed = await prober.get('/api/public/certificates/not-a-code');
      assert.equal(unknown.statusCode, 404);
      assert.equal(malformed.statusCode, 404);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
      assert.deepEqual(strip(unknown.json()), strip(malformed.json()));
      let status = 404;
      for (let i = 0; i < 40 && status === 404; i++) status = (await prober.get(`/api/public/certificates/AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`)).statusCode;
      assert.equal(status, 429);
      const refused = await prober.get('/api/public/certificates/AAAA-BBBB-CCCC-DDDD');
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) >= 1, 'the refusal says how long to wait');
      assert.equal((await testClient(t.app, { ip: '192.0.2.78' }).get('/api/public/certificates/AAAA-BBBB-CCCC-DDDD')).statusCode, 404);
      t.clock.advance(60 * 60_000);
      assert.equal((await prober.get('/api/public/certificates/AAAA-BBBB-CCCC-DDDD')).statusCode, 404);
    });
  });
}
