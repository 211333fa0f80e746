export { enqueueEmail, enqueueSms, type OutgoingEmail, type OutgoingSms } from './outbox.repo.ts';
