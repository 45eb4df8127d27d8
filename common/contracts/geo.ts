import { Type, type Static } from 'typebox';
import { CRS_VALUES } from '../domain/geo.ts';
import { Nullable } from './common.ts';

/**
 * HTTP contract of the geography module: map layers, GeoJSON import/export, grid generation and point location.
 * GeoJSON import bodies are not described here: their shape, geometry, codes and tenant containment are checked
 * by the service so that every problem comes back at once (GEO_IMPORT_INVALID), named by its `features[i]…` path.
 */

export const GEO_LEVELS = ['tenant', 'street', 'community', 'grid'] as const;
export type GeoLayerLevel = (typeof GEO_LEVELS)[number];
export const GeoLevelParams = Type.Object({ level: Type.Enum(GEO_LEVELS) });
export type GeoLevelParams = Static<typeof GeoLevelParams>;

export const CrsParam = Type.Enum(CRS_VALUES, {
  description: 'coordinate system of the input: wgs84 (default), cgcs2000, gcj02 (AMap/Tencent), bd09 (Baidu)',
});

/** minLng,minLat,maxLng,maxLat in WGS84 degrees. */
export const BboxParam = Type.String({
  pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*(,\\s*-?\\d+(\\.\\d+)?\\s*){3}$',
  description: 'minLng,minLat,maxLng,maxLat (WGS84)',
  maxLength: 120,
});

export const LayerQuery = Type.Object({ bbox: Type.Optional(BboxParam) });
export type LayerQuery = Static<typeof LayerQuery>;

/** What the map receives; properties: id, code, name, kind, synthetic (grids: code, communityName). */
export const FeatureCollectionOut = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        geometry: Type.Unknown(),
        properties: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
  },
  { description: 'GeoJSON FeatureCollection (WGS84)' },
);

/** Import bodies are FeatureCollections of ≤ 50,000 features; their shape is checked by the service (paths). */
export const MAX_GEO_IMPORT_BYTES = 20 * 1024 * 1024;

export const ImportCrsQuery = Type.Object({ crs: Type.Optional(CrsParam) });
export type ImportCrsQuery = Static<typeof ImportCrsQuery>;

export const GeoImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type GeoImportResult = Static<typeof GeoImportResult>;

export const GenerateGridsBody = Type.Object({
  cellMeters: Type.Optional(
    Type.Integer({
      minimum: 50,
      maximum: 500,
      default: 100,
      description: 'side of a cell in metres (~100 m: 万米单元网格)',
    }),
  ),
  replace: Type.Optional(Type.Boolean({ default: false, description: "replace the community's existing grids" })),
});
export type GenerateGridsBody = Static<typeof GenerateGridsBody>;
export const GenerateGridsResult = Type.Object({
  count: Type.Integer(),
  droppedAreaM2: Type.Number({
    description: 'area of slivers too small to be a grid (located by the community fallback)',
  }),
});
export type GenerateGridsResult = Static<typeof GenerateGridsResult>;

export const LocateQuery = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(CrsParam),
});
export type LocateQuery = Static<typeof LocateQuery>;

const RegionRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
export const Location = Type.Object({
  gridCode: Nullable(Type.String({ description: '15-digit grid code; null where no grid covers the point' })),
  community: Nullable(RegionRef),
  street: RegionRef,
  /** the WGS84 position that was located (after converting a GCJ-02/BD-09 input) */
  lng: Type.Number(),
  lat: Type.Number(),
});
export type Location = Static<typeof Location>;
