import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { RegionReferences } from './org.repository.ts';
import { createPublicTenantResolver } from './public-tenant.ts';
import { createRegionService } from './region.service.ts';
import { createTenantService } from './tenant.service.ts';
import { createUnitService } from './unit.service.ts';
import { createUserService } from './user.service.ts';

/** The organisation module's services, built from their dependencies (the composition root calls this). */
export function createOrgServices(
  database: Database,
  clock: Clock,
  audit: AuditService,
  regionReferences: readonly RegionReferences[],
  publicTenantCode: string | null = null,
) {
  const tenants = createTenantService(database);
  return {
    publicTenant: createPublicTenantResolver(database, publicTenantCode),
    regions: createRegionService(database, clock, audit, regionReferences),
    units: createUnitService(database, clock, audit),
    users: createUserService(database, clock, audit),
    tenant: (actor: Parameters<typeof tenants.tenant>[0]) => tenants.tenant(actor),
  };
}
export type OrgServices = ReturnType<typeof createOrgServices>;
