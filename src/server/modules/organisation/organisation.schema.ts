import { z } from 'zod';

export const DepartmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'un sigle de 2 à 16 lettres majuscules ou chiffres (ex. DASCO)' });

export const DepartmentSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    serviceCount: z.number().int(),
  })
  .meta({ id: 'DepartmentSummary' });
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;

export const DepartmentListResponse = z.object({ items: z.array(DepartmentSummary) }).meta({ id: 'DepartmentList' });
export type DepartmentListResponse = z.infer<typeof DepartmentListResponse>;

export const CreateDepartmentInput = z.object({
  code: DepartmentCode,
  name: z.string().trim().min(2).max(200),
});
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;
