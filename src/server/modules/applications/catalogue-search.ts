// Agents type "creche" for « Crèches » and "ecoles" for « écoles »: the catalogue's search ignores accents and
// case. Shared by the API and the page, which filters as the agent types.

/** The text as the search compares it: no accents, lower case, single spaces. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every word of the query is found in the app's name or description. */
export function matchesSearch(app: { name: string; description: string }, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchKey(`${app.name} ${app.description}`);
  return words.every((word) => haystack.includes(word));
}
