/** Audit trail of administrative changes: hash-chained rows written in the caller's transaction. */
export { createAuditService, type AuditService, type AuditRecord } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
export { createAuditWriter, type AuditWriter } from './audit-writer.ts';
