export { mobilityRoutes } from './mobility.routes.ts';
