/**
 * GB/T 47678.5 catalog per tenant (national entries, old-code mapping, local extensions, pinyin search) and the
 * 立结案标准 (filing conditions with handling limits and default units), with the bureau's Excel sheet in and out.
 */
export { createCatalogServices, type CatalogServices } from './catalog.module.ts';
export type { CatalogService, TenantCatalog } from './catalog.service.ts';
export type { StandardsService } from './standards.service.ts';
export { registerCatalogRoutes } from './catalog.routes.ts';
export { seedCatalog, seededMatters, seedNationalCatalog } from './catalog.seed.ts';
export { loadNationalCatalog } from './catalog-data.ts';
export { createCatalogSearch } from './catalog-search.ts';
export { buildStandardsWorkbook } from './standards-sheet.ts';
export { filingDefaultsFor, FILING_DEFAULTS, type FilingDefault } from './filing-defaults.ts';
export * as catalogLookups from './catalog-lookups.ts';
/** Joins and reads of the catalog's tables for other modules' queries (docs/decisions/0008-join-helpers.md). */
export * as catalogReadModel from './catalog-read-model.ts';
