import type { AppContext } from '../../app-context.ts';
import { deleteMonthsBefore } from './payslips.repo.ts';

export const DEFAULT_PAYSLIP_RETENTION_YEARS = 5;

/** The first month still kept: the portal copy is kept `years` full years back from the current month. */
export function oldestKeptMonth(now: Date, years: number): string {
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(now); // YYYY-MM
  return `${Number(paris.slice(0, 4)) - years}${paris.slice(4)}`;
}

// The portal's copy only: the employer's payroll archive keeps payslips as the law requires.
export async function purgeExpiredPayslips(
  ctx: AppContext,
  now: Date,
  log: { info(obj: object, msg?: string): void },
  years: number = DEFAULT_PAYSLIP_RETENTION_YEARS,
): Promise<void> {
  const before = oldestKeptMonth(now, years);
  const deleted = await deleteMonthsBefore(ctx.db, before);
  if (deleted > 0) log.info({ deleted, before }, 'payslips past their retention period deleted');
}
