import { z } from 'zod';
import { BalanceType, BalanceView, freeText, LedgerLineView, PeriodFields } from './leave.schema.ts';

export const BadgeParams = z.object({ badgeNumber: z.string().regex(/^\d{7}$/, { message: 'numéro de badge de 7 chiffres attendu' }) });
export const HrLeaveQuery = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() });

export const AbsenceKind = z.enum(['sick_leave', 'other_absence'], { message: 'type d’absence inconnu' });

export const AbsenceView = z.object({
  id: z.uuid(),
  kind: AbsenceKind,
  startDate: z.iso.date(),
  startsIn: z.enum(['morning', 'afternoon']),
  endDate: z.iso.date(),
  endsAt: z.enum(['noon', 'evening']),
  halfDays: z.number().int(),
  comment: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});

export const HrAgentLeave = z
  .object({
    agent: z.object({ id: z.uuid(), badgeNumber: z.string(), firstName: z.string(), lastName: z.string(), department: z.string() }),
    year: z.number().int(),
    balances: z.array(BalanceView),
    lines: z.array(LedgerLineView),
    absences: z.array(AbsenceView),
  })
  .meta({ id: 'HrAgentLeave' });
export type HrAgentLeave = z.infer<typeof HrAgentLeave>;

export const NewAbsenceBody = z
  .object({ kind: AbsenceKind, ...PeriodFields, comment: freeText(1000).optional() })
  .strict()
  .meta({ id: 'NewRecordedAbsence' });
export type NewAbsenceBody = z.infer<typeof NewAbsenceBody>;

export const BalanceAdjustmentBody = z
  .object({
    type: BalanceType,
    year: z.number().int().min(2000).max(2200),
    halfDays: z
      .number()
      .int({ message: 'nombre entier de demi-journées attendu' })
      .min(-400)
      .max(400)
      .refine((value) => value !== 0, { message: 'un ajustement de zéro ne change rien' }),
    reason: freeText(500).pipe(z.string().min(5, { message: 'Indiquez le motif de l’ajustement (5 caractères au moins).' })),
  })
  .strict()
  .meta({ id: 'LeaveBalanceAdjustment' });
export type BalanceAdjustmentBody = z.infer<typeof BalanceAdjustmentBody>;
