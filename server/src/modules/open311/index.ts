/**
 * Open311 GeoReport v2 under /open311/v2 (discovery, services from the catalog, definitions from 立结案标准,
 * requests read and written, tokens, mySociety updates) and the 开放接口 admin of client applications and keys.
 */
export { createOpen311Services, type Open311ServiceDeps } from './open311.module.ts';
export { registerOpen311, type Open311Services, type Open311Limits } from './open311.routes.ts';
