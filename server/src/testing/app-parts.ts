/**
 * What tests need from above the modules (the app, the composition root, the demo city) and from modules' workbook
 * builders, in one place: module and platform tests import these from testing/ instead of reaching upwards or into
 * another module (docs/architecture.md, "Dependency rule").
 */
export { buildApp } from '../app.ts';
export { createServices } from '../composition.ts';
export { createTenant, seedDemoCity } from '../seed/demo-city.ts';
export { DAYE_USERS } from '../seed/daye-org.ts';
export { checkpointJob } from '../resilience/audit-checkpoint.ts';
export { buildStandardsWorkbook } from '../modules/catalog/index.ts';
