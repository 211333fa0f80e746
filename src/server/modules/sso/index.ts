export { deliverSsoLogouts } from './backchannel-logout.ts';
export { rotateSigningKeys } from './signing-keys.ts';
export { purgeExpiredSsoRecords } from './sso-purge.ts';
export { ssoRoutes } from './sso.routes.ts';
