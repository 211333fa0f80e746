import { inflateSync } from 'node:zlib';
import type { Db } from '../../db/connection.ts';
import { ensureReferenceData } from '../../seed/reference-data.ts';
import { createAgent, ensureDepartment, KNOWN_PASSWORD } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import type { TestApp } from '../../test-support/test-app.ts';

export { addDays } from './paris-calendar.ts';

// The small city the HR tests work in: DASCO (schools) and CASVP (social action), their HR officers,
// managers, services and a site.

export async function hrOrganisation(db: Db) {
  await ensureReferenceData(db);
  const dasco = await ensureDepartment(db, 'DASCO');
  const casvp = await ensureDepartment(db, 'CASVP');
  const service = (departmentId: string, code: string, name: string) =>
    db.insertInto('services').values({ department_id: departmentId, code, name }).returning('id').executeTakeFirstOrThrow();
  const ecoles = await service(dasco, 'ECOLES', 'Service des écoles');
  const rh = await service(dasco, 'RH', 'Ressources humaines');
  const social = await service(casvp, 'SOCIAL', 'Action sociale');
  const unit = await db.insertInto('units').values({ service_id: ecoles.id, name: 'Circonscription 11e' }).returning('id').executeTakeFirstOrThrow();
  const site = await db
    .insertInto('sites')
    .values({ name: 'Site Morland', address: '17 boulevard Morland', postal_code: '75004', city: 'Paris' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    dasco,
    casvp,
    services: { ecoles: ecoles.id, rh: rh.id, social: social.id },
    unitId: unit.id,
    siteId: site.id,
    dascoHr: await createAgent(db, { department: 'DASCO', role: 'hr_officer', firstName: 'Nathalie', lastName: 'Girard' }),
    casvpHr: await createAgent(db, { department: 'CASVP', role: 'hr_officer', firstName: 'Karim', lastName: 'Benali' }),
    dascoManager: await createAgent(db, { department: 'DASCO', firstName: 'Sophie', lastName: 'Lambert' }),
    casvpManager: await createAgent(db, { department: 'CASVP', firstName: 'Marc', lastName: 'Petit' }),
  };
}

/** A browser on the city network, signed in (no second factor asked inside). */
export async function signedIn(t: TestApp, agent: { badgeNumber: string }, password = KNOWN_PASSWORD): Promise<TestClient> {
  const client = testClient(t.app, { ip: '10.0.0.5' });
  const res = await client.post('/api/auth/login', { identifier: agent.badgeNumber, password });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${agent.badgeNumber} failed: ${res.statusCode} ${res.body}`);
  return client;
}

export function auditTrailOf(db: Db, agentId: string) {
  return db
    .selectFrom('audit_events')
    .select(['action', 'reason', 'changes', 'actor_label', 'actor_ip'])
    .where('target_id', '=', agentId)
    .orderBy('id')
    .execute();
}

/** The text a PDF shows: its content streams inflated, the strings of its TJ operators decoded (WinAnsi). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const line of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      for (const hex of (line[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
        text += new TextDecoder('windows-1252').decode(Buffer.from(hex[1] ?? '', 'hex'));
      }
      text += '\n';
    }
  }
  return text;
}
