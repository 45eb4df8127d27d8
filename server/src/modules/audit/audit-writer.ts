import type { Database } from '../../platform/db.ts';
import type { Actor } from '../auth/index.ts';
import type { AuditRecord, AuditService } from './audit.service.ts';

/**
 * For a use case that writes nothing else (an export of personal data): its audit row in a transaction of its
 * own, through the service's one write function, so it joins the tenant's hash chain like every other row.
 */
export function createAuditWriter(database: Database, audit: AuditService) {
  return {
    async write(
      actor: Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'>,
      rec: AuditRecord,
    ): Promise<void> {
      await database.db.transaction().execute((tx) => audit.record(tx, actor, actor.tenantId, rec));
    },
  };
}
export type AuditWriter = ReturnType<typeof createAuditWriter>;
