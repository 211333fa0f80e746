import { z } from 'zod';
import { identityCheckItems } from './identity-check.ts';

// Request and response shapes of the IT support console; the web pages import these types.

const unknownKeys = (issue: { keys?: unknown }) => (Array.isArray(issue.keys) ? issue.keys.join(', ') : '');
const unknownField = (what: string) => (issue: { code?: string; keys?: unknown }) =>
  issue.code === 'unrecognized_keys' ? `champ inconnu : ${unknownKeys(issue)}` : `un objet ${what}`;

export const BadgeNumberParams = z
  .object({ badgeNumber: z.string().regex(/^\d{7}$/, { message: 'un matricule de 7 chiffres (ex. 1234567)' }) })
  .strict();
export type BadgeNumberParams = z.infer<typeof BadgeNumberParams>;

// Free text typed by the support agent, kept in the audit trail: newlines allowed, other control characters not.
const freeText = (name: string, Name = `${name[0]!.toUpperCase()}${name.slice(1)}`) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `Indiquez ${name} (5 à 500 caractères).` : `${Name} doit être du texte.`) })
    .normalize('NFC')
    .trim()
    .min(5, { message: `${Name} doit compter au moins 5 caractères.` })
    .max(500, { message: `${Name} doit compter au plus 500 caractères.` })
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(value), { message: 'Caractères de contrôle interdits.' });

export const Reason = freeText('le motif');

export const ReasonBody = z.strictObject({ reason: Reason }, { error: unknownField('{ reason }') }).meta({ id: 'SupportReasonBody' });
export type ReasonBody = z.infer<typeof ReasonBody>;

export const TemporaryPasswordBody = z
  .strictObject(
    {
      reason: Reason,
      deliverTo: z
        .enum(['support', 'manager'], { message: '« support » (affiché une seule fois) ou « manager » (envoyé par e-mail à l’encadrant)' })
        .default('support'),
    },
    { error: unknownField('{ reason, deliverTo }') },
  )
  .meta({ id: 'SupportTemporaryPasswordBody' });
export type TemporaryPasswordBody = z.infer<typeof TemporaryPasswordBody>;

const checklistShape = Object.fromEntries(
  identityCheckItems.map((item) => [item.key, z.boolean({ message: 'vrai ou faux' }).optional().describe(item.label)]),
) as Record<(typeof identityCheckItems)[number]['key'], z.ZodOptional<z.ZodBoolean>>;

export const IdentityChecklistInput = z.strictObject(checklistShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `case inconnue de la liste de vérification : ${unknownKeys(issue)}`
      : 'la liste de vérification d’identité (cases cochées)',
});

export const ResetSecondFactorsBody = z
  .strictObject(
    {
      reason: Reason,
      checklist: IdentityChecklistInput,
      // The agent who lost their phone is usually at home: the code lets them enrol a new factor from outside.
      issueEnrolmentCode: z.boolean({ message: 'vrai ou faux' }).default(true),
    },
    { error: unknownField('{ reason, checklist, issueEnrolmentCode }') },
  )
  .meta({ id: 'SupportResetSecondFactorsBody' });
export type ResetSecondFactorsBody = z.infer<typeof ResetSecondFactorsBody>;

export const HandleAlertBody = z
  .strictObject(
    {
      note: freeText('la note').describe('Ce qui a été fait (5 à 500 caractères), gardé avec l’alerte et dans le journal d’audit'),
    },
    { error: unknownField('{ note }') },
  )
  .meta({ id: 'SupportHandleAlertBody' });
export type HandleAlertBody = z.infer<typeof HandleAlertBody>;

export const AlertIdParams = z.object({ alertId: z.uuid({ message: 'identifiant d’alerte invalide' }) }).strict();

export const AccountSearchQuery = z
  .strictObject(
    {
      q: z
        .string()
        .trim()
        .max(100, { message: 'au plus 100 caractères' })
        .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' })
        .optional(),
      locked: z.enum(['true', 'false'], { message: 'true ou false' }).optional(),
      page: z.coerce.number({ message: 'un numéro de page' }).int().min(1).max(1000).default(1),
      pageSize: z.coerce.number({ message: 'un nombre de résultats par page (1 à 50)' }).int().min(1).max(50).default(20),
    },
    { error: unknownField('de recherche') },
  )
  .refine((query) => (query.q !== undefined && query.q.length >= 2) || query.locked === 'true', {
    path: ['q'],
    message: 'Saisissez au moins 2 caractères : matricule, e-mail ou nom.',
  });
export type AccountSearchQuery = z.infer<typeof AccountSearchQuery>;

export const ConnectionsQuery = z.strictObject(
  {
    days: z.coerce.number({ message: 'un nombre de jours' }).int().min(1).max(365).default(30),
    limit: z.coerce.number({ message: 'un nombre d’événements (1 à 100)' }).int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  },
  { error: unknownField('de pagination') },
);
export type ConnectionsQuery = z.infer<typeof ConnectionsQuery>;

export const AlertsQuery = z.strictObject(
  {
    status: z.enum(['open', 'handled', 'all'], { message: 'open, handled ou all' }).default('all'),
    page: z.coerce.number({ message: 'un numéro de page' }).int().min(1).max(1000).default(1),
    pageSize: z.coerce.number({ message: 'un nombre d’alertes par page (1 à 100)' }).int().min(1).max(100).default(25),
  },
  { error: unknownField('de filtre') },
);
export type AlertsQuery = z.infer<typeof AlertsQuery>;

const AccountStatus = z.enum(['pending', 'active', 'suspended', 'departed']);
const NetworkZone = z.enum(['internal', 'external']);
const Named = z.object({ code: z.string(), name: z.string() });
const PersonRef = z.object({ badgeNumber: z.string(), firstName: z.string(), lastName: z.string(), email: z.string() });

