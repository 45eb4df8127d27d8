/**
 * GB/T 47678.5 catalog per tenant (national entries, old-code mapping, local extensions, pinyin search) and the
 * 立结案标准 (filing conditions with handling limits and default units), with the bureau's Excel sheet in and out.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { SheetLimits } from '../../platform/sheet-rows.ts';
import type { AuditService } from '../audit/index.ts';
import { createCatalogService } from './catalog.service.ts';
import { createStandardsService } from './standards.service.ts';

export function createCatalogServices(database: Database, clock: Clock, audit: AuditService, importLimits?: SheetLimits) {
  const catalog = createCatalogService(database, clock, audit);
  return { catalog, standards: createStandardsService(database, clock, audit, catalog, importLimits) };
}
export type CatalogServices = ReturnType<typeof createCatalogServices>;
export type { CatalogService, TenantCatalog } from './catalog.service.ts';
export type { StandardsService } from './standards.service.ts';
export { registerCatalogRoutes } from './catalog.routes.ts';
export { seedCatalog, seedNationalCatalog } from './catalog.seed.ts';
export { filingDefaultsFor, FILING_DEFAULTS, type FilingDefault } from './filing-defaults.ts';
