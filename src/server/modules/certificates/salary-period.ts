// The months a salary certificate may cover: one rule, checked by the form as typed and by the server.
export const MAX_SALARY_MONTHS = 36;

export type SalaryPeriodProblem = { field: 'from' | 'to'; rule: 'order' | 'future' | 'too_long' };

/** Months from `from` to `to` (AAAA-MM), both counted: "2026-01" to "2026-03" is 3. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export function salaryPeriodProblems(from: string, to: string, currentMonth: string): SalaryPeriodProblem[] {
  const problems: SalaryPeriodProblem[] = [];
  if (from > to) problems.push({ field: 'from', rule: 'order' });
  if (to > currentMonth) problems.push({ field: 'to', rule: 'future' });
  if (monthsBetween(from, to) > MAX_SALARY_MONTHS) problems.push({ field: 'from', rule: 'too_long' });
  return problems;
}
