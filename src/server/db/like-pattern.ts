/** The text as a literal inside a LIKE/ILIKE pattern: a typed "%", "_" or "\" matches itself, not anything. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
