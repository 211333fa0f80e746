// What the payroll page sends for a chosen file: a CSV goes as it is (the server reads it and names each bad
// line); a JSON file is either the array of lines or the whole body { month, lines }, whose month must then
// be the one chosen.

export type PayrollFileBody = { csv: string } | { lines: unknown[] };
export type PayrollFileProblem = { unreadableJson: true } | { otherMonth: string };

const looksLikeJson = (name: string, text: string) => /\.json$/i.test(name) || /^\uFEFF?\s*[[{]/.test(text);

export function payrollFileBody(name: string, text: string, month: string): { body: PayrollFileBody } | { problem: PayrollFileProblem } {
  if (!looksLikeJson(name, text)) return { body: { csv: text } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: { unreadableJson: true } };
  }
  if (Array.isArray(parsed)) return { body: { lines: parsed } };
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { lines?: unknown }).lines)) {
    const { month: fileMonth, lines } = parsed as { month?: unknown; lines: unknown[] };
    if (typeof fileMonth === 'string' && fileMonth !== month) return { problem: { otherMonth: fileMonth } };
    return { body: { lines } };
  }
  return { problem: { unreadableJson: true } };
}
