export { mobilityRoutes } from './mobility.routes.ts';
export { seedDemoMobility } from './mobility.seed.ts';
export { MANAGER_INFORMED_AT } from './mobility-steps.ts';
