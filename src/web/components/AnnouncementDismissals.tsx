// Before sign-in there is no account to remember a dismissal on: this browser keeps it.
const KEY = 'nomades.announcements.dismissed';

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function write(ids: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Private browsing or a full storage: the information simply shows again next time.
  }
}

export function isDismissedHere(id: string): boolean {
  return read().includes(id);
}

export function rememberDismissal(id: string): void {
  const ids = read();
  if (!ids.includes(id)) write([...ids, id]);
}

/** Keeps only the ids still announced, so the list never grows. */
export function forgetOldDismissals(currentIds: readonly string[]): void {
  const ids = read();
  const kept = ids.filter((id) => currentIds.includes(id));
  if (kept.length !== ids.length) write(kept);
}
