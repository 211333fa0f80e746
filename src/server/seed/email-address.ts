// Professional e-mail addresses in the city's usual form: first.last@domain, lower case, no accents.

const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** "Léa", "N'Diaye" → "lea.ndiaye"; "Jean-Pierre", "Le Goff" → "jean-pierre.legoff" (hyphens kept, spaces dropped). */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${simplify(firstName)}.${simplify(lastName)}`;
}

function simplify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[œæß]/g, (letter) => ligatures[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’\s]/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

/** Hands out unique addresses: the second Jean Martin becomes jean.martin2, the third jean.martin3. */
export function emailAllocator(domain: string) {
  const taken = new Set<string>();
  return {
    reserve(address: string): void {
      taken.add(address.toLowerCase());
    },
    allocate(firstName: string, lastName: string): string {
      const local = emailLocalPart(firstName, lastName);
      let address = `${local}@${domain}`;
      for (let n = 2; taken.has(address); n++) address = `${local}${n}@${domain}`;
      taken.add(address);
      return address;
    },
  };
}
