/** Organisation of a tenant: regions (streets/towns/communities), handling units and users with scoped grants. */
import type { Tenant } from '../../../../common/contracts/org.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { createRegionService } from './region.service.ts';
import { createUnitService } from './unit.service.ts';
import { createUserService } from './user.service.ts';
import { createPublicTenantResolver } from './public-tenant.ts';

export function createOrgServices(database: Database, clock: Clock, audit: AuditService, publicTenantCode: string | null = null) {
  return {
    publicTenant: createPublicTenantResolver(database, publicTenantCode),
    regions: createRegionService(database, clock, audit),
    units: createUnitService(database, clock, audit),
    users: createUserService(database, clock, audit),
    async tenant(actor: Actor): Promise<Tenant> {
      requirePermission(actor, 'org.read');
      const t = await database.db.selectFrom('tenants').selectAll().where('id', '=', actor.tenantId).executeTakeFirst();
      if (!t) throw notFound('tenant');
      return { id: t.id, code: t.code, name: t.name, timezone: t.timezone };
    },
  };
}
export type OrgServices = ReturnType<typeof createOrgServices>;
export { registerOrgRoutes } from './org.routes.ts';
export type { PublicTenant } from './public-tenant.ts';
