export { announcementsRoutes } from './announcements.routes.ts';
export { checkServiceHealth } from './service-status.job.ts';
