import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { BadgeNumber, PersonName, ProfessionalEmail } from '../identity/index.ts';
import { DepartmentCode } from '../organisation/index.ts';

// What the HR pages send and receive. Field errors of the services name the body's properties
// (e.g. "email"); the route validation names them "body.email".

export const AgentStatus = z.enum(['pending', 'active', 'suspended', 'departed']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const AgentIdParams = z.object({ id: z.uuid({ message: 'identifiant d’agent invalide' }) });

export const Reason = humanText(500).pipe(z.string().trim().min(3, { message: 'indiquez le motif (3 caractères au moins)' }));
const OptionalReason = humanText(500).pipe(z.string().trim()).optional();

// Years outside this range are typing mistakes (and would overflow date arithmetic).
export const CalendarDate = z.iso
  .date({ message: 'une date AAAA-MM-JJ' })
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'une date entre 1900 et 2199' });
const Name = humanText(100).pipe(PersonName);
const Code = (what: string) => humanText(40).pipe(z.string().trim().min(1, { message: `${what} obligatoire` }));
const JobTitle = humanText(200).pipe(z.string().trim().min(1, { message: 'obligatoire' }));
export const ProfessionalPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .()-]{5,24}$/, { message: 'un numéro de téléphone (ex. 01 42 76 40 40)' })
  .transform((phone) => phone.replace(/\s+/g, ' '));

export const CreateAgentBody = z
  .object({
    badgeNumber: BadgeNumber,
    firstName: Name,
    lastName: Name,
    email: ProfessionalEmail,
    departmentCode: DepartmentCode,
    serviceCode: Code('le service').optional(),
    unitId: z.uuid({ message: 'une unité de la liste' }).optional(),
    siteId: z.uuid({ message: 'un site de la liste' }).optional(),
    jobProfileCode: Code('le profil métier'),
    gradeCode: Code('le grade').optional(),
    /** Defaults to the job profile's name. */
    jobTitle: JobTitle.optional(),
    managerBadgeNumber: BadgeNumber.optional(),
    professionalPhone: ProfessionalPhone.optional(),
    startDate: CalendarDate,
    reason: OptionalReason,
  })
  .strict()
  .meta({ id: 'CreateAgentBody' });
export type CreateAgentBody = z.infer<typeof CreateAgentBody>;

export const UpdateAgentBody = z
  .object({
    firstName: Name.optional(),
    lastName: Name.optional(),
    email: ProfessionalEmail.optional(),
    serviceCode: Code('le service').nullable().optional(),
    unitId: z.uuid({ message: 'une unité de la liste' }).nullable().optional(),
    siteId: z.uuid({ message: 'un site de la liste' }).nullable().optional(),
    jobProfileCode: Code('le profil métier').optional(),
    gradeCode: Code('le grade').nullable().optional(),
    jobTitle: JobTitle.optional(),
    managerBadgeNumber: BadgeNumber.nullable().optional(),
    professionalPhone: ProfessionalPhone.nullable().optional(),
    /** Only while the account is pending (the agent has not arrived yet). */
    startDate: CalendarDate.optional(),
    reason: OptionalReason,
  })
  .strict()
  .meta({ id: 'UpdateAgentBody' });
export type UpdateAgentBody = z.infer<typeof UpdateAgentBody>;

export const ReasonBody = z.object({ reason: Reason }).strict().meta({ id: 'ReasonBody' });
export type ReasonBody = z.infer<typeof ReasonBody>;

export const DepartureBody = z
  .object({
    /** First day without access: today or earlier closes the account now, a later day at that date. */
    date: CalendarDate,
    reason: Reason,
  })
  .strict()
  .meta({ id: 'DepartureBody' });
export type DepartureBody = z.infer<typeof DepartureBody>;

export const MobilityBody = z
  .object({
    departmentCode: DepartmentCode,
    serviceCode: Code('le service').optional(),
    unitId: z.uuid({ message: 'une unité de la liste' }).optional(),
    managerBadgeNumber: BadgeNumber.optional(),
    /** Today when absent. */
    effectiveDate: CalendarDate.optional(),
    reason: Reason,
  })
  .strict()
  .meta({ id: 'MobilityBody' });
export type MobilityBody = z.infer<typeof MobilityBody>;

