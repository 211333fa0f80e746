export { leaveRoutes } from './leave.routes.ts';
export { expireLapsedLeave } from './leave-expiry.job.ts';
export { seedDemoLeave } from './leave.seed.ts';
