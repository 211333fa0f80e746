// Search pages keep their criteria in the address: Back returns to the previous results, a search can be
// shared, and a reload shows the same page.

/** `?a=1&b=2` without the empty values, or '' when nothing is left. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') query.set(key, String(value).trim());
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A positive page number from the address; 1 for anything else. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
