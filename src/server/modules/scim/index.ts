export { scimRoutes } from './scim.routes.ts';
export { createScimToken, listScimTokens, revokeScimToken } from './scim-tokens.service.ts';
