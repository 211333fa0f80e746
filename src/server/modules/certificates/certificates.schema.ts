import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const CertificateKind = z.enum(['employment', 'salary', 'departure']).describe(
  'employment : attestation employeur ; salary : attestation de salaire ; departure : attestation de fin de fonctions',
);
export type CertificateKind = z.infer<typeof CertificateKind>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'un mois AAAA-MM' });

// The agent asks for their own certificates: employer certificate, or salary over a period of months.
export const IssueMyCertificateBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('employment') }).strict(),
    z.object({ kind: z.literal('salary'), from: Month, to: Month }).strict(),
  ])
  .meta({ id: 'IssueMyCertificateBody' });
export type IssueMyCertificateBody = z.infer<typeof IssueMyCertificateBody>;

// HR issues for an agent of their perimeter, the certificate at departure included.
export const IssueAgentCertificateBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('employment') }).strict(),
    z.object({ kind: z.literal('salary'), from: Month, to: Month }).strict(),
    z.object({ kind: z.literal('departure') }).strict(),
  ])
  .meta({ id: 'IssueAgentCertificateBody' });
export type IssueAgentCertificateBody = z.infer<typeof IssueAgentCertificateBody>;

export const Certificate = z
  .object({
    id: z.string(),
    reference: z.string(),
    kind: CertificateKind,
    holderName: z.string(),
    periodFrom: z.string().nullable().describe('Premier mois couvert (attestation de salaire), AAAA-MM'),
    periodTo: z.string().nullable(),
    issuedAt: z.iso.datetime(),
    sha256: z.string().describe('Empreinte SHA-256 du PDF, identique à chaque téléchargement'),
    revoked: z.boolean(),
    revokedAt: z.iso.datetime().nullable(),
    revocationReason: z.string().nullable(),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof Certificate>;

export const CertificateList = z.object({ items: z.array(Certificate) }).meta({ id: 'CertificateList' });

export const RevokeCertificateBody = z
  .object({ reason: humanText(500).pipe(z.string().trim().min(5, { message: 'un motif d’au moins 5 caractères' })) })
  .strict()
  .meta({ id: 'RevokeCertificateBody' });

export const CertificateIdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });
export const AgentIdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });
// Any string up to a sane length: a malformed code answers like an unknown one (404), never 400.
export const VerificationCodeParams = z.object({ code: z.string().max(64) });

// What the public page may know: the kind, the holder's name, the date of issue and of revocation. Nothing more.
export const CertificateVerification = z
  .object({
    valid: z.boolean(),
    type: CertificateKind,
    holderName: z.string(),
    issuedAt: z.iso.datetime(),
    revoked: z.boolean(),
    revokedAt: z.iso.datetime().optional(),
  })
  .strict()
  .meta({ id: 'CertificateVerification' });
export type CertificateVerification = z.infer<typeof CertificateVerification>;
