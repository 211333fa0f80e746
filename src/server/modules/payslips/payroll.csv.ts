import type { FieldError } from '../../http/errors.ts';
import { readCsvTable } from '../../http/csv-table.ts';
import { checkLines, type PayrollInput } from './payroll-lines.ts';
import { MAX_PAYROLL_LINES, type PayrollLine } from './payslips.schema.ts';

// The payroll system's monthly export, one agent a line, with a header row (";" or ",", any column order):
//   matricule;indice_majore;points_nbi;enfants;quotite;zone_residence;ifse_mensuelle_centimes;taux_prelevement_pb
// Only matricule and indice_majore are required; an empty cell takes the default (0, full time, zone 1).
// Every cell but the badge number is a whole number: amounts in cents, the tax rate in basis points
// (7,5 % is 750). Nothing else is accepted, so a cell made to run in a spreadsheet (=, +, -, @) is refused.

export const PAYROLL_COLUMNS = {
  matricule: 'badgeNumber',
  indice_majore: 'indexMajore',
  points_nbi: 'nbiPoints',
  enfants: 'children',
  quotite: 'workTimePercent',
  zone_residence: 'residenceZone',
  ifse_mensuelle_centimes: 'ifseMonthlyCents',
  taux_prelevement_pb: 'taxRateBasisPoints',
} as const satisfies Record<string, keyof PayrollLine>;

type Column = keyof typeof PAYROLL_COLUMNS;
const columns = Object.keys(PAYROLL_COLUMNS) as Column[];
const columnOf = Object.fromEntries(Object.entries(PAYROLL_COLUMNS).map(([column, key]) => [key, column])) as Record<keyof PayrollLine, Column>;

export function readPayrollCsv(text: string): PayrollInput {
  const table = readCsvTable(text, { columns, required: ['matricule', 'indice_majore'], maxRows: MAX_PAYROLL_LINES, rowNoun: 'de paie' });
  const problem: PayrollInput['problem'] = (line, key, rule, message) => {
    const column = key ? columnOf[key] : undefined;
    return {
      field: ['csv', line, ...(column ? [column] : [])].join('.'),
      rule,
      message: column ? `ligne ${line}, colonne ${column} : ${message}` : `ligne ${line} : ${message}`,
    };
  };
  const unreadable: FieldError[] = [];
  const raw: { line: number; value: unknown }[] = [];
  for (const row of table.rows) {
    if (row.error !== undefined) {
      unreadable.push(problem(row.line, null, 'csv', row.error));
      continue;
    }
    const value: Record<string, unknown> = {};
    let readable = true;
    for (const column of table.columns) {
      const cell = row.cells[column];
      if (cell === '') continue;
      const key = PAYROLL_COLUMNS[column];
      if (key === 'badgeNumber') value[key] = cell;
      else if (/^\d{1,9}$/.test(cell)) value[key] = Number(cell);
      else {
        unreadable.push(problem(row.line, key, 'integer', 'nombre entier attendu (chiffres seulement)'));
        readable = false;
      }
    }
    if (readable) raw.push({ line: row.line, value });
  }
  return checkLines(raw, table.rows.length, problem, unreadable);
}
