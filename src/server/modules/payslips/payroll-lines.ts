import type { FieldError } from '../../http/errors.ts';
import { PayrollLine } from './payslips.schema.ts';

// The lines of a month's payroll, read from JSON or CSV, before anyone is looked up: the well-formed ones,
// and each problem named by line and by field (JSON) or column (CSV), in French.

export type PayrollInput = {
  /** Lines of the file (or array), the refused ones included. */
  count: number;
  lines: { line: number; value: PayrollLine }[];
  errors: FieldError[];
  /** A problem about a line, or one of its fields, in the words of where it came from. */
  problem(line: number, key: keyof PayrollLine | null, rule: string, message: string): FieldError;
};

/** Checks each line with the same rules, whatever the source, and keeps the good ones. */
export function checkLines(
  raw: { line: number; value: unknown }[],
  count: number,
  problem: PayrollInput['problem'],
  initial: FieldError[] = [],
): PayrollInput {
  const errors = [...initial];
  const lines: PayrollInput['lines'] = [];
  for (const { line, value } of raw) {
    const result = PayrollLine.safeParse(value);
    if (result.success) lines.push({ line, value: result.data });
    else for (const issue of result.error.issues) errors.push(problem(line, (issue.path[0] as keyof PayrollLine | undefined) ?? null, issue.code, issue.message));
  }
  return { count, lines, errors, problem };
}

export function readJsonLines(lines: unknown[]): PayrollInput {
  const problem: PayrollInput['problem'] = (line, key, rule, message) => ({
    field: ['lines', line, ...(key ? [key] : [])].join('.'),
    rule,
    message: key ? `ligne ${line}, champ ${key} : ${message}` : `ligne ${line} : ${message}`,
  });
  return checkLines(
    lines.map((value, i) => ({ line: i + 1, value })),
    lines.length,
    problem,
  );
}
