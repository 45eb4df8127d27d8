import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

/**
 * HTTP contract of the gazetteer (docs/gazetteer.md): address and place search for staff and, reduced to names and
 * points, for the citizen page; the street → community → grid tree for the pickers; import and export.
 */

export const PLACE_KINDS = ['house', 'road', 'poi', 'community', 'street'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PlaceSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 40, description: '名称、拼音全拼或首字母，或「路名+门牌号」' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
});
export type PlaceSearchQuery = Static<typeof PlaceSearchQuery>;

/** One staff search result: the point, and the grid, community and street it falls in (null off the grids). */
export const PlaceHit = Type.Object({
  kind: Type.Enum(PLACE_KINDS),
  name: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  gridCode: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
  /** house numbers: true when the point is interpolated along the range, not surveyed */
  interpolated: Type.Boolean(),
});
export type PlaceHit = Static<typeof PlaceHit>;
export const PlaceHits = Type.Object({ items: Type.Array(PlaceHit) });
export type PlaceHits = Static<typeof PlaceHits>;

/** The citizen page's search: names and points only (docs/public-output.md). */
export const PublicPlaceHit = Type.Object({ name: Type.String(), lng: Type.Number(), lat: Type.Number() });
export type PublicPlaceHit = Static<typeof PublicPlaceHit>;
export const PublicPlaceHits = Type.Object({ items: Type.Array(PublicPlaceHit) });
export type PublicPlaceHits = Static<typeof PublicPlaceHits>;

/** A node of the street → community → grid tree, with the point the map moves to. */
export interface AreaNode {
  value: string;
  label: string;
  lng: number;
  lat: number;
  children?: AreaNode[];
}
const AreaLeaf = Type.Object({ value: Type.String(), label: Type.String(), lng: Type.Number(), lat: Type.Number() });
export const AreaTree = Type.Object({
  streets: Type.Array(
    Type.Object({
      value: Type.String(),
      label: Type.String(),
      lng: Type.Number(),
      lat: Type.Number(),
      children: Type.Array(AreaLeaf),
    }),
  ),
});
export type AreaTree = Static<typeof AreaTree>;
export const CommunityGridsParams = Type.Object({ code: Type.String({ pattern: '^\\d{12}$' }) });
export const AreaLeaves = Type.Object({ items: Type.Array(AreaLeaf) });
export type AreaLeaves = Static<typeof AreaLeaves>;

export const GAZETTEER_FORMATS = ['csv', 'geojson'] as const;
export type GazetteerFormat = (typeof GAZETTEER_FORMATS)[number];
export const GazetteerImportQuery = Type.Object({ format: Type.Optional(Type.Enum(GAZETTEER_FORMATS)) });
export const GazetteerImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type GazetteerImportResult = Static<typeof GazetteerImportResult>;
/** Uploads are CSV text or a GeoJSON FeatureCollection, ≤ 10 MB. */
export const MAX_GAZETTEER_IMPORT_BYTES = 10 * 1024 * 1024;
