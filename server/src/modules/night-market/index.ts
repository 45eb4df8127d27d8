/**
 * 夜市摊位分配: markets and stalls, rounds with an application window, applications from the citizen page, review
 * against rules kept as data, the verifiable public lottery, the fee and deposit ledger and violation points.
 */
export { createNightMarket, type NightMarket } from './night-market.module.ts';
export type { NightMarketService } from './night-market.service.ts';
export type { FineRegister } from './nm-context.ts';
export { registerNightMarketRoutes } from './night-market.routes.ts';
export { NM_ERRORS } from './night-market.errors.ts';
