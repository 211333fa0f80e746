import { z } from 'zod';
import { levels, priorities, ticketCategories, ticketKinds, ticketStatuses } from './helpdesk-rules.ts';

const text = (max: number, what: string) =>
  z.string().trim().min(1, { message: `${what} est obligatoire` }).max(max, { message: `${what} dépasse ${max} caractères` });

export const TicketIdParams = z.object({ ticketId: z.uuid({ message: 'identifiant de demande invalide' }) }).strict();
export type TicketIdParams = z.infer<typeof TicketIdParams>;
export const AttachmentParams = TicketIdParams.extend({ attachmentId: z.uuid({ message: 'identifiant de pièce jointe invalide' }) }).strict();
export type AttachmentParams = z.infer<typeof AttachmentParams>;

export const NewTicketBody = z
  .object({
    kind: z.enum(ticketKinds),
    category: z.enum(ticketCategories),
    urgency: z.enum(levels),
    title: text(150, 'Le titre'),
    description: text(5000, 'La description'),
  })
  .strict();
export type NewTicketBody = z.infer<typeof NewTicketBody>;

export const FollowupBody = z.object({ body: text(5000, 'Le message') }).strict();
export type FollowupBody = z.infer<typeof FollowupBody>;
export const SupportFollowupBody = FollowupBody.extend({ visibility: z.enum(['public', 'private']) }).strict();
export type SupportFollowupBody = z.infer<typeof SupportFollowupBody>;

export const AttachmentBody = z
  .object({
    fileName: text(200, 'Le nom du fichier'),
    // 2 Mo once decoded; the magic bytes decide the type.
    contentBase64: z.string().max(2_900_000, { message: 'Le fichier dépasse 2 Mo' }),
  })
  .strict();
export type AttachmentBody = z.infer<typeof AttachmentBody>;

export const SolutionAnswerBody = z
  .object({ accepted: z.boolean(), comment: z.string().trim().max(5000).optional() })
  .strict()
  .refine((b) => b.accepted || (b.comment?.length ?? 0) > 0, { message: 'Dites ce qui ne fonctionne toujours pas', path: ['comment'] });
export type SolutionAnswerBody = z.infer<typeof SolutionAnswerBody>;

export const SatisfactionBody = z
  .object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() })
  .strict();
export type SatisfactionBody = z.infer<typeof SatisfactionBody>;

export const CannotSignInBody = z
  .object({
    badgeNumber: z.string().trim().regex(/^\d{7}$/, { message: 'Le matricule compte 7 chiffres' }),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{10,20}$/, { message: 'Numéro de téléphone invalide' }).optional(),
    email: z.email({ message: 'Adresse e-mail invalide' }).max(200).optional(),
    message: text(2000, 'Le message'),
  })
  .strict()
  .refine((b) => b.phone || b.email, { message: 'Indiquez un téléphone ou une adresse e-mail pour être rappelé', path: ['phone'] });
export type CannotSignInBody = z.infer<typeof CannotSignInBody>;
export const CannotSignInResponse = z.object({ message: z.string() });

export const AssignBody = z
  .object({ assigneeBadgeNumber: z.string().regex(/^\d{7}$/, { message: 'Le matricule compte 7 chiffres' }).optional() })
  .strict();
export type AssignBody = z.infer<typeof AssignBody>;
export const ImpactBody = z.object({ impact: z.enum(levels) }).strict();
export type ImpactBody = z.infer<typeof ImpactBody>;
export const StatusBody = z
  .object({ status: z.enum(['assigned', 'pending', 'solved']), comment: z.string().trim().max(5000).optional() })
  .strict()
  .refine((b) => b.status !== 'solved' || (b.comment?.length ?? 0) > 0, { message: 'Décrivez la solution', path: ['comment'] });
export type StatusBody = z.infer<typeof StatusBody>;
export const MergeBody = z.object({ intoNumber: z.number().int().positive() }).strict();
export type MergeBody = z.infer<typeof MergeBody>;

export const QueueQuery = z
  .object({
    status: z.enum([...ticketStatuses, 'open']).default('open'),
    priority: z.enum(priorities).optional(),
    category: z.enum(ticketCategories).optional(),
    assignee: z.enum(['me', 'nobody', 'anyone']).default('anyone'),
    overdue: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuery>;

const Person = z.object({ badgeNumber: z.string(), firstName: z.string(), lastName: z.string() });

export const TicketSummary = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(ticketKinds),
  category: z.enum(ticketCategories),
  title: z.string(),
  status: z.enum(ticketStatuses),
  priority: z.enum(priorities),
  createdAt: z.string(),
  callbackRequested: z.boolean(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const Followup = z.object({
  id: z.string(),
  kind: z.enum(['comment', 'solution', 'event']),
  visibility: z.enum(['public', 'private']),
  body: z.string(),
  createdAt: z.string(),
  author: Person.nullable(),
});
export type Followup = z.infer<typeof Followup>;

export const Attachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), createdAt: z.string() });
export type Attachment = z.infer<typeof Attachment>;

export const TicketDetail = TicketSummary.extend({
  description: z.string(),
  urgency: z.enum(levels),
  impact: z.enum(levels),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedIntoNumber: z.number().nullable(),
  satisfaction: z.object({ rating: z.number(), comment: z.string().nullable() }).nullable(),
  followups: z.array(Followup),
  attachments: z.array(Attachment),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const MyTicketsResponse = z.object({ items: z.array(TicketSummary) });
export type MyTicketsResponse = z.infer<typeof MyTicketsResponse>;

const Targets = z.object({ ownBy: z.string(), resolveBy: z.string(), ownOverdue: z.boolean(), resolveOverdue: z.boolean() });

export const QueueItem = TicketSummary.extend({ agent: Person.extend({ departmentCode: z.string() }), assignee: Person.nullable(), targets: Targets });
export type QueueItem = z.infer<typeof QueueItem>;
export const QueueResponse = z.object({ items: z.array(QueueItem), total: z.number(), page: z.number(), pageSize: z.number() });
export type QueueResponse = z.infer<typeof QueueResponse>;

export const SupportTicketDetail = TicketDetail.extend({
  agent: Person.extend({ departmentCode: z.string() }),
  assignee: Person.nullable(),
  callbackPhone: z.string().nullable(),
  callbackEmail: z.string().nullable(),
  targets: Targets,
  allowedStatuses: z.array(z.enum(ticketStatuses)),
});
export type SupportTicketDetail = z.infer<typeof SupportTicketDetail>;
