// Where the provider answers, and where the browser comes for the portal's part of a sign-in: under /api/,
// where the web app hands the browser over to the server (a return address after signing in).
export const OIDC_PREFIX = '/oidc';
export const INTERACTION_PREFIX = '/api/sso/interaction';
