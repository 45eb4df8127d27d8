/**
 * 地级市 view (docs/prefecture.md): a prefecture-level tenant reads the KPIs, ranking and trend of the county-level
 * tenants linked to it, summed from their KPI roll-ups; never a case, a person or an address of a county.
 */
export { createPrefecture } from './prefecture.module.ts';
export type { PrefectureService } from './prefecture.service.ts';
export { registerPrefectureRoutes } from './prefecture.routes.ts';
export { linkCounty } from './prefecture.seed.ts';
