import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { isIsoDate, WEEKDAYS } from '../leave/rules/index.ts';

// A comment or a reason keeps its line breaks (typed in a text area); no other control character.
const paragraphs = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `au plus ${max} caractères` })
    .refine((value) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });
const isoDate = z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' }).refine(isIsoDate, { message: 'cette date n’existe pas' });

export const Weekday = z.enum(WEEKDAYS, { message: 'jour de la semaine inconnu (monday … sunday)' });
export const QuotaPeriod = z.enum(['week', 'month', 'year'], { message: 'période attendue : week, month ou year' });
export const DayPattern = z.enum(['full', 'morning', 'afternoon', 'off']);

export const NewTeleworkRequestBody = z
  .object({
    fixedDays: z.array(Weekday).max(7, { message: 'au plus 7 jours' }).default([]),
    floatingDays: z.number({ message: 'nombre entier attendu' }).int({ message: 'nombre entier attendu' }).min(0, { message: 'nombre positif attendu' }).max(200).default(0),
    floatingPer: QuotaPeriod.nullable().default(null),
    startsOn: isoDate,
    adaptationMonths: z.number({ message: 'nombre de mois attendu' }).int({ message: 'nombre entier de mois attendu' }).min(0, { message: 'nombre positif attendu' }).max(12).default(0),
    installationSuitable: z.boolean({ message: 'attestation attendue (true ou false)' }),
    comment: paragraphs(1000).optional(),
  })
  .strict()
  .meta({ id: 'NewTeleworkRequest' });
export type NewTeleworkRequestBody = z.infer<typeof NewTeleworkRequestBody>;

export const FloatingQuotaView = z.object({ days: z.number().int(), per: QuotaPeriod });

export const RefusalInterviewView = z.object({ heldOn: z.iso.date(), attendees: z.string() });

export const TeleworkRequestView = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn', 'cancelled']),
  summary: z.string(),
  fixedDays: z.array(Weekday),
  floating: FloatingQuotaView.nullable(),
  startsOn: z.iso.date(),
  adaptationMonths: z.number().int(),
  comment: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  answerDueOn: z.iso.date().nullable(),
  decisionReason: z.string().nullable(),
  interview: RefusalInterviewView.nullable(),
});
export type TeleworkRequestView = z.infer<typeof TeleworkRequestView>;

export const BookableDay = z.object({ date: z.iso.date(), booked: z.boolean() });

export const ArrangementView = z.object({
  requestId: z.uuid(),
  fixedDays: z.array(Weekday),
  floating: FloatingQuotaView.nullable(),
  startsOn: z.iso.date(),
  adaptationMonths: z.number().int(),
  adaptationEndsOn: z.iso.date().nullable(),
  nextReviewOn: z.iso.date().nullable(),
  /** Set once either side has ended it: the last day of telework. */
  endsOn: z.iso.date().nullable(),
  noticeGivenOn: z.iso.date().nullable(),
  endedBy: z.enum(['agent', 'manager', 'replaced']).nullable(),
  endingReason: z.string().nullable(),
  /** The last day it would apply if notice were given today (shown before the agent confirms). */
  endsOnIfNoticeToday: z.iso.date(),
  /** Floating days left in the week, month or year of today. */
  floatingLeft: z.number().int().nullable(),
  /** The coming working days on which a floating day may be booked, and those already booked. */
  upcomingDays: z.array(BookableDay),
});
export type ArrangementView = z.infer<typeof ArrangementView>;

export const MyTelework = z
  .object({
    /** Today in Paris: the page counts from the server's day, not the device's. */
    today: z.iso.date(),
    cycle: z.record(Weekday, DayPattern),
    arrangement: ArrangementView.nullable(),
    requests: z.array(TeleworkRequestView),
  })
  .meta({ id: 'MyTelework' });
export type MyTelework = z.infer<typeof MyTelework>;

export const FloatingDayParams = z.object({ date: isoDate });
export const FloatingDayBooking = z.object({ date: z.iso.date(), floatingLeft: z.number().int() });

export const AgentEndingBody = z.object({ comment: paragraphs(1000).optional() }).strict();
export const ManagerEndingBody = z
  .object({ reason: paragraphs(1000).pipe(z.string().min(5, { message: 'Motivez la fin du télétravail (5 caractères au moins).' })) })
  .strict();
export const EndingReport = z.object({ endsOn: z.iso.date(), noticeGivenOn: z.iso.date() });

export const RefusalBody = z
  .object({
    reason: paragraphs(1000).pipe(z.string().min(5, { message: 'Indiquez le motif du refus (5 caractères au moins).' })),
    interviewHeldOn: isoDate,
    attendees: humanText(500).pipe(z.string().trim().min(3, { message: 'Indiquez qui a assisté à l’entretien.' })),
  })
  .strict()
  .meta({ id: 'TeleworkRefusal' });
export type RefusalBody = z.infer<typeof RefusalBody>;

export const TeleworkRequestIdParams = z.object({ id: z.uuid({ message: 'identifiant de demande invalide' }) });

const TeamAgent = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string() });

export const TeamTelework = z
  .object({
    today: z.iso.date(),
    /** Whether the reader manages anyone directly: the page shows the team section only then. */
    managesATeam: z.boolean(),
    pending: z.array(TeleworkRequestView.extend({ agent: TeamAgent, daysLeft: z.number().int().nullable() })),
    active: z.array(ArrangementView.omit({ upcomingDays: true, floatingLeft: true }).extend({ agent: TeamAgent })),
  })
  .meta({ id: 'TeamTelework' });
export type TeamTelework = z.infer<typeof TeamTelework>;

export const AllowanceQuarter = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  teleworkDays: z.number().int(),
  amountCents: z.number().int(),
  claim: z.object({ requestId: z.uuid(), status: z.enum(['pending', 'approved', 'refused', 'withdrawn', 'cancelled']), days: z.number().int(), amountCents: z.number().int() }).nullable(),
});

export const MyAllowance = z
  .object({
    ratePerDayCents: z.number().int(),
    yearlyCapCents: z.number().int(),
    legalReference: z.string(),
    quarters: z.array(AllowanceQuarter),
  })
  .meta({ id: 'MyTeleworkAllowance' });
export type MyAllowance = z.infer<typeof MyAllowance>;

export const AllowanceClaimBody = z
  .object({
    year: z.number({ message: 'année attendue' }).int().min(2021).max(2200),
    quarter: z.number({ message: 'trimestre attendu (1 à 4)' }).int().min(1, { message: 'trimestre attendu (1 à 4)' }).max(4, { message: 'trimestre attendu (1 à 4)' }),
  })
  .strict()
  .meta({ id: 'TeleworkAllowanceClaim' });
export const AllowanceClaimReport = z.object({ requestId: z.uuid(), days: z.number().int(), amountCents: z.number().int(), replayed: z.boolean() });
