/**
 * Base-data registers of 环卫, 园林, 市政, 排水, 渣土 and 燃气 on one framework (docs/assets.md): asset types as tenant
 * data with an attribute schema, assets, 养护工单, daily logs, imports, exports, the map layer and report sections.
 */
export { createAssetServices, type AssetServices } from './assets.module.ts';
export type { AssetService } from './assets.service.ts';
export type { WorkOrderService, WorkOrderDeps } from './work-orders.service.ts';
export type { DailyLogService } from './daily-logs.service.ts';
export { registerAssetRoutes } from './assets.routes.ts';
export { seedAssets, type AssetSeed } from './assets.seed.ts';
