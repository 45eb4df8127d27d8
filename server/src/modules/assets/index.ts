/**
 * Base-data registers of 环卫, 园林, 市政, 排水, 渣土 and 燃气 on one framework (docs/assets.md): asset types as tenant
 * data with an attribute schema, assets, 养护工单, daily logs, imports, exports, the map layer and report sections.
 * Other modules write an entry from their own decision through
 * `(await assets.registrar.entryWriter(tenantId, actor)).createEntry(tx, input)`, taken before their transaction.
 */
export { createAssetServices, type AssetServices } from './assets.module.ts';
export type { AssetService } from './assets.service.ts';
export type { WorkOrderService, WorkOrderDeps } from './work-orders.service.ts';
export type { DailyLogService } from './daily-logs.service.ts';
export type { AssetRegistrar, RegisterEntryInput } from './asset-registrar.ts';
export { registerAssetRoutes } from './assets.routes.ts';
export { registerInspectionRoutes } from './inspections.routes.ts';
export { seedAssets, type AssetSeed } from './assets.seed.ts';
export { seedInspections, type InspectionSeed } from './inspections.seed.ts';
export { assetLine } from './assets.repository.ts';
export { attributesOfType as assetAttributesOfType } from './asset-statistics.repository.ts';
export { monthWindow, type AssetLines, type MonthWindow } from './asset-lines.ts';
