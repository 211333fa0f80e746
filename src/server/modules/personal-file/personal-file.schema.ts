import { z } from 'zod';
import { CorrectableField } from './correctable-fields.ts';

export { CorrectableField };

export const PersonalFileResponse = z
  .object({
    agent: z.object({ id: z.uuid(), badgeNumber: z.string(), firstName: z.string(), lastName: z.string(), department: z.string() }),
    civilStatus: z.object({
      birthName: z.string(),
      usageName: z.string().nullable(),
      birthDate: z.string(),
      birthPlace: z.string(),
      nationality: z.string(),
    }),
    address: z.object({ addressLine1: z.string(), addressLine2: z.string().nullable(), postalCode: z.string(), city: z.string(), country: z.string() }),
    contact: z.object({ personalPhone: z.string().nullable(), personalEmail: z.string().nullable() }),
    bankDetails: z
      .object({
        iban: z.string().describe('masqué sauf les 4 derniers caractères'),
        bic: z.string(),
        effectiveFrom: z.string(),
        upcoming: z.object({ iban: z.string(), bic: z.string(), effectiveFrom: z.string() }).nullable(),
      })
      .nullable(),
    family: z.object({
      familyStatus: z.string(),
      children: z.array(z.object({ firstName: z.string(), birthDate: z.string() })),
    }),
    career: z.object({
      grade: z.string().nullable(),
      echelon: z.number().int().nullable(),
      indexMajore: z.number().int().nullable(),
      assignments: z.array(z.object({ label: z.string(), department: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
    }),
    workingTime: z.object({ percent: z.number().int(), weeklyMinutes: z.number().int(), cycle: z.string() }),
  })
  .meta({ id: 'PersonalFile' });
export type PersonalFileResponse = z.infer<typeof PersonalFileResponse>;

export const ConsultationPurpose = z
  .string()
  .trim()
  .min(5, { message: 'Indiquez le motif de la consultation (5 caractères au moins).' })
  .max(200, { message: 'Le motif tient en 200 caractères.' });

export const HrFileQuery = z.object({ purpose: ConsultationPurpose });

export const ConsultationList = z.object({
  items: z.array(
    z.object({ at: z.iso.datetime(), consultedBy: z.string(), role: z.string(), department: z.string().nullable(), purpose: z.string() }),
  ),
});

export const CorrectionRequestBody = z.object({
  changes: z
    .array(z.object({ field: CorrectableField, proposedValue: z.string().max(200) }))
    .min(1, { message: 'Indiquez au moins un champ à corriger.' })
    .max(13),
  comment: z.string().trim().max(1000).optional(),
  document: z
    .object({
      fileName: z.string().trim().min(1).max(200),
      // 2 MiB once decoded: base64 is 4/3 of that.
      contentBase64: z.base64({ message: 'Le justificatif doit être encodé en base64.' }).max(2_796_204, { message: 'Le justificatif dépasse 2 Mo.' }),
    })
    .optional(),
});
export type CorrectionRequestBody = z.infer<typeof CorrectionRequestBody>;

export const CorrectionStatus = z.enum(['pending', 'accepted', 'refused']);

export const CorrectionView = z
  .object({
    id: z.uuid(),
    agent: z.object({ id: z.uuid(), name: z.string(), badgeNumber: z.string() }),
    changes: z.array(z.object({ field: CorrectableField, label: z.string(), currentValue: z.string().nullable(), proposedValue: z.string() })),
    comment: z.string().nullable(),
    document: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
    status: CorrectionStatus,
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decidedBy: z.string().nullable(),
    refusalReason: z.string().nullable(),
  })
  .meta({ id: 'FileCorrection' });
export type CorrectionView = z.infer<typeof CorrectionView>;

export const CorrectionList = z.object({ items: z.array(CorrectionView) });

export const RefuseCorrectionBody = z.object({
  reason: z.string().trim().min(5, { message: 'Expliquez le refus à l’agent (5 caractères au moins).' }).max(1000),
});

export const ChangeBankDetailsBody = z.object({ iban: z.string().max(60), bic: z.string().max(20) });
export const BankDetailsChange = z.object({ iban: z.string(), effectiveFrom: z.string() });

export const IdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });
