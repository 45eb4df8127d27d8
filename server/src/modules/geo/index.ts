/**
 * Geography of a tenant: boundary, streets/towns, communities and 15-digit unit grids as polygons, GeoJSON in and
 * out, the grid generator, and `locatePoint` (point → grid/community/street through an in-memory spatial index).
 */
export { createGeoService, parseBbox, type GeoService } from './geo.service.ts';
export { registerGeoRoutes } from './geo.routes.ts';
export { geoError, wgs84, type LocatedPoint, type RegionInfo, type TenantGeography } from './locator.cache.ts';
export { EARTH_RADIUS_M, haversineM } from './geometry.ts';
export { buildComponentId, validateComponentId, COMPONENT_SERIAL_MAX } from './grid-codes.ts';
export { parseComponentImport, type ComponentImportRow } from './geojson-io.ts';
export { registerBasemapRoute } from './basemap.routes.ts';
export { areaM2, bboxOf, centroid, pointInPolygon, validateAreaGeometry } from './geometry.ts';
export { createLocator, createPolygonIndex } from './locator.ts';
export { generateGrids, type GeneratedGrid } from './grid-generator.ts';
export { buildGridCollection, buildRegionCollection } from './geojson-export.ts';
export { parseGridImport, parseRegionImport } from './geojson-io.ts';
export { seedGeography, seededPlaces, type GeographySeed, type SeededPlace } from './geo.seed.ts';
export { gridLocatorOf, type GridsRedrawn } from './relocate.ts';
export { gridsInRegion } from './geo.repository.ts';
/** Reads of the grids for other modules (docs/architecture.md, "Table ownership"). */
export * as gridReads from './grid-reads.ts';
