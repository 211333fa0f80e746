import { z } from 'zod';
import { ConsultationList, CorrectionView, PersonalFileResponse } from './personal-file.schema.ts';

export const DataExport = z
  .object({
    generatedAt: z.iso.datetime(),
    agent: z.object({
      badgeNumber: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      professionalEmail: z.string(),
      professionalPhone: z.string().nullable(),
      jobTitle: z.string(),
      department: z.string(),
      service: z.string().nullable(),
      status: z.string(),
      startDate: z.string(),
      departureDate: z.string().nullable(),
    }),
    personalFile: PersonalFileResponse.nullable(),
    bankDetailsHistory: z.array(z.object({ iban: z.string(), effectiveFrom: z.string(), recordedAt: z.string() })),
    corrections: z.array(CorrectionView),
    consultationsOfMyFile: ConsultationList.shape.items,
    accessRequests: z.array(z.object({ format: z.string(), at: z.string() })),
    connectionHistory: z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        result: z.string(),
        ip: z.string(),
        networkZone: z.string(),
        browser: z.string(),
        os: z.string(),
        deviceType: z.string(),
        detail: z.string().nullable(),
      }),
    ),
    sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), networkZone: z.string(), ip: z.string(), device: z.string() })),
    secondFactors: z.array(
      z.object({ kind: z.string(), label: z.string(), createdAt: z.string(), confirmedAt: z.string().nullable(), lastUsedAt: z.string().nullable() }),
    ),
    administrativeActions: z.array(z.object({ at: z.string(), action: z.string(), by: z.string(), changes: z.unknown(), reason: z.string().nullable() })),
  })
  .meta({ id: 'PersonalDataExport' });
export type DataExport = z.infer<typeof DataExport>;
