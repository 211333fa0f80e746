export { teleworkRoutes } from './telework.routes.ts';
