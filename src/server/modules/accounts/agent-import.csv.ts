import { type CsvRow as CsvTableRow, type CsvTable, readCsvTable } from '../../http/csv-table.ts';
import { MAX_IMPORT_LINES } from './agent-import.schema.ts';

// The export of the HR information system, one agent a line, with a header row (read as csv-table.ts says):
//   matricule;nom;prenom;email;direction;service;profil;grade;intitule_poste;matricule_manager;date_arrivee;date_depart

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

export type CsvRow = CsvTableRow<ImportColumn>;
export type ParsedCsv = CsvTable<ImportColumn>;

export function parseAgentsCsv(text: string): ParsedCsv {
  return readCsvTable(text, { columns: IMPORT_COLUMNS, required: REQUIRED_COLUMNS, maxRows: MAX_IMPORT_LINES, rowNoun: 'd’agent' });
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
