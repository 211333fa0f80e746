export { enqueueEmail, enqueueSms, type OutgoingEmail, type OutgoingSms, purgeFinishedMessagesBefore } from './outbox.repo.ts';
export { deliverOutbox, type DeliveryReport } from './outbox-delivery.ts';
export { devOutboxEnabled, devOutboxRoutes } from './dev-outbox.routes.ts';
export { DevOutboxMessage, DevOutboxResponse, OutboxMessageStatus } from './dev-outbox.schema.ts';