export const AccountSummary = z.object({
  badgeNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  department: Named,
  service: z.string().nullable(),
  jobTitle: z.string(),
  status: AccountStatus,
  hasAccount: z.boolean(),
  locked: z.boolean(),
  passwordTemporary: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountSearchResponse = z
  .object({ items: z.array(AccountSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'SupportAccountSearch' });
export type AccountSearchResponse = z.infer<typeof AccountSearchResponse>;

export const SecurityAlert = z.object({
  id: z.string(),
  agent: PersonRef.extend({ department: z.string() }),
  kind: z.string(),
  createdAt: z.string(),
  ip: z.string(),
  networkZone: NetworkZone,
  detail: z.string().nullable(),
  handled: z.object({ at: z.string(), by: z.string().nullable(), note: z.string().nullable() }).nullable(),
});
export type SecurityAlert = z.infer<typeof SecurityAlert>;

const Allowed = z.object({ allowed: z.boolean(), reason: z.string() });

export const AccountCardResponse = z
  .object({
    visibleBecause: z.string(),
    agent: PersonRef.extend({
      department: Named,
      service: Named.nullable(),
      unit: z.string().nullable(),
      jobTitle: z.string(),
      jobProfile: z.string(),
      professionalPhone: z.string().nullable(),
      manager: PersonRef.nullable(),
      status: AccountStatus,
      startDate: z.string(),
      departureDate: z.string().nullable(),
    }),
    // null: HR created the agent but no sign-in exists yet (a temporary password creates it).
    account: z
      .object({
        passwordTemporary: z.boolean(),
        passwordChangeRequired: z.boolean(),
        passwordChangedAt: z.string().nullable(),
        passwordExpiresAt: z.string().nullable(),
        passwordExpired: z.boolean(),
        failedAttempts: z.number().int(),
        lockedUntil: z.string().nullable(),
        locked: z.boolean(),
        enrolmentCodeExpiresAt: z.string().nullable(),
      })
      .nullable(),
    secondFactors: z.object({
      requiredOutside: z.boolean(),
      requiredInside: z.boolean(),
      items: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
      recoveryCodesLeft: z.number().int(),
    }),
    // null when the viewer may not see connections (an HR officer, for instance).
    sessions: z
      .object({
        count: z.number().int(),
        items: z.array(
          z.object({ stage: z.string(), deviceLabel: z.string(), ip: z.string(), networkZone: NetworkZone, startedAt: z.string(), lastSeenAt: z.string() }),
        ),
      })
      .nullable(),
    openSecurityAlerts: z.array(SecurityAlert).nullable(),
    // What the viewer may do on this account, so the page shows only the buttons that will work.
    actions: z.object({
      unlock: Allowed,
      issueTemporaryPassword: Allowed,
      issueEnrolmentCode: Allowed,
      resetSecondFactors: Allowed,
      endSessions: Allowed,
      viewConnections: Allowed,
    }),
  })
  .meta({ id: 'SupportAccountCard' });
export type AccountCardResponse = z.infer<typeof AccountCardResponse>;

export const ConnectionsResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        result: z.enum(['success', 'failure', 'info']),
        at: z.string(),
        ip: z.string(),
        networkZone: NetworkZone,
        browser: z.string(),
        os: z.string(),
        deviceType: z.string(),
        detail: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SupportConnectionHistory' });
export type ConnectionsResponse = z.infer<typeof ConnectionsResponse>;

export const ChecklistResponse = z
  .object({ items: z.array(z.object({ key: z.string(), label: z.string(), mandatory: z.boolean() })) })
  .meta({ id: 'SupportIdentityChecklist' });

export const UnlockResponse = z.object({ wasLocked: z.boolean(), failedAttemptsBefore: z.number().int() }).meta({ id: 'SupportUnlockResult' });
export type UnlockResponse = z.infer<typeof UnlockResponse>;

export const EndSessionsResponse = z.object({ sessionsEnded: z.number().int() }).meta({ id: 'SupportEndSessionsResult' });

export const TemporaryPasswordResponse = z
  .discriminatedUnion('deliveredTo', [
    z.object({ deliveredTo: z.literal('support'), temporaryPassword: z.string(), sessionsEnded: z.number().int() }),
    z.object({ deliveredTo: z.literal('manager'), manager: PersonRef, sessionsEnded: z.number().int() }),
  ])
  .meta({ id: 'SupportTemporaryPasswordResult' });
export type TemporaryPasswordResponse = z.infer<typeof TemporaryPasswordResponse>;

const IssuedCode = z.object({ code: z.string(), expiresAt: z.string() });

export const EnrolmentCodeResponse = IssuedCode.meta({ id: 'SupportEnrolmentCode' });
export type EnrolmentCodeResponse = z.infer<typeof EnrolmentCodeResponse>;

export const ResetSecondFactorsResponse = z
  .object({
    factorsRemoved: z.number().int(),
    recoveryCodesRemoved: z.number().int(),
    sessionsEnded: z.number().int(),
    enrolmentCode: IssuedCode.nullable(),
  })
  .meta({ id: 'SupportResetSecondFactorsResult' });
export type ResetSecondFactorsResponse = z.infer<typeof ResetSecondFactorsResponse>;

export const AlertsResponse = z
  .object({
    items: z.array(SecurityAlert),
    total: z.number().int(),
    openCount: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'SupportSecurityAlerts' });
export type AlertsResponse = z.infer<typeof AlertsResponse>;

export const AlertResponse = SecurityAlert.meta({ id: 'SupportSecurityAlert' });
