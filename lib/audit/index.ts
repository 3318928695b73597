export { recordAudit, recordAuditEntries, callerActor, CLI_ACTOR, jobActor, type AuditActor, type AuditEntry } from './record';
export { listAuditEntries, type AuditLogRow, type AuditQuery } from './list';
