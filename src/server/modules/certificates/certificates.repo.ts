import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export type CertificateKind = 'employment' | 'salary' | 'departure';

// What a certificate says about its holder, read at the moment of issue.
export async function loadHolder(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('grades as g', 'g.id', 'a.grade_id')
    // The working time lives in the personal file; an agent without one gets a certificate without it.
    .leftJoin('personal_files as f', 'f.agent_id', 'a.id')
    .select([
      'a.id',
      'a.first_name',
      'a.last_name',
      'a.badge_number',
      'a.email',
      'a.status',
      'a.job_title',
      'a.start_date',
      'a.departure_date',
      'a.department_id',
      'd.name as department_name',
      's.name as service_name',
      'g.name as grade_name',
      'g.category as grade_category',
      'f.working_time_percent',
      'f.weekly_minutes',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

export type Holder = NonNullable<Awaited<ReturnType<typeof loadHolder>>>;

export async function nextReferenceNumber(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('certificate_reference_seq')::int as n`.execute(db);
  return rows[0]!.n;
}

export async function insertCertificate(
  db: Db,
  row: {
    reference: string;
    kind: CertificateKind;
    agentId: string;
    holderName: string;
    periodFrom: string | null;
    periodTo: string | null;
    verificationCodeHash: string;
    issuedAt: Date;
    issuedBy: string;
    pdf: Buffer;
    pdfSha256: string;
  },
) {
  return db
    .insertInto('certificates')
    .values({
      reference: row.reference,
      kind: row.kind,
      agent_id: row.agentId,
      holder_name: row.holderName,
      period_from: row.periodFrom,
      period_to: row.periodTo,
      verification_code_hash: row.verificationCodeHash,
      issued_at: row.issuedAt,
      issued_by: row.issuedBy,
      pdf: row.pdf,
      pdf_sha256: row.pdfSha256,
    })
    .returning(summaryColumns)
    .executeTakeFirstOrThrow();
}

const summaryColumns = [
  'id',
  'reference',
  'kind',
  'agent_id',
  'holder_name',
  'period_from',
  'period_to',
  'issued_at',
  'pdf_sha256',
  'revoked_at',
  'revocation_reason',
] as const;

export type CertificateRow = Awaited<ReturnType<typeof insertCertificate>>;

export function listCertificatesOf(db: Db, agentId: string) {
  return db.selectFrom('certificates').select(summaryColumns).where('agent_id', '=', agentId).orderBy('issued_at', 'desc').orderBy('reference', 'desc').execute();
}

export function findCertificate(db: Db, id: string) {
  return db.selectFrom('certificates').select(summaryColumns).where('id', '=', id).executeTakeFirst();
}

export function findCertificatePdf(db: Db, id: string) {
  return db.selectFrom('certificates').select(['agent_id', 'reference', 'pdf', 'pdf_sha256']).where('id', '=', id).executeTakeFirst();
}

export function findByCodeHash(db: Db, codeHash: string) {
  return db
    .selectFrom('certificates')
    .select(['kind', 'holder_name', 'issued_at', 'revoked_at', 'revocation_reason'])
    .where('verification_code_hash', '=', codeHash)
    .executeTakeFirst();
}

// Only a certificate still valid is revoked: the first revocation, its date and reason, stand.
export function markRevoked(db: Db, id: string, revocation: { at: Date; by: string; reason: string }) {
  return db
    .updateTable('certificates')
    .set({ revoked_at: revocation.at, revoked_by: revocation.by, revocation_reason: revocation.reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(summaryColumns)
    .executeTakeFirst();
}
