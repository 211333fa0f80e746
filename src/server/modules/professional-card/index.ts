export { professionalCardRoutes } from './professional-card.routes.ts';
export { deliverBuildingAccessEvents, SIGNATURE_HEADER, signWebhook, type WebhookReport } from './building-access.delivery.ts';
