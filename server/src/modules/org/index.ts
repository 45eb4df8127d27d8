/** Organisation of a tenant: regions (streets/towns/communities), handling units and users with scoped grants. */
export { createOrgServices, type OrgServices } from './org.module.ts';
export { registerOrgRoutes } from './org.routes.ts';
export type { PublicTenant } from './public-tenant.ts';
export {
  seededAccounts,
  seededDirectory,
  seededTenantId,
  seedTenant,
  seedTopRegions,
  seedUnits,
  seedUser,
  seedUserUnit,
  type TenantSeed,
  type UserSeed,
} from './org.seed.ts';
export * as orgGeography from './org-geography.ts';
export { tenantColumns, lockTenantRow, tenantIds, tenantByCode, tenantsByIds } from './tenant-directory.ts';
export * as orgNames from './org-names.ts';
export { activeHandlerCounts } from './unit-staffing.ts';
export type { RegionReferences } from './org.repository.ts';
/** Joins and reads of org's tables for other modules' queries (docs/decisions/0008-join-helpers.md). */
export * as orgReadModel from './org-read-model.ts';
export { accountDirectory, grantsWithNames } from './accounts.ts';
