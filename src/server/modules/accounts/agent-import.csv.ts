import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../http/errors.ts';
import { MAX_IMPORT_LINES } from './agent-import.schema.ts';

// The export of the HR information system, one agent a line, with a header row:
//   matricule;nom;prenom;email;direction;service;profil;grade;intitule_poste;matricule_manager;date_arrivee;date_depart
// Separator ";" (French spreadsheets) or ",", read from the header; UTF-8 with or without BOM; columns in any
// order, header names without regard to case or accents. Each line is read on its own, so a stray quote
// spoils its own line only, and a cell cannot span lines.

export const IMPORT_COLUMNS = [
  'matricule',
  'nom',
  'prenom',
  'email',
  'direction',
  'service',
  'profil',
  'grade',
  'intitule_poste',
  'matricule_manager',
  'date_arrivee',
  'date_depart',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['matricule', 'nom', 'prenom', 'email', 'direction', 'profil', 'date_arrivee'];

export type CsvRow =
  | { line: number; cells: Record<ImportColumn, string>; error?: undefined }
  | { line: number; cells?: undefined; error: string };

export type ParsedCsv = { separator: ';' | ','; columns: ImportColumn[]; rows: CsvRow[] };

function fileError(message: string): AppError {
  return new AppError('validation_failed', `Fichier refusé : ${message}.`, { errors: [{ field: 'csv', rule: 'file', message }] });
}

const headerName = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s'’-]+/g, '_');

export function parseAgentsCsv(text: string): ParsedCsv {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = physical.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw fileError('le fichier est vide');
  const headerLine = physical[headerIndex] ?? '';
  const separator = headerLine.includes(';') ? ';' : ',';

  const header = readLine(headerLine, separator);
  if (typeof header === 'string') throw fileError(`la ligne d’en-tête est illisible (${header})`);
  const names = header.map(headerName);
  const unknown = names.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw fileError(`colonne${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} : ${unknown.join(', ')} (colonnes attendues : ${IMPORT_COLUMNS.join(separator)})`);
  }
  const columns = names as ImportColumn[];
  const doubled = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (doubled.length > 0) throw fileError(`colonne en double : ${[...new Set(doubled)].join(', ')}`);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw fileError(`colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} : ${missing.join(', ')}`);

  const rows: CsvRow[] = [];
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
      rows.push({ line, error: `${cells.length} colonne${cells.length > 1 ? 's' : ''} au lieu de ${columns.length} (séparateur « ${separator} »)` });
      continue;
    }
    const record = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;
    columns.forEach((column, index) => {
      record[column] = (cells[index] ?? '').trim();
    });
    rows.push({ line, cells: record });
  }
  if (rows.length === 0) throw fileError('aucune ligne d’agent après l’en-tête');
  if (rows.length > MAX_IMPORT_LINES) throw fileError(`${rows.length} lignes : ${MAX_IMPORT_LINES} au plus par fichier, découpez-le`);
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

/** "2026-12-01" or "01/12/2026" (as French spreadsheets write it) to YYYY-MM-DD, or undefined. */
export function importDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d || y < '1900' || y > '2199') return undefined;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? undefined : date;
}
