import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import { createCatalogService } from './catalog.service.ts';
import { createStandardsService } from './standards.service.ts';

/** The catalog module's services, built from their dependencies (the composition root calls this). */
export function createCatalogServices(
  database: Database,
  clock: Clock,
  audit: AuditService,
  importLimits?: SheetLimits,
) {
  const catalog = createCatalogService(database, clock, audit);
  return { catalog, standards: createStandardsService(database, clock, audit, catalog, importLimits) };
}
export type CatalogServices = ReturnType<typeof createCatalogServices>;
