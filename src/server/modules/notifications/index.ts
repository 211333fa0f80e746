export { enqueueEmail, enqueueSms, type OutgoingEmail, type OutgoingSms, purgeFinishedMessagesBefore } from './outbox.repo.ts';
export { deliverOutbox, type DeliveryReport } from './outbox-delivery.ts';
export { devOutboxEnabled, devOutboxRoutes } from './dev-outbox.routes.ts';
export { DevOutboxMessage, DevOutboxResponse, OutboxMessageStatus } from './dev-outbox.schema.ts';
export { createLiveEvents, type LiveEvents } from './live-events.ts';
export { type AgentNotification, notifyAgent } from './notify-agent.ts';
export { notificationRoutes } from './notifications.routes.ts';
export { sendNotificationDigests } from './notification-digest.job.ts';
