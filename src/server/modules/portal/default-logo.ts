// A neutral emblem with the city's initials, used until the city provides its own logo (ORG_LOGO_FILE).
export function defaultLogoSvg(orgName: string): string {
  const initials =
    orgName
      .replace(/^(ville|commune|mairie|métropole)\s+(de\s+|d[’']\s*|du\s+|des\s+)?/i, '')
      .split(/[\s-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join('') || 'N';
  const escaped = initials.replace(/[<>&"']/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-hidden="true">
  <rect width="64" height="64" rx="12" fill="#1d3a8a"/>
  <path d="M12 46h40M16 46V28M26 46V28M38 46V28M48 46V28M10 26l22-12 22 12z" stroke="#fff" stroke-width="3" fill="none" stroke-linejoin="round"/>
  <text x="32" y="60" font-family="sans-serif" font-size="8" fill="#fff" text-anchor="middle">${escaped}</text>
</svg>`;
}
