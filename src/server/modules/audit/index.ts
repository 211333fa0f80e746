export { auditActorOf } from './audit-actor.ts';
export { type AuditActor, type AuditEntry, recordAudit, verifyAuditChain } from './audit.service.ts';
