export { auditEntrySelect, findAuditActions, findAuditEntries } from './find-audit-entries.ts';
export { type AuditActor, type AuditEntryInput, recordAudit } from './record-audit.ts';
