import { z } from 'zod';
import { RequestStatus } from '../requests/requests.schema.ts';
import { BALANCE_TYPES, REQUESTABLE_TYPES } from './leave-config.ts';
import { SPECIAL_ABSENCE_REASONS } from './rules/index.ts';

export const tags = ['congés et absences'];

const isoDate = z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' });
const halfDays = z.number().int();

// Free text keeps line breaks but no other control character; HTML is kept as typed (pages escape it).
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `au plus ${max} caractères` })
    .refine((value) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });

export const RequestableLeaveType = z.enum(REQUESTABLE_TYPES, { message: 'type de congé inconnu' });
export const SpecialAbsenceReason = z.enum(SPECIAL_ABSENCE_REASONS, { message: 'motif d’absence inconnu' });
export const BalanceType = z.enum(BALANCE_TYPES, { message: 'type de solde inconnu' });
export const HalfDayStart = z.enum(['morning', 'afternoon'], { message: 'matin ou après-midi attendu' });
export const HalfDayEnd = z.enum(['noon', 'evening'], { message: 'midi ou soir attendu' });

export const PeriodFields = {
  startDate: isoDate,
  startsIn: HalfDayStart.default('morning'),
  endDate: isoDate,
  endsAt: HalfDayEnd.default('evening'),
};

export const SupportingDocumentBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  // 2 MiB once decoded: base64 is 4/3 of that.
  contentBase64: z.base64({ message: 'Le justificatif doit être encodé en base64.' }).max(2_796_204, { message: 'Le justificatif dépasse 2 Mo.' }),
});

export const LeavePreviewQuery = z.object({ type: RequestableLeaveType, specialReason: SpecialAbsenceReason.optional(), ...PeriodFields });
export type LeavePreviewQuery = z.infer<typeof LeavePreviewQuery>;

export const LeavePreview = z
  .object({
    halfDays,
    leaveYear: z.number().int(),
    /** Null for the types without a balance (special absences). */
    availableBeforeHalfDays: halfDays.nullable(),
    availableAfterHalfDays: halfDays.nullable(),
    summary: z.string(),
  })
  .meta({ id: 'LeavePreview' });
export type LeavePreview = z.infer<typeof LeavePreview>;

export const NewLeaveRequestBody = z
  .object({
    type: RequestableLeaveType,
    specialReason: SpecialAbsenceReason.optional(),
    ...PeriodFields,
    comment: freeText(1000).optional(),
    document: SupportingDocumentBody.optional(),
  })
  .strict()
  .meta({ id: 'NewLeaveRequest' });
export type NewLeaveRequestBody = z.infer<typeof NewLeaveRequestBody>;

export const SubmittedRequest = z.object({ requestId: z.uuid(), replayed: z.boolean(), summary: z.string(), halfDays }).meta({ id: 'SubmittedLeaveRequest' });
export type SubmittedRequest = z.infer<typeof SubmittedRequest>;

export const BalanceView = z.object({
  type: BalanceType,
  year: z.number().int().nullable(),
  allocatedHalfDays: halfDays,
  takenHalfDays: halfDays,
  carriedOverHalfDays: halfDays,
  expiredHalfDays: halfDays,
  balanceHalfDays: halfDays,
  pendingHalfDays: halfDays,
  availableHalfDays: halfDays,
});

export const LedgerLineView = z.object({
  type: BalanceType,
  year: z.number().int(),
  entry: z.enum(['allocation', 'taken', 'cancelled', 'carried_over', 'expired']),
  halfDays,
  reason: z.string(),
  recordedAt: z.iso.datetime(),
  requestId: z.uuid().nullable(),
});

export const CetView = z.object({
  opensOn: isoDate,
  open: z.boolean(),
  balanceHalfDays: halfDays,
  pendingDepositsHalfDays: halfDays,
  capHalfDays: halfDays,
  annualLeaveTakenHalfDays: halfDays,
  minimumTakenHalfDays: halfDays,
  /** Why a deposit cannot be asked today, in French, or null. */
  depositRefusal: z.string().nullable(),
  optionThresholdHalfDays: halfDays,
  halfDaysNeedingChoice: halfDays,
  optionDeadline: isoDate,
});
export type CetView = z.infer<typeof CetView>;

export const MyLeaveRequestView = z.object({
  requestId: z.uuid(),
  type: RequestableLeaveType,
  specialReason: SpecialAbsenceReason.nullable(),
  startDate: isoDate,
  startsIn: HalfDayStart,
  endDate: isoDate,
  endsAt: HalfDayEnd,
  halfDays,
  status: RequestStatus,
  submittedAt: z.iso.datetime(),
});

export const SpecialAllowanceView = z.object({ reason: SpecialAbsenceReason, halfDays, perYear: z.boolean() });

export const MyLeave = z
  .object({
    year: z.number().int(),
    today: isoDate,
    balances: z.array(BalanceView),
    lines: z.array(LedgerLineView),
    cet: CetView,
    requests: z.array(MyLeaveRequestView),
    specialAllowances: z.array(SpecialAllowanceView),
    /** How many days before today each type may start. */
    maxDaysInPast: z.record(RequestableLeaveType, z.number().int()),
  })
  .meta({ id: 'MyLeave' });
export type MyLeave = z.infer<typeof MyLeave>;

export const MyLeaveQuery = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() });

export const CetDepositBody = z
  .object({
    fromType: z.enum(['annual_leave', 'rtt'], { message: 'congés annuels ou RTT attendus' }),
    halfDays: z.number().int({ message: 'nombre de demi-journées entier attendu' }).min(1).max(120),
  })
  .strict()
  .meta({ id: 'CetDeposit' });
export type CetDepositBody = z.infer<typeof CetDepositBody>;
