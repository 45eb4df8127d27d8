import type { Tenant } from '../../../../common/contracts/org.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import * as repo from './org.repository.ts';

/** The caller's own tenant (name, code, time zone), for the console's header and settings. */
export function createTenantService(database: Database) {
  return {
    async tenant(actor: Actor): Promise<Tenant> {
      requirePermission(actor, 'org.read');
      const t = await repo.findTenant(database.db, actor.tenantId);
      if (!t) throw notFound('tenant');
      return { id: t.id, code: t.code, name: t.name, timezone: t.timezone };
    },
  };
}
