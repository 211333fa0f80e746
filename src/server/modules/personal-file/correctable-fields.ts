import { z } from 'zod';

// The fields an agent may ask HR to correct (GDPR art. 16), the column each one lives in, and what a valid
// value looks like. Career and working time come from HR decisions, bank details have their own procedure.
export const correctableFields = {
  birthName: { column: 'birth_name', label: 'nom de naissance', value: z.string().trim().min(1).max(100) },
  usageName: { column: 'usage_name', label: 'nom d’usage', value: z.string().trim().max(100) },
  birthDate: { column: 'birth_date', label: 'date de naissance', value: z.iso.date() },
  birthPlace: { column: 'birth_place', label: 'lieu de naissance', value: z.string().trim().min(1).max(120) },
  nationality: { column: 'nationality', label: 'nationalité', value: z.string().trim().min(1).max(60) },
  addressLine1: { column: 'address_line1', label: 'adresse', value: z.string().trim().min(1).max(200) },
  addressLine2: { column: 'address_line2', label: 'complément d’adresse', value: z.string().trim().max(200) },
  postalCode: { column: 'postal_code', label: 'code postal', value: z.string().trim().regex(/^[0-9A-Z -]{3,10}$/) },
  city: { column: 'city', label: 'ville', value: z.string().trim().min(1).max(100) },
  country: { column: 'country', label: 'pays', value: z.string().trim().min(1).max(60) },
  personalPhone: { column: 'personal_phone', label: 'téléphone personnel', value: z.string().trim().regex(/^\+?[0-9 .]{6,20}$/) },
  personalEmail: { column: 'personal_email', label: 'adresse e-mail personnelle', value: z.email() },
  familyStatus: {
    column: 'family_status',
    label: 'situation familiale',
    value: z.enum(['celibataire', 'marie', 'pacse', 'concubinage', 'divorce', 'separe', 'veuf']),
  },
} as const;

export type CorrectableField = keyof typeof correctableFields;
export const CorrectableField = z.enum(Object.keys(correctableFields) as [CorrectableField, ...CorrectableField[]]);
export type FileColumn = (typeof correctableFields)[CorrectableField]['column'];
