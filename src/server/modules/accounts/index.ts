export { hrAccountRoutes } from './accounts.routes.ts';
export { runAccountLifecycle } from './lifecycle.job.ts';
export { closeAccount } from './lifecycle.service.ts';
export { parisDate } from './paris-calendar.ts';
