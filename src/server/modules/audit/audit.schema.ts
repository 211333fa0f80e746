import { z } from 'zod';

export const AuditQuery = z
  .object({
    actor: z.string().trim().max(100).optional(),
    action: z.string().regex(/^[a-z_.]{1,60}$/, { message: 'une action (ex. account.suspend)' }).optional(),
    target: z.string().trim().max(100).optional(),
    from: z.iso.date({ message: 'une date AAAA-MM-JJ' }).optional(),
    to: z.iso.date({ message: 'une date AAAA-MM-JJ' }).optional(),
    q: z.string().trim().max(100).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventResponse = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorIp: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  target: z.string().nullable(),
  department: z.string().nullable(),
  changes: z.unknown(),
  reason: z.string().nullable(),
});

export const AuditPageResponse = z
  .object({ items: z.array(AuditEventResponse), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });
