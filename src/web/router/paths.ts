// Addresses are the same in every language so that a shared link works for everyone.
export const paths = {
  home: '/',
  accessibility: '/accessibilite',
  apiReference: '/reference-api',
} as const;
