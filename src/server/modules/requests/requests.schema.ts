import { z } from 'zod';

export const RequestStatus = z.enum(['pending', 'approved', 'refused', 'withdrawn', 'cancelled']);
export const RequestStep = z.enum(['manager', 'hr']);

// Free text keeps line breaks (a reason may have several lines) but no other control character.
const reasonText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `au plus ${max} caractères` })
    .refine((value) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });

export const RequestSummaryView = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  summary: z.string(),
  status: RequestStatus,
  step: RequestStep.nullable(),
  submittedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  answerDueOn: z.iso.date().nullable(),
});

export const MyRequestList = z.object({ items: z.array(RequestSummaryView) }).meta({ id: 'MyRequestList' });
export const MyRequestsQuery = z.object({ status: RequestStatus.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });

export const RequestEventView = z.object({
  at: z.iso.datetime(),
  action: z.enum(['submitted', 'approved', 'forwarded_to_hr', 'refused', 'withdrawn', 'cancelled', 'reminded', 'escalated']),
  by: z.string().nullable(),
  comment: z.string().nullable(),
});

export const RequestDetail = RequestSummaryView.extend({
  agent: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string() }),
  events: z.array(RequestEventView),
  /** What the reader may do now. */
  may: z.object({ withdraw: z.boolean(), cancel: z.boolean(), decide: z.boolean() }),
}).meta({ id: 'RequestDetail' });
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestIdParams = z.object({ id: z.uuid({ message: 'identifiant de demande invalide' }) });

export const DecisionBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }).strict(),
    z
      .object({
        decision: z.literal('refuse'),
        reason: reasonText(1000).pipe(z.string().min(5, { message: 'Indiquez le motif du refus (5 caractères au moins).' })),
      })
      .strict(),
  ])
  .meta({ id: 'RequestDecision' });

export const DecisionReport = z.object({ outcome: z.enum(['approved', 'forwarded_to_hr', 'refused']) });

export const CloseRequestBody = z.object({ comment: reasonText(500).optional() }).strict();
export const CloseReport = z.object({ outcome: z.enum(['withdrawn', 'cancelled']) });

export const InboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  summary: z.string(),
  step: RequestStep,
  submittedAt: z.iso.datetime(),
  answerDueOn: z.iso.date().nullable(),
  /** Days left before the legal deadline (negative once it has passed), when there is one. */
  daysLeft: z.number().int().nullable(),
  agent: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string() }),
  /** Set when the request reaches the reader through a delegation: the manager they stand in for. */
  onBehalfOf: z.string().nullable(),
  bulkApprovable: z.boolean(),
});

export const Inbox = z.object({ items: z.array(InboxItem) }).meta({ id: 'ApprovalInbox' });
export type Inbox = z.infer<typeof Inbox>;

export const BulkApproveBody = z.object({ ids: z.array(z.uuid()).min(1, { message: 'Choisissez au moins une demande.' }).max(100) }).strict();
export const BulkApproveReport = z.object({
  results: z.array(z.object({ id: z.uuid(), outcome: z.enum(['approved', 'forwarded_to_hr', 'failed']), message: z.string().nullable() })),
});

export const DelegationView = z.object({
  id: z.uuid(),
  direction: z.enum(['given', 'received']),
  manager: z.string(),
  delegate: z.string(),
  delegateBadgeNumber: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
});
export const DelegationList = z.object({ items: z.array(DelegationView), managesATeam: z.boolean() }).meta({ id: 'DelegationList' });

export const NewDelegationBody = z
  .object({
    delegateBadgeNumber: z.string().trim().regex(/^\d{7}$/, { message: 'numéro de badge de 7 chiffres attendu' }),
    startsOn: z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' }),
    endsOn: z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' }),
  })
  .strict()
  .meta({ id: 'NewDelegation' });

export const DelegationIdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

// The same submission retried (network, double click) carries the same key and creates one request.
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ message: 'en-tête Idempotency-Key obligatoire' })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Idempotency-Key : 8 à 100 caractères parmi lettres, chiffres, - et _' }),
});

