/**
 * Component registry (管理部件, GB/T 47678.5): 17-digit ids, the 表 2 common attributes, grid placement through the
 * geo module's locator, nearest and clustered queries, and all-or-nothing import/export as GeoJSON, CSV and Excel.
 */
export { createComponentServices, type ComponentServices } from './components.module.ts';
export type { ComponentService } from './component.service.ts';
export { registerComponentRoutes } from './component.routes.ts';
export { seedComponents, type ComponentSeed } from './components.seed.ts';
export { relocateComponents } from './component-relocate.ts';
export { componentsInRegion } from './component.repository.ts';
export { componentAt } from './component-reads.ts';
export type { ComponentCensus, CensusState } from './component-census.ts';
