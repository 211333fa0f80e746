export { teleworkRoutes } from './telework.routes.ts';
export { type TeleworkDay, teleworkDaysOf } from './telework-days.ts';
export { remindTeleworkReviews } from './telework-reviews.job.ts';
export { seedDemoTelework } from './telework.seed.ts';
export { cycleForWorkingTime, workingCycleOf } from './agent-cycle.ts';
