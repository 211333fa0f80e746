import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createAgent, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { seedPersonalFiles } from './personal-file.seed.ts';

reportSkippedPostgres();

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

// The text a PDF shows: content streams inflated, strings of the TJ operators decoded (WinAnsi).
function pdfText(pdf: Buffer): string {
  let text = '';
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const line of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      for (const hex of (line[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) text += new TextDecoder('windows-1252').decode(Buffer.from(hex[1] ?? '', 'hex'));
      text += '\n';
    }
  }
  return text;
}

for (const kind of testDatabaseKinds()) {
  describe(`personal file (${kind})`, () => {
    let t: TestApp;
    let ip = 10;
    const signIn = async (badgeNumber: string) => {
      const client = testClient(t.app, { ip: `10.0.0.${ip++}` });
      assert.equal((await client.post('/api/auth/login', { identifier: badgeNumber, password: KNOWN_PASSWORD })).statusCode, 200);
      return client;
    };
    const outbox = (to: string) =>
      t.database.db.selectFrom('outbox_messages').select(['subject', 'body']).where('recipient', '=', to).orderBy('created_at').execute();

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
    });
    after(async () => t.close());

    const withFile = async (options: Parameters<typeof createAgent>[1] = {}) => {
      const agent = await createAgent(t.database.db, options);
      await seedPersonalFiles(t.database.db, t.app.ctx.keys);
      return agent;
    };

    test('another department’s HR officer gets 404 on the file; my HR officer must give a purpose, and I see who consulted it and why', async () => {
      const agent = await withFile({ department: 'DASCO', firstName: 'Inès' });
      const hr = await createAgent(t.database.db, { department: 'DASCO', role: 'hr_officer', firstName: 'Nathalie', lastName: 'Girard' });
      const otherHr = await createAgent(t.database.db, { department: 'DFPE', role: 'hr_officer' });
      const colleague = await createAgent(t.database.db, { department: 'DASCO' });

      const outsider = await signIn(otherHr.badgeNumber);
      const missing = await outsider.get(`/api/hr/agents/${agent.agentId}/file?purpose=Contrôle%20de%20paie`);
      assert.equal(missing.statusCode, 404);
      const unknown = await outsider.get(`/api/hr/agents/00000000-0000-4000-8000-000000000000/file?purpose=Contrôle%20de%20paie`);
      assert.equal(unknown.json().detail, missing.json().detail);
      assert.equal((await (await signIn(colleague.badgeNumber)).get(`/api/hr/agents/${agent.agentId}/file?purpose=Curiosité%20mal%20placée`)).statusCode, 404);

      const officer = await signIn(hr.badgeNumber);
      assert.equal((await officer.get(`/api/hr/agents/${agent.agentId}/file`)).statusCode, 400);
      const file = await officer.get(`/api/hr/agents/${agent.agentId}/file?purpose=${encodeURIComponent('Calcul du supplément familial')}`);
      assert.equal(file.statusCode, 200);
      assert.match(file.json().bankDetails.iban, /^•••• •••• •••• \d{4}$/);
      assert.equal(file.json().bankDetails.bic, 'SOGEFRPPXXX');

      const me = await signIn(agent.badgeNumber);
      const own = (await me.get('/api/me/file')).json();
      assert.equal(own.agent.badgeNumber, agent.badgeNumber);
      assert.doesNotMatch(JSON.stringify(own), /FR\d{2}\d{20}/);
      const { items } = (await me.get('/api/me/file/consultations')).json();
      assert.equal(items.length, 1, 'only the HR officer’s consultation: refused attempts and my own reads are not consultations');
      assert.equal(items[0].purpose, 'Calcul du supplément familial');
      assert.equal(items[0].role, 'gestionnaire RH');
      assert.equal(items[0].department, 'DASCO');
      assert.match(items[0].consultedBy, /Nathalie Girard/);
    });

    test('a correction accepted is applied, audited and announced; a refused one keeps the value and tells the reason', async () => {
      const agent = await withFile({ department: 'DASCO' });
      const hr = await createAgent(t.database.db, { department: 'DASCO', role: 'hr_officer' });
      const otherHr = await createAgent(t.database.db, { department: 'DFPE', role: 'hr_officer' });
      const me = await signIn(agent.badgeNumber);
      const before = (await me.get('/api/me/file')).json();

      const badDocument = await me.post('/api/me/file/corrections', {
        changes: [{ field: 'city', proposedValue: 'Pantin' }],
        document: { fileName: 'justificatif.exe', contentBase64: Buffer.from('MZ not a picture').toString('base64') },
      });
      assert.equal(badDocument.statusCode, 422);
      assert.match(badDocument.json().detail, /PDF, un JPEG ou un PNG/);

      const moved = await me.post('/api/me/file/corrections', {
        changes: [{ field: 'addressLine1', proposedValue: '12 rue Hoche' }, { field: 'city', proposedValue: 'Pantin' }],
        comment: 'J’ai déménagé le 1er novembre.',
        document: { fileName: 'facture.png', contentBase64: PNG.toString('base64') },
      });
      assert.equal(moved.statusCode, 201);
      assert.equal(moved.json().status, 'pending');
      assert.deepEqual(moved.json().document, { name: 'facture.png', type: 'image/png', size: PNG.length });
      const renamed = (await me.post('/api/me/file/corrections', { changes: [{ field: 'usageName', proposedValue: 'DUPONT' }] })).json();

      const outsider = await signIn(otherHr.badgeNumber);
      assert.equal((await outsider.get('/api/hr/file-corrections')).json().items.length, 0);
      assert.equal((await outsider.post(`/api/hr/file-corrections/${moved.json().id}/accept`)).statusCode, 404);

      const officer = await signIn(hr.badgeNumber);
      const pending = (await officer.get('/api/hr/file-corrections')).json().items.map((c: { id: string }) => c.id);
      assert.ok(pending.includes(moved.json().id) && pending.includes(renamed.id));
      const document = await officer.get(`/api/hr/file-corrections/${moved.json().id}/document`);
      assert.equal(document.headers['content-type'], 'image/png');
      assert.deepEqual(document.rawPayload, PNG);

      t.clock.advance(60_000);
      const accepted = await officer.post(`/api/hr/file-corrections/${moved.json().id}/accept`);
      assert.equal(accepted.statusCode, 200);
      assert.equal(accepted.json().status, 'accepted');
      assert.ok(accepted.json().decidedAt);
      assert.equal((await officer.post(`/api/hr/file-corrections/${moved.json().id}/accept`)).statusCode, 409);
      assert.equal((await officer.post(`/api/hr/file-corrections/${renamed.id}/refuse`, { reason: 'no' })).statusCode, 400);
      const refused = await officer.post(`/api/hr/file-corrections/${renamed.id}/refuse`, { reason: 'Joignez l’acte de mariage, s’il vous plaît.' });
      assert.equal(refused.json().status, 'refused');

      const after = (await me.get('/api/me/file')).json();
      assert.equal(after.address.addressLine1, '12 rue Hoche');
      assert.equal(after.address.city, 'Pantin');
      assert.equal(after.civilStatus.usageName, before.civilStatus.usageName);
      const mine = (await me.get('/api/me/file/corrections')).json().items;
      assert.equal(mine.find((c: { id: string }) => c.id === renamed.id).refusalReason, 'Joignez l’acte de mariage, s’il vous plaît.');

      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'changes', 'reason'])
        .where('target_id', '=', agent.agentId)
        .orderBy('id')
        .execute();
      assert.deepEqual(audit.map((a) => a.action), ['personal_file.correction_accepted', 'personal_file.correction_refused']);
      assert.deepEqual((audit[0]!.changes as Record<string, unknown>).city, { from: before.address.city, to: 'Pantin' });
      assert.equal(audit[1]!.reason, 'Joignez l’acte de mariage, s’il vous plaît.');
      const mails = await outbox(agent.email);
      assert.deepEqual(mails.map((m) => m.subject), [
        'Votre demande de correction de dossier a été acceptée',
        'Votre demande de correction de dossier a été refusée',
      ]);
      assert.match(mails[1]!.body, /acte de mariage/);
    });

    test('changing bank details needs a recent sign-in, a valid IBAN, applies next month, is encrypted and confirmed by e-mail', async () => {
      const agent = await withFile({ department: 'DASCO' });
      const stale = await signIn(agent.badgeNumber);
      t.clock.advance(6 * 60_000);
      const refused = await stale.request('PUT', '/api/me/file/bank-details', { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'reauthentication_required');

      const me = await signIn(agent.badgeNumber);
      const invalid = await me.request('PUT', '/api/me/file/bank-details', { iban: 'FR76 3000 6000 0112 3456 7890 188', bic: 'AGRIFRPP' });
      assert.equal(invalid.statusCode, 422);
      assert.match(invalid.json().detail, /IBAN n’est pas valide/);
      assert.equal(invalid.json().errors[0].field, 'iban');

      const changed = await me.request('PUT', '/api/me/file/bank-details', { iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP' });
      assert.equal(changed.statusCode, 200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(t.clock.now());
      assert.ok(changed.json().effectiveFrom > today && changed.json().effectiveFrom.endsWith('-01'));
      const file = (await me.get('/api/me/file')).json();
      assert.deepEqual(file.bankDetails.upcoming, { iban: '•••• •••• •••• 0189', bic: 'AGRIFRPP', effectiveFrom: changed.json().effectiveFrom });

      const stored = await t.database.db.selectFrom('bank_details').select('iban_encrypted').where('agent_id', '=', agent.agentId).execute();
      assert.ok(stored.every((row) => !row.iban_encrypted.includes('3000600001')));
      const [mail] = (await outbox(agent.email)).filter((m) => /coordonnées bancaires/.test(m.subject));
      assert.match(mail!.body, /Si ce n’est pas vous/);
      assert.match(mail!.body, /0189/);
      const audit = await t.database.db.selectFrom('audit_events').select('changes').where('action', '=', 'personal_file.bank_details_changed').where('target_id', '=', agent.agentId).executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(audit.changes), /3000600001/);
    });

    test('my data export, in JSON and PDF, contains my file and history but no secret, and each request is recorded', async () => {
      const agent = await withFile({ department: 'DASCO', firstName: 'Aurélie', lastName: 'Lefèvre' });
      await t.database.db
        .insertInto('second_factors')
        .values({ agent_id: agent.agentId, kind: 'totp', label: 'Téléphone de service', totp_secret_encrypted: 'v1.SECRET-SEED-VALUE', created_at: t.clock.now(), confirmed_at: t.clock.now() })
        .execute();
      const me = await signIn(agent.badgeNumber);

      const json = await me.get('/api/me/data-export.json');
      assert.equal(json.statusCode, 200);
      assert.match(String(json.headers['content-disposition']), /attachment/);
      const data = json.json();
      assert.equal(data.agent.badgeNumber, agent.badgeNumber);
      assert.equal(data.personalFile.civilStatus.birthName, 'LEFÈVRE');
      assert.equal(data.secondFactors[0].label, 'Téléphone de service');
      assert.ok(data.connectionHistory.some((e: { kind: string }) => e.kind === 'sign_in'));
      assert.equal(data.sessions.length, 1);
      assert.equal(data.accessRequests.length, 1);
      assert.ok(Array.isArray(data.administrativeActions));
      const raw = json.body;
      for (const secret of ['SECRET-SEED', KNOWN_PASSWORD, 'password_hash', 'argon2', 'id_hash', 'iban_encrypted']) assert.ok(!raw.includes(secret), secret);
      assert.doesNotMatch(raw, /FR\d{25}/);

      const pdf = await me.get('/api/me/data-export.pdf');
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      assert.match(text, /Copie de mes données personnelles/);
      assert.match(text, /Aurélie Lefèvre/);
      assert.match(text, new RegExp(agent.badgeNumber));
      assert.match(text, /Téléphone de service/);
      assert.ok(!text.includes('SECRET-SEED'));

      const requests = await t.database.db.selectFrom('data_access_requests').select('format').where('agent_id', '=', agent.agentId).orderBy('requested_at').execute();
      assert.deepEqual(requests.map((r) => r.format).sort(), ['json', 'pdf']);
    });
  });
}
