import { createHash } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { hashToken } from '../../security/keys.ts';
import { blockedUntil, consumeAttempt, type ThrottleRule } from '../../security/throttle.ts';
import { type Actor, authorizeOnAgent } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { parisDate } from '../accounts/index.ts';
import { departureContent, employmentContent, frenchDay, salaryContent } from './certificate-content.ts';
import { renderCertificate } from './certificate.pdf.ts';
import * as repo from './certificates.repo.ts';
import type { Certificate, CertificateKind, CertificateVerification } from './certificates.schema.ts';
import { MAX_SALARY_MONTHS, type SalaryPeriodProblem, salaryPeriodProblems } from './salary-period.ts';
import { salaryTotalsFromPayslips, type SalaryTotalsSource } from './salary-totals.ts';
import { certificateReference, newVerificationCode, normaliseCode } from './verification-code.ts';

const periodMessages: Record<SalaryPeriodProblem['rule'], string> = {
  order: 'le premier mois doit précéder le dernier',
  future: 'la période ne peut pas dépasser le mois en cours',
  too_long: `au plus ${MAX_SALARY_MONTHS} mois`,
};

// The public page answers anyone: 30 look-ups per address per 10 minutes is plenty for a person checking
// documents, and makes walking 2^80 codes pointless.
export const verificationThrottle: ThrottleRule = { bucket: 'certificate-verification', windowMs: 10 * 60_000, freeFailures: 30, maxDelayMs: 15 * 60_000 };

export type IssueRequest =
  | { kind: 'employment' }
  | { kind: 'salary'; from: string; to: string }
  | { kind: 'departure' };

export type Issuer = { agentId: string; audit: AuditActor };

function toCertificate(row: repo.CertificateRow): Certificate {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as CertificateKind,
    holderName: row.holder_name,
    periodFrom: row.period_from?.slice(0, 7) ?? null,
    periodTo: row.period_to?.slice(0, 7) ?? null,
    issuedAt: row.issued_at.toISOString(),
    sha256: row.pdf_sha256,
    revoked: row.revoked_at !== null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revocationReason: row.revocation_reason,
  };
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

// Issues a certificate at once: the PDF is produced, stored with its SHA-256, and never changes again.
export async function issueCertificate(
  ctx: AppContext,
  holderId: string,
  request: IssueRequest,
  issuer: Issuer,
  salaryTotals: SalaryTotalsSource = salaryTotalsFromPayslips,
): Promise<Certificate> {
  const holder = await repo.loadHolder(ctx.db, holderId);
  if (!holder) throw new AppError('not_found', 'Aucun agent correspondant.');
  const now = ctx.clock.now();
  const orgName = ctx.config.org.name;

  let content;
  let period: { from: string; to: string } | null = null;
  if (request.kind === 'departure') {
    if (holder.status !== 'departed') throw new AppError('unprocessable', 'L’attestation de fin de fonctions ne concerne qu’un agent parti.');
    content = departureContent(orgName, holder);
  } else if (holder.status === 'departed') {
    throw new AppError('unprocessable', 'Cet agent a quitté la collectivité : délivrez une attestation de fin de fonctions.');
  } else if (request.kind === 'employment') {
    content = employmentContent(orgName, holder);
  } else {
    const problems = salaryPeriodProblems(request.from, request.to, parisDate(now).slice(0, 7));
    if (problems.length > 0) {
      const errors = problems.map((problem) => ({ field: problem.field, rule: `salary_period_${problem.rule}`, message: periodMessages[problem.rule] }));
      throw new AppError('validation_failed', 'Période invalide.', { errors });
    }
    const totals = await salaryTotals(ctx.db, holder.id, request.from, request.to);
    if (!totals || totals.payslips === 0) throw new AppError('unprocessable', 'Aucun bulletin de paie publié sur cette période.');
    content = salaryContent(orgName, holder, request.from, request.to, totals);
    period = { from: `${request.from}-01`, to: lastDayOf(request.to) };
  }

  const code = newVerificationCode();
  const reference = certificateReference(request.kind, Number(parisDate(now).slice(0, 4)), await repo.nextReferenceNumber(ctx.db));
  const pdf = await renderCertificate({
    orgName,
    departmentName: holder.department_name,
    reference,
    verificationCode: code,
    verifyUrl: `${ctx.config.publicUrl}/verify/${code}`,
    issuedOn: frenchDay(parisDate(now)),
    ...content,
  });
  const holderName = `${holder.first_name} ${holder.last_name}`;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertCertificate(trx, {
      reference,
      kind: request.kind,
      agentId: holder.id,
      holderName,
      periodFrom: period?.from ?? null,
      periodTo: period?.to ?? null,
      verificationCodeHash: hashToken(code),
      issuedAt: now,
      issuedBy: issuer.agentId,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    });
    // An agent's own request is their business; HR issuing for someone is an administrative act.
    if (issuer.agentId !== holder.id) {
      await recordAudit(trx, {
        actor: issuer.audit,
        action: 'certificate.issue',
        target: { type: 'agent', id: holder.id, label: `${holderName} (${holder.badge_number})` },
        departmentId: holder.department_id,
        changes: { certificate: { from: null, to: reference } },
        at: now,
      });
    }
    return inserted;
  });
  return toCertificate(row);
}

