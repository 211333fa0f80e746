import { z } from 'zod';
import { rules } from './access.policy.ts';

const actions = Object.keys(rules) as [string, ...string[]];
const Badge = z.string().trim().regex(/^\d{7}$/, { message: 'un matricule de 7 chiffres' });

export const ExplainQuery = z
  .object({ actor: Badge, action: z.enum(actions, { message: 'une action connue' }), target: Badge.optional() })
  .strict();

export const ExplainResponse = z
  .object({ allowed: z.boolean(), reason: z.string(), actor: z.string(), target: z.string().nullable() })
  .meta({ id: 'AccessDecision' });

export const RoleGrant = z
  .object({
    role: z.enum(['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'], { message: 'un rôle connu' }),
    departmentCode: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9-]{1,15}$/).optional(),
    serviceId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    reason: z.string().trim().min(5, { message: 'un motif d’au moins 5 caractères' }).max(500),
  })
  .strict()
  .refine((g) => [g.departmentCode, g.serviceId, g.unitId].filter(Boolean).length <= 1, {
    message: 'un seul périmètre : direction, service ou unité (aucun = toute la collectivité)',
  });
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleAssignmentList = z
  .object({
    items: z.array(
      z.object({ id: z.string(), role: z.string(), perimeter: z.string(), grantedAt: z.string() }),
    ),
  })
  .meta({ id: 'RoleAssignments' });