export const WelcomeLetterBody = z
  .object({
    // The secrets the creation answer just showed, to print them as they are; without them, new ones are drawn.
    temporaryPassword: humanText(64).optional(),
    enrolmentCode: humanText(20).optional(),
    reason: OptionalReason,
  })
  .strict()
  .refine((b) => (b.temporaryPassword === undefined) === (b.enrolmentCode === undefined), {
    message: 'le mot de passe temporaire et le code d’enrôlement vont ensemble',
    path: ['enrolmentCode'],
  })
  .meta({ id: 'WelcomeLetterBody' });
export type WelcomeLetterBody = z.infer<typeof WelcomeLetterBody>;

export const AgentListQuery = z
  .object({
    q: humanText(100).pipe(z.string().trim()).optional(),
    status: AgentStatus.optional(),
    department: DepartmentCode.optional(),
    service: humanText(40).pipe(z.string().trim()).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AgentListQuery = z.infer<typeof AgentListQuery>;

const Named = z.object({ code: z.string(), name: z.string() });
const PersonRef = z.object({ badgeNumber: z.string(), firstName: z.string(), lastName: z.string() });

export const AgentSummary = z
  .object({
    id: z.string(),
    badgeNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    department: Named,
    service: Named.nullable(),
    jobTitle: z.string(),
    status: AgentStatus,
    startDate: z.string(),
    departureDate: z.string().nullable(),
  })
  .meta({ id: 'HrAgentSummary' });
export type AgentSummary = z.infer<typeof AgentSummary>;

export const AgentListResponse = z
  .object({ items: z.array(AgentSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'HrAgentList' });

export const AgentDetail = z
  .object({
    id: z.string(),
    badgeNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    professionalPhone: z.string().nullable(),
    department: Named,
    service: Named.nullable(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    site: z.object({ id: z.string(), name: z.string() }).nullable(),
    jobProfile: Named,
    grade: Named.extend({ category: z.string() }).nullable(),
    jobTitle: z.string(),
    manager: PersonRef.nullable(),
    status: AgentStatus,
    startDate: z.string(),
    departureDate: z.string().nullable(),
    suspendedAt: z.string().nullable(),
    suspensionReason: z.string().nullable(),
    departedAt: z.string().nullable(),
    scheduledMobility: z
      .object({ effectiveDate: z.string(), department: Named, service: Named.nullable(), manager: PersonRef.nullable(), reason: z.string() })
      .nullable(),
    account: z.object({
      /** False until a temporary password is issued (accounts created by import). */
      passwordIssued: z.boolean(),
      /** The agent has not yet replaced HR's temporary password. */
      temporaryPasswordPending: z.boolean(),
      locked: z.boolean(),
      lockedUntil: z.string().nullable(),
      lastSignInAt: z.string().nullable(),
      secondFactors: z.number().int(),
      enrolmentCodeExpiresAt: z.string().nullable(),
    }),
    /** Why the reader may see this agent, e.g. "autorisé car : gestionnaire RH de la DASCO". */
    visibleBecause: z.string(),
  })
  .meta({ id: 'HrAgentDetail' });
export type AgentDetail = z.infer<typeof AgentDetail>;

export const CreatedAgentResponse = z
  .object({
    agent: AgentDetail,
    /** Shown once: hand them over with the welcome letter (POST …/welcome-letter with both prints them). */
    temporaryPassword: z.string(),
    enrolmentCode: z.string(),
    enrolmentCodeExpiresAt: z.string(),
  })
  .meta({ id: 'CreatedAgent' });

export const UpdatedAgentResponse = z
  .object({ agent: AgentDetail, changedFields: z.array(z.string()) })
  .meta({ id: 'UpdatedAgent' });

export const MobilityResponse = z
  .object({
    applied: z.boolean(),
    effectiveDate: z.string(),
    departmentCode: z.string(),
    /** Null once the agent has left the reader's perimeter. */
    agent: AgentDetail.nullable(),
  })
  .meta({ id: 'Mobility' });

export const HrReferenceResponse = z
  .object({
    departments: z.array(
      Named.extend({
        /** The reader may create and import agents there. */
        manageable: z.boolean(),
        services: z.array(Named.extend({ units: z.array(z.object({ id: z.string(), name: z.string() })) })),
      }),
    ),
    sites: z.array(z.object({ id: z.string(), name: z.string(), city: z.string() })),
    jobProfiles: z.array(Named),
    grades: z.array(Named.extend({ category: z.string() })),
  })
  .meta({ id: 'HrReference' });
