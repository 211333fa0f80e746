import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { DepartmentCode } from '../organisation/organisation.schema.ts';

export const OfferStatus = z.enum(['draft', 'published', 'closed']);
export const Category = z.enum(['A', 'B', 'C'], { message: 'catégorie A, B ou C' });
export const Stage = z.enum(['submitted', 'hr_review', 'interview', 'decision', 'effective', 'withdrawn']);
export const Outcome = z.enum(['accepted', 'not_retained']);
const IsoDate = z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' });

// A letter or a description keeps its paragraphs (and tabs), but no other control character. Stored as typed:
// HTML in it is text, escaped where it is shown.
const writtenText = (max: number, min: number, tooShort: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `au plus ${max} caractères` })
    .min(min, { message: tooShort })
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });
const line = (max: number, min: number, tooShort: string) => humanText(max).pipe(z.string().trim().min(min, { message: tooShort }));

export const IdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

export const OfferQuery = z.object({
  department: DepartmentCode.optional().describe('sigle de la direction (DASCO…)'),
  category: Category.optional(),
  q: humanText(100).optional().describe('mots du titre ou de la description'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type OfferQuery = z.infer<typeof OfferQuery>;

const Named = z.object({ code: z.string(), name: z.string() });

export const OfferSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  department: Named,
  service: z.string().nullable(),
  site: z.string().nullable(),
  category: Category,
  publishedOn: z.iso.date().nullable(),
  closesOn: z.iso.date(),
});

export const OfferList = z
  .object({ items: z.array(OfferSummary), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() })
  .meta({ id: 'JobOfferList' });
export type OfferList = z.infer<typeof OfferList>;

const OfferContent = OfferSummary.extend({
  description: z.string(),
  contact: z.string(),
  grades: z.array(Named),
  siteAddress: z.string().nullable(),
});

export const OfferDetail = OfferContent.extend({
  /** Applications are still accepted (published, closing date not passed). */
  open: z.boolean(),
  myApplication: z.object({ id: z.uuid(), stage: Stage, submittedAt: z.iso.datetime() }).nullable(),
}).meta({ id: 'JobOffer' });
export type OfferDetail = z.infer<typeof OfferDetail>;

export const HrOffer = OfferContent.extend({
  status: OfferStatus,
  serviceCode: z.string().nullable(),
  siteId: z.uuid().nullable(),
  applicationCount: z.number().int(),
}).meta({ id: 'HrJobOffer' });
export type HrOffer = z.infer<typeof HrOffer>;

export const HrOfferList = z
  .object({ items: z.array(HrOffer), departments: z.array(Named).describe('les directions dont je gère les offres') })
  .meta({ id: 'HrJobOfferList' });
export type HrOfferList = z.infer<typeof HrOfferList>;

export const OfferBody = z
  .object({
    departmentCode: DepartmentCode,
    serviceCode: z.string().trim().max(32).nullable().optional(),
    siteId: z.uuid({ message: 'site inconnu' }).nullable().optional(),
    title: line(200, 3, 'Un intitulé de 3 caractères au moins.'),
    category: Category,
    gradeCodes: z.array(z.string().trim().max(64)).max(10, { message: 'au plus 10 grades' }).default([]),
    description: writtenText(10000, 20, 'Décrivez le poste (20 caractères au moins).'),
    contact: line(300, 3, 'Indiquez qui contacter.'),
    closesOn: IsoDate,
  })
  .strict()
  .meta({ id: 'JobOfferBody' });
export type OfferBody = z.infer<typeof OfferBody>;

export const CvUpload = z
  .object({
    fileName: humanText(200).pipe(z.string().trim().min(1)),
    // 2 MiB once decoded: base64 is 4/3 of that.
    contentBase64: z.base64({ message: 'Le CV doit être encodé en base64.' }).max(2_796_204, { message: 'Le CV dépasse 2 Mo.' }),
  })
  .strict();

export const ApplyBody = z
  .object({
    coverLetter: writtenText(5000, 10, 'Écrivez quelques lignes de motivation (10 caractères au moins).'),
    cv: CvUpload.optional(),
  })
  .strict()
  .meta({ id: 'JobApplicationBody' });
export type ApplyBody = z.infer<typeof ApplyBody>;

export const SpontaneousBody = z
  .object({
    wishedDepartmentCodes: z.array(DepartmentCode).min(1, { message: 'Choisissez au moins une direction.' }).max(5, { message: 'au plus 5 directions' }),
    wishedJob: line(200, 3, 'Indiquez le poste ou le métier souhaité.'),
    reason: writtenText(5000, 10, 'Expliquez votre projet (10 caractères au moins).'),
  })
  .strict()
  .meta({ id: 'SpontaneousMobilityBody' });
export type SpontaneousBody = z.infer<typeof SpontaneousBody>;

export const WithdrawBody = z.object({ comment: writtenText(500, 0, '').optional() }).strict();

const comment = writtenText(1000, 0, '').optional();
export const MoveBody = z
  .discriminatedUnion('step', [
    z.object({ step: z.literal('hr_review'), comment }).strict(),
    z.object({ step: z.literal('interview'), interviewOn: IsoDate.optional().describe('jour de l’entretien'), comment }).strict(),
    z.object({ step: z.literal('decision'), outcome: Outcome, reason: comment }).strict(),
    z.object({ step: z.literal('effective'), effectiveOn: IsoDate.describe('jour de la prise de poste'), comment }).strict(),
  ])
  .superRefine((body, issues) => {
    if (body.step === 'decision' && body.outcome === 'not_retained' && (body.reason ?? '').length < 5) {
      issues.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez à l’agent pourquoi sa candidature n’est pas retenue (5 caractères au moins).' });
    }
  })
  .meta({ id: 'MobilityStepBody' });
export type MoveBody = z.infer<typeof MoveBody>;

export const ApplicationEvent = z.object({
  step: z.enum(['submitted', 'hr_review', 'interview', 'decision', 'effective', 'withdrawn', 'manager_informed']),
  at: z.iso.datetime(),
  on: z.iso.date().nullable(),
  outcome: Outcome.nullable(),
  comment: z.string().nullable(),
  by: z.string().nullable(),
});

export const ApplicationView = z
  .object({
    id: z.uuid(),
    offer: z.object({ id: z.uuid(), title: z.string(), department: Named }).nullable(),
    /** The department whose HR handles it. */
    department: Named,
    coverLetter: z.string().nullable(),
    cv: z.object({ name: z.string(), size: z.number().int() }).nullable(),
    wishedDepartments: z.array(Named),
    wishedJob: z.string().nullable(),
    reason: z.string().nullable(),
    stage: Stage,
    outcome: Outcome.nullable(),
    decisionReason: z.string().nullable(),
    effectiveOn: z.iso.date().nullable(),
    submittedAt: z.iso.datetime(),
    events: z.array(ApplicationEvent),
    mayWithdraw: z.boolean(),
  })
  .meta({ id: 'MobilityApplication' });
export type ApplicationView = z.infer<typeof ApplicationView>;

export const MyApplicationList = z.object({ items: z.array(ApplicationView) }).meta({ id: 'MyMobilityApplications' });
export type MyApplicationList = z.infer<typeof MyApplicationList>;

export const NextMove = z.object({ step: z.enum(['hr_review', 'interview', 'decision', 'effective']), outcome: Outcome.optional() });

export const HrApplicationView = ApplicationView.extend({
  agent: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string(), jobTitle: z.string(), department: Named }),
  nextMoves: z.array(NextMove),
}).meta({ id: 'HrMobilityApplication' });
export type HrApplicationView = z.infer<typeof HrApplicationView>;

export const HrApplicationQuery = z.object({
  state: z.enum(['open', 'closed']).default('open').describe('open : en cours ; closed : décidées ou retirées'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type HrApplicationQuery = z.infer<typeof HrApplicationQuery>;

export const HrApplicationList = z
  .object({ items: z.array(HrApplicationView), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() })
  .meta({ id: 'HrMobilityApplications' });
export type HrApplicationList = z.infer<typeof HrApplicationList>;
