/**
 * 查违控违 (illegal construction control): reports and sites by status, 停工通知书, 交办函/督办函 to townships,
 * demolition actions, statistics by township and month, the map layer and the report section.
 */
export { createIllegalConstruction, type IllegalConstruction } from './illegal-construction.module.ts';
export type { IllegalConstructionService } from './ic.service.ts';
export { registerIllegalConstructionRoutes } from './ic.routes.ts';
export { IC_ERRORS } from './ic.errors.ts';
export { hasIllegalConstruction, seedIllegalConstruction, type IcSeed } from './ic.seed.ts';
