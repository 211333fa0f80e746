export { helpdeskRoutes } from './helpdesk.routes.ts';
export { closeUnansweredSolutions } from './ticket-closing.job.ts';
