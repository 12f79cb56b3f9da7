export { type AuditActor, type AuditEntryInput, recordAudit } from './record-audit.ts';
