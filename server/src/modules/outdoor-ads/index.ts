/**
 * 户外广告 (outdoor advertising): the inventory with permits and safety inspections, expiry and inspection
 * reminders, the pre-flood-season sweep, removal records and the report section.
 */
export { createOutdoorAds, type OutdoorAds } from './outdoor-ads.module.ts';
export type { ApprovedAd, OutdoorAdsService } from './oa.service.ts';
export { registerOutdoorAdsRoutes } from './oa.routes.ts';
export { oaRowsInRegion } from './oa.repository.ts';
export { OA_ERRORS } from './oa.errors.ts';
export { hasOutdoorAds, seedOutdoorAds, type OaSeed } from './oa.seed.ts';
