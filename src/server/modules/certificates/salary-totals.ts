import type { Db } from '../../db/connection.ts';
import { salaryTotals } from '../payslips/index.ts';

// What a salary certificate states over its period, in integer cents, from the published payslips.
export type SalaryTotals = { payslips: number; grossCents: number; netTaxableCents: number; netPaidCents: number };

export type SalaryTotalsSource = (db: Db, agentId: string, from: string, to: string) => Promise<SalaryTotals | null>;

// The payslips module owns the figures: the published, current payslips of the period.
export const salaryTotalsFromPayslips: SalaryTotalsSource = salaryTotals;
