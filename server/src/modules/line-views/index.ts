/**
 * The console's business lines (docs/lines.md): which lines a tenant runs, a line's figures, page and map layer
 * over the asset registers (with the other lines' types it also shows), and the 排水 line's 防汛排渍 duty roster.
 */
export { createLineViews, type LineViews, LINE_SWITCHED_OFF } from './line-views.service.ts';
export { installLineGuard, registerLineViewRoutes } from './line-views.routes.ts';
export { seedLineShared } from './line-views.seed.ts';
