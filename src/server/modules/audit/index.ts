export { type AuditActor, type AuditEntry, recordAudit, verifyAuditChain } from './audit.service.ts';
