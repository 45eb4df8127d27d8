/**
 * The tenant gazetteer: roads, POIs and house-number ranges with pinyin search keys, searched together with the
 * streets and communities of org/geo (docs/gazetteer.md); CSV/GeoJSON import as a job, export, and the road layer.
 */
export { createGazetteerService, type GazetteerService } from './gazetteer.service.ts';
export { registerGazetteerRoutes } from './gazetteer.routes.ts';
export { seedPlaces } from './gazetteer.seed.ts';
export type { PlaceRow } from './gazetteer-io.ts';
