/**
 * Component registry (管理部件, GB/T 47678.5): 17-digit ids, the 表 2 common attributes, grid placement through the
 * geo module's locator, nearest and clustered queries, and all-or-nothing import/export as GeoJSON, CSV and Excel.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { GeoService } from '../geo/index.ts';
import { createComponentImport } from './component-import.ts';
import { createComponentService } from './component.service.ts';

export function createComponentServices(database: Database, clock: Clock, audit: AuditService, catalog: CatalogService, geo: GeoService, importLimits?: SheetLimits) {
  return {
    components: createComponentService(database, clock, audit, catalog, geo),
    importComponents: createComponentImport(database, clock, audit, catalog, geo, importLimits),
  };
}
export type ComponentServices = ReturnType<typeof createComponentServices>;
export type { ComponentService } from './component.service.ts';
export { registerComponentRoutes } from './component.routes.ts';
