import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const TrainingTheme = z.enum(['reception', 'health_safety', 'digital', 'management', 'public_law', 'trade_skills'], { message: 'thème inconnu' });
export type TrainingTheme = z.infer<typeof TrainingTheme>;
export const TrainingFormat = z.enum(['e_learning', 'in_person', 'webinar'], { message: 'modalité inconnue (e_learning, in_person ou webinar)' });
export type TrainingFormat = z.infer<typeof TrainingFormat>;
export const RegistrationStatus = z.enum(['pending', 'registered', 'waiting', 'refused', 'withdrawn', 'cancelled', 'attended', 'absent']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

// A description or a comment keeps its line breaks; no other control character (they never come from a keyboard).
const paragraphs = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `au plus ${max} caractères` })
    .refine((value) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });
const line = (min: number, max: number) => humanText(max).pipe(z.string().trim().min(min, { message: `au moins ${min} caractères` }));
const isoDate = z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' });

export const CatalogueQuery = z
  .object({
    q: humanText(100).pipe(z.string().trim()).optional(),
    theme: TrainingTheme.optional(),
    format: TrainingFormat.optional(),
    /** Only the courses with a session still open to registration. */
    upcoming: z.enum(['true', 'false'], { message: 'true ou false' }).default('false'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

const CourseFields = {
  id: z.uuid(),
  title: z.string(),
  theme: TrainingTheme,
  format: TrainingFormat,
  durationMinutes: z.number().int(),
  audience: z.string(),
  description: z.string(),
};

const SessionDates = { startsOn: z.iso.date(), endsOn: z.iso.date(), place: z.string() };

export const CourseSummary = z.object({
  ...CourseFields,
  /** The first session still open to registration, if any. */
  nextSession: z.object({ ...SessionDates, capacity: z.number().int().nullable(), seatsLeft: z.number().int().nullable() }).nullable(),
  openSessions: z.number().int(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;
export const CataloguePage = z.object({ items: z.array(CourseSummary), total: z.number().int() }).meta({ id: 'TrainingCatalogue' });
export type CataloguePage = z.infer<typeof CataloguePage>;

export const MyPlace = z.object({
  registrationId: z.uuid(),
  requestId: z.uuid(),
  status: RegistrationStatus,
  /** 1 for the first on the waiting list; null unless waiting. */
  waitingPosition: z.number().int().nullable(),
});
export type MyPlace = z.infer<typeof MyPlace>;

export const SessionView = z.object({
  id: z.uuid(),
  ...SessionDates,
  /** Null for e-learning: no limit. */
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  waiting: z.number().int(),
  /** Registration is still possible (the session has not begun; e-learning: not ended). */
  open: z.boolean(),
  mine: MyPlace.nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

export const CourseDetail = z.object({ ...CourseFields, sessions: z.array(SessionView) }).meta({ id: 'TrainingCourse' });
export type CourseDetail = z.infer<typeof CourseDetail>;

export const IdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

export const RegisterBody = z.object({ comment: paragraphs(500).optional() }).strict().meta({ id: 'TrainingRegistration' });
export type RegisterBody = z.infer<typeof RegisterBody>;
export const RegisterReport = z.object({ registrationId: z.uuid(), requestId: z.uuid(), status: RegistrationStatus, replayed: z.boolean() });

export const MyTraining = z.object({
  ...MyPlace.shape,
  course: z.object({ id: z.uuid(), title: z.string(), format: TrainingFormat }),
  session: z.object({ id: z.uuid(), ...SessionDates }),
  requestedAt: z.iso.datetime(),
  /** The agent may still withdraw (pending) or cancel (approved, session not begun). */
  mayCancel: z.boolean(),
  certificate: z.boolean(),
});
export type MyTraining = z.infer<typeof MyTraining>;
export const MyTrainingList = z.object({ items: z.array(MyTraining) }).meta({ id: 'MyTrainings' });
export type MyTrainingList = z.infer<typeof MyTrainingList>;

export const NewCourseBody = z
  .object({
    title: line(3, 200),
    theme: TrainingTheme,
    format: TrainingFormat,
    description: paragraphs(4000).pipe(z.string().min(10, { message: 'au moins 10 caractères' })),
    durationMinutes: z.number({ message: 'durée en minutes attendue' }).int({ message: 'nombre entier de minutes' }).min(15, { message: '15 minutes au moins' }).max(30_000, { message: '500 heures au plus' }),
    audience: line(3, 300),
  })
  .strict()
  .meta({ id: 'NewTrainingCourse' });
export type NewCourseBody = z.infer<typeof NewCourseBody>;

export const NewSessionBody = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    place: line(2, 200),
    /** Required in person and for webinars; absent for e-learning. */
    capacity: z.number({ message: 'nombre de places attendu' }).int({ message: 'nombre entier' }).min(1, { message: '1 place au moins' }).max(1000, { message: '1 000 places au plus' }).nullable().optional(),
  })
  .strict()
  .meta({ id: 'NewTrainingSession' });
export type NewSessionBody = z.infer<typeof NewSessionBody>;

export const HrSessionsQuery = z
  .object({
    period: z.enum(['upcoming', 'past'], { message: 'upcoming ou past' }).default('upcoming'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();

export const HrSession = z.object({
  id: z.uuid(),
  ...SessionDates,
  course: z.object({ id: z.uuid(), title: z.string(), format: TrainingFormat }),
  capacity: z.number().int().nullable(),
  registered: z.number().int(),
  waiting: z.number().int(),
  pending: z.number().int(),
  attended: z.number().int(),
  absent: z.number().int(),
});
export type HrSession = z.infer<typeof HrSession>;
export const HrSessionPage = z.object({ items: z.array(HrSession), hasMore: z.boolean() }).meta({ id: 'TrainingSessions' });
export type HrSessionPage = z.infer<typeof HrSessionPage>;

export const Registrant = z.object({
  registrationId: z.uuid(),
  agent: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), badgeNumber: z.string(), department: z.string() }),
  status: RegistrationStatus,
  waitingPosition: z.number().int().nullable(),
  requestedAt: z.iso.datetime(),
});
export type Registrant = z.infer<typeof Registrant>;
export const SessionRegistrants = z
  .object({
    session: HrSession,
    /** The session has reached its last day: attendance can be recorded. */
    attendanceOpen: z.boolean(),
    items: z.array(Registrant),
  })
  .meta({ id: 'TrainingSessionRegistrants' });
export type SessionRegistrants = z.infer<typeof SessionRegistrants>;

export const AttendanceBody = z
  .object({
    entries: z
      .array(z.object({ registrationId: z.uuid({ message: 'identifiant d’inscription invalide' }), attended: z.boolean({ message: 'présent (true) ou absent (false)' }) }).strict())
      .min(1, { message: 'indiquez au moins une présence' })
      .max(1000),
  })
  .strict()
  .meta({ id: 'TrainingAttendance' });
export type AttendanceBody = z.infer<typeof AttendanceBody>;