export async function listCertificates(ctx: AppContext, agentId: string): Promise<Certificate[]> {
  return (await repo.listCertificatesOf(ctx.db, agentId)).map(toCertificate);
}

// The stored bytes, for the holder or for HR of the holder's perimeter; anyone else: 404.
export async function certificatePdf(ctx: AppContext, actor: Actor, id: string): Promise<{ reference: string; pdf: Buffer; sha256: string }> {
  const row = await repo.findCertificatePdf(ctx.db, id);
  if (!row) throw new AppError('not_found', 'Aucune attestation correspondante.');
  if (row.agent_id !== actor.agentId) await authorizeOnAgent(ctx, actor, 'certificate.issue', { agentId: row.agent_id }).catch(notFound);
  return { reference: row.reference, pdf: row.pdf, sha256: row.pdf_sha256 };
}

function notFound(): never {
  throw new AppError('not_found', 'Aucune attestation correspondante.');
}

export async function revokeCertificate(ctx: AppContext, actor: Actor, audit: AuditActor, id: string, reason: string): Promise<Certificate> {
  const existing = await repo.findCertificate(ctx.db, id);
  if (!existing) notFound();
  await authorizeOnAgent(ctx, actor, 'certificate.revoke', { agentId: existing.agent_id }).catch(notFound);
  if (existing.revoked_at) throw new AppError('conflict', 'Cette attestation est déjà révoquée.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const revoked = await repo.markRevoked(trx, id, { at: now, by: actor.agentId, reason });
    if (!revoked) throw new AppError('conflict', 'Cette attestation est déjà révoquée.');
    const holder = await repo.loadHolder(trx, revoked.agent_id);
    await recordAudit(trx, {
      actor: audit,
      action: 'certificate.revoke',
      target: { type: 'certificate', id, label: `${revoked.reference} — ${revoked.holder_name}` },
      departmentId: holder?.department_id ?? null,
      changes: { revoked: { from: false, to: true } },
      reason,
      at: now,
    });
    return revoked;
  });
  return toCertificate(row);
}

// The public check. An unknown code and a malformed one get the very same 404, so a prober learns nothing
// but "no"; every look-up counts against the address, and a refusal says how long to wait.
export async function verifyCertificate(ctx: AppContext, typedCode: string, ip: string): Promise<CertificateVerification> {
  const now = ctx.clock.now();
  if (!(await consumeAttempt(ctx.db, verificationThrottle, ip, now))) {
    const until = await blockedUntil(ctx.db, verificationThrottle, ip, now);
    const seconds = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'Trop de vérifications depuis cette adresse : réessayez dans quelques minutes.', {
      headers: { 'retry-after': String(seconds) },
    });
  }
  const code = normaliseCode(typedCode);
  const row = code ? await repo.findByCodeHash(ctx.db, hashToken(code)) : undefined;
  if (!row) throw new AppError('not_found', 'Aucune attestation ne correspond à ce code.');
  const revoked = row.revoked_at !== null;
  return {
    valid: !revoked,
    type: row.kind as CertificateKind,
    holderName: row.holder_name,
    issuedAt: row.issued_at.toISOString(),
    revoked,
    // The reason stays with HR: written for colleagues, it may say more about the holder than the page should.
    ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
  };
}
