import { z } from 'zod';

export const MAX_PAYROLL_LINES = 60_000;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'mois attendu au format AAAA-MM' });

// One line of the payroll system's export. Checked line by line by the import (not by the route), so that a
// bad line is reported with its number instead of refusing the whole body at once.
export const PayrollLine = z
  .object({
    badgeNumber: z.string().regex(/^\d{7}$/, { message: 'matricule de 7 chiffres attendu' }),
    indexMajore: z.number().int({ message: 'nombre entier attendu' }).min(100).max(2_000),
    nbiPoints: z.number().int({ message: 'nombre entier attendu' }).min(0).max(200).default(0),
    children: z.number().int({ message: 'nombre entier attendu' }).min(0).max(20).default(0),
    workTimePercent: z.number().int({ message: 'nombre entier attendu' }).min(50).max(100).default(100),
    residenceZone: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
    ifseMonthlyCents: z.number().int({ message: 'montant en centimes (entier) attendu' }).min(0).max(5_000_000).default(0),
    taxRateBasisPoints: z.number().int({ message: 'taux en centièmes de pour cent (entier) attendu' }).min(0).max(4_300).default(0),
  })
  .strict();
export type PayrollLine = z.infer<typeof PayrollLine>;

export const ImportPayrollBody = z
  .object({
    month: Month,
    lines: z.array(z.unknown()).min(1).max(MAX_PAYROLL_LINES),
    /** Required to change a payslip already published: the reason shown on the audit trail. */
    rectification: z.object({ reason: z.string().trim().min(5).max(500) }).strict().optional(),
  })
  .strict()
  .meta({ id: 'ImportPayrollBody' });
export type ImportPayrollBody = z.infer<typeof ImportPayrollBody>;

export const ImportPayrollReport = z
  .object({
    month: Month,
    lines: z.number().int(),
    created: z.number().int(),
    replaced: z.number().int(),
    rectified: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ImportPayrollReport' });
export type ImportPayrollReport = z.infer<typeof ImportPayrollReport>;

export const PublishReport = z.object({ month: Month, published: z.number().int() }).meta({ id: 'PayrollPublishReport' });

export const PayslipSummary = z.object({
  month: Month,
  version: z.number().int(),
  grossCents: z.number().int(),
  netPaidCents: z.number().int(),
  publishedAt: z.iso.datetime(),
});

export const PayslipList = z.object({ year: z.number().int(), payslips: z.array(PayslipSummary) }).meta({ id: 'PayslipList' });
export type PayslipList = z.infer<typeof PayslipList>;

export const PayslipLineView = z.object({
  code: z.string(),
  kind: z.enum(['earning', 'deduction', 'employer']),
  label: z.string(),
  explanation: z.string(),
  baseCents: z.number().int().nullable(),
  amountCents: z.number().int(),
  /** Same line of the previous month's payslip (null when there was none, or no such line). */
  previousAmountCents: z.number().int().nullable(),
  differenceCents: z.number().int(),
});

const Totals = z.object({
  grossCents: z.number().int(),
  deductionsCents: z.number().int(),
  netBeforeTaxCents: z.number().int(),
  netTaxableCents: z.number().int(),
  taxCents: z.number().int(),
  netPaidCents: z.number().int(),
  employerCents: z.number().int(),
});

export const PayslipDetail = z
  .object({
    month: Month,
    version: z.number().int(),
    publishedAt: z.iso.datetime(),
    rectificationReason: z.string().nullable(),
    agent: z.object({ badgeNumber: z.string(), firstName: z.string(), lastName: z.string(), department: z.string() }),
    lines: z.array(PayslipLineView),
    totals: Totals,
    previousTotals: Totals.nullable(),
    yearToDate: z.object({ grossCents: z.number().int(), netTaxableCents: z.number().int(), taxCents: z.number().int(), netPaidCents: z.number().int() }),
  })
  .meta({ id: 'PayslipDetail' });
export type PayslipDetail = z.infer<typeof PayslipDetail>;

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
