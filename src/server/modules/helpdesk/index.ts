export { helpdeskRoutes } from './helpdesk.routes.ts';
