// Spreadsheets execute cells that start with = + - @ (and tab or CR): such cells are prefixed with a
// quote so an exported audit trail can be opened safely (OWASP "CSV injection").
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(';')}\r\n`;
}
