export { type RequestKind, type RequestRecord, registerRequestKind } from './request-kinds.ts';
export { requestRoutes } from './requests.routes.ts';
export { remindPendingRequests } from './request-reminders.job.ts';
export { approveMany, closeOwnRequest, decideRequest, INBOX_PAGE, type NewRequest, submitRequest } from './requests.service.ts';
export { IdempotencyHeaders } from './requests.schema.ts';
