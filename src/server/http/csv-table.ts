import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from './errors.ts';

// An export of another system (HR information system, payroll), one record a line, with a header row.
// Separator ";" (French spreadsheets) or ",", read from the header; UTF-8 with or without BOM; columns in any
// order, header names without regard to case or accents. Each line is read on its own, so a stray quote
// spoils its own line only, and a cell cannot span lines.

export type CsvRow<C extends string> =
  | { line: number; cells: Record<C, string>; error?: undefined }
  | { line: number; cells?: undefined; error: string };

export type CsvTable<C extends string> = { separator: ';' | ','; columns: C[]; rows: CsvRow<C>[] };

export type CsvTableShape<C extends string> = {
  columns: readonly C[];
  required: readonly C[];
  maxRows: number;
  /** What a line holds, for "aucune ligne d’agent après l’en-tête": "d’agent", "de paie". */
  rowNoun: string;
};

export function csvFileError(message: string): AppError {
  return new AppError('validation_failed', `Fichier refusé : ${message}.`, { errors: [{ field: 'csv', rule: 'file', message }] });
}

const headerName = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]+/g, '_');

const plural = (n: number, word: string) => `${word}${n > 1 ? 's' : ''}`;

export function readCsvTable<C extends string>(text: string, shape: CsvTableShape<C>): CsvTable<C> {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = physical.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw csvFileError('le fichier est vide');
  const headerLine = physical[headerIndex] ?? '';
  const separator = headerLine.includes(';') ? ';' : ',';

  const header = readLine(headerLine, separator);
  if (typeof header === 'string') throw csvFileError(`la ligne d’en-tête est illisible (${header})`);
  const names = header.map(headerName);
  const unknown = names.filter((c) => !(shape.columns as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw csvFileError(`${plural(unknown.length, 'colonne')} ${plural(unknown.length, 'inconnue')} : ${unknown.join(', ')} (colonnes attendues : ${shape.columns.join(separator)})`);
  }
  const columns = names as C[];
  const doubled = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (doubled.length > 0) throw csvFileError(`colonne en double : ${[...new Set(doubled)].join(', ')}`);
  const missing = shape.required.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw csvFileError(`${plural(missing.length, 'colonne')} ${plural(missing.length, 'manquante')} : ${missing.join(', ')}`);

  const rows: CsvRow<C>[] = [];
  for (let i = headerIndex + 1; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    if (raw.trim() === '') continue;
    const line = i + 1;
    // Control characters never come from a keyboard (and PostgreSQL refuses NUL in text).
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/u.test(raw)) {
      rows.push({ line, error: 'caractère de contrôle invisible dans la ligne (fichier abîmé ?)' });
      continue;
    }
    const cells = readLine(raw, separator);
    if (typeof cells === 'string') {
      rows.push({ line, error: cells });
      continue;
    }
    // Spreadsheets often end a file with lines of separators only.
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== columns.length) {
      rows.push({ line, error: `${cells.length} ${plural(cells.length, 'colonne')} au lieu de ${columns.length} (séparateur « ${separator} »)` });
      continue;
    }
    const record = Object.fromEntries(shape.columns.map((c) => [c, ''])) as Record<C, string>;
    columns.forEach((column, index) => {
      record[column] = (cells[index] ?? '').trim();
    });
    rows.push({ line, cells: record });
  }
  if (rows.length === 0) throw csvFileError(`aucune ligne ${shape.rowNoun} après l’en-tête`);
  if (rows.length > shape.maxRows) throw csvFileError(`${rows.length} lignes : ${shape.maxRows} au plus par fichier, découpez-le`);
  return { separator, columns, rows };
}

// The cells of one line, or why it cannot be read.
function readLine(raw: string, separator: string): string[] | string {
  try {
    const records = parse(raw, { delimiter: separator, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return records[0] ?? [];
  } catch (error) {
    return error instanceof CsvError ? csvProblem(error.code) : 'ligne illisible';
  }
}

function csvProblem(code: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'guillemet ouvert et jamais fermé';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'texte après un guillemet fermant (mettez toute la cellule entre guillemets)';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'guillemet au milieu d’une cellule (mettez toute la cellule entre guillemets et doublez le guillemet)';
    default:
      return 'ligne illisible (guillemets mal placés ?)';
  }
}
