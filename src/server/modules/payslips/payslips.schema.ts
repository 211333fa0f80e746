import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const MAX_PAYROLL_LINES = 60_000;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'mois attendu au format AAAA-MM' });

// One line of the payroll system's export. Checked line by line by the import (not by the route), so that a
// bad line is reported with its number instead of refusing the whole body at once.
const figure = (n: number) => n.toLocaleString('fr-FR');
const whole = (min: number, max: number) =>
  z
    .number({ message: 'nombre entier attendu' })
    .int({ message: 'nombre entier attendu' })
    .min(min, { message: `nombre entier entre ${figure(min)} et ${figure(max)} attendu` })
    .max(max, { message: `nombre entier entre ${figure(min)} et ${figure(max)} attendu` });

export const PayrollLine = z.strictObject(
  {
    badgeNumber: z.string({ message: 'matricule de 7 chiffres attendu' }).regex(/^\d{7}$/, { message: 'matricule de 7 chiffres attendu' }),
    indexMajore: whole(100, 2_000),
    nbiPoints: whole(0, 200).default(0),
    children: whole(0, 20).default(0),
    workTimePercent: whole(50, 100).default(100),
    residenceZone: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'zone 1, 2 ou 3 attendue' }).default(1),
    ifseMonthlyCents: whole(0, 5_000_000).default(0), // cents
    taxRateBasisPoints: whole(0, 4_300).default(0), // 1/100 of a percent: 7,5 % is 750
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `champ inconnu : ${issue.keys.join(', ')}` : 'objet attendu') },
);
export type PayrollLine = z.infer<typeof PayrollLine>;

export const MAX_PAYROLL_CSV_CHARS = 8 * 1024 * 1024;

// The month's payroll as JSON lines or as the payroll system's CSV export (see payroll.csv.ts for its columns).
export const ImportPayrollBody = z
  .strictObject({
    month: Month,
    lines: z.array(z.unknown()).min(1, { message: 'au moins une ligne attendue' }).max(MAX_PAYROLL_LINES, { message: `${MAX_PAYROLL_LINES} lignes au plus` }).optional(),
    csv: z
      .string()
      .min(1, { message: 'le fichier est vide' })
      .max(MAX_PAYROLL_CSV_CHARS, { message: 'fichier trop volumineux : 8 Mio au plus' })
      .optional(),
    /** Required to change a payslip already published: the reason shown on the audit trail. */
    rectification: z.strictObject({ reason: humanText(500).pipe(z.string().trim().min(5, { message: 'motif de 5 caractères au moins' })) }).optional(),
  })
  .refine((body) => (body.lines === undefined) !== (body.csv === undefined), { message: 'donnez soit les lignes (lines), soit le fichier CSV (csv)', path: ['csv'] })
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

export const PayslipList = z
  .object({
    year: z.number().int(),
    /** Every year with a published payslip, the latest first (the year asked may have none yet). */
    years: z.array(z.number().int()),
    payslips: z.array(PayslipSummary),
  })
  .meta({ id: 'PayslipList' });
export type PayslipList = z.infer<typeof PayslipList>;

export const PayslipLineView = z.object({
  code: z.string(),
  kind: z.enum(['earning', 'deduction', 'employer']),
  label: z.string(),
  explanation: z.string(),
  baseCents: z.number().int().nullable(),
  /** The rate applied to the base, in percent (11.1 for 11,10 %); null for amounts not computed from a base. */
  ratePercent: z.number().nullable(),
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

export const tags = ['bulletins de paie'];
export const MonthParams = z.object({ month: Month });
export const AgentParams = z.object({ agentId: z.uuid({ message: 'identifiant invalide' }) });
export const AgentMonthParams = AgentParams.extend({ month: Month });

export const PayrollMonth = z.object({
  month: Month,
  /** Agents of the perimeter with a payslip this month, published or not. */
  agents: z.number().int(),
  /** Imported and not yet published (rectifications included). */
  pending: z.number().int(),
  pendingRectifications: z.number().int(),
  published: z.number().int(),
  lastImportedAt: z.iso.datetime(),
  lastPublishedAt: z.iso.datetime().nullable(),
});

export const PayrollMonths = z.object({ months: z.array(PayrollMonth) }).meta({ id: 'PayrollMonths' });
export type PayrollMonths = z.infer<typeof PayrollMonths>;
