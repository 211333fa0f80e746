export { gatewayRoutes } from './gateway.routes.ts';
export { gatewayRewriteUrl } from './dedicated-hosts.ts';
export { type AgentIdentity, verifyIdentityHeaders } from './identity-headers.ts';
