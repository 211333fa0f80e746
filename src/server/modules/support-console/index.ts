export { supportConsoleRoutes } from './support-console.routes.ts';
export { identityCheckItems } from './identity-check.ts';
