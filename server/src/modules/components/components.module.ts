import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { GeoService } from '../geo/index.ts';
import { createComponentCensus } from './component-census.ts';
import { createComponentImport } from './component-import.ts';
import { createComponentService } from './component.service.ts';

/** The component registry's services, built from their dependencies (the composition root calls this). */
export function createComponentServices(
  database: Database,
  clock: Clock,
  audit: AuditService,
  catalog: CatalogService,
  geo: GeoService,
  importLimits?: SheetLimits,
) {
  return {
    components: createComponentService(database, clock, audit, catalog, geo),
    importComponents: createComponentImport(database, clock, audit, catalog, geo, importLimits),
    census: createComponentCensus(database, clock, audit),
  };
}
export type ComponentServices = ReturnType<typeof createComponentServices>;
