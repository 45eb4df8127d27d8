/**
 * Geography vocabulary shared by server and web: GeoJSON geometry types (RFC 7946 subset we store), coordinate
 * reference systems accepted at the edge, and the code formats of docs/standards.md, "Identifier formats" (admin 6,
 * street 9, community 12, grid 15, component 17). Pure: no node:* and no DOM.
 */
import type { RegionKind } from './org.ts';

/** [lng, lat] in degrees; stored positions are WGS84/CGCS2000 (docs/conventions.md, "Geometry"). */
export type Position = [number, number];
/** [minLng, minLat, maxLng, maxLat]. */
export type Bbox = [number, number, number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}
/** First ring is the shell, the rest are holes; every ring is closed (first position repeated last). */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
/** What regions and grids are made of. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type Geometry = PointGeometry | LineStringGeometry | AreaGeometry;

export interface Feature<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G extends Geometry = Geometry, P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

/**
 * Input coordinate systems. CGCS2000 differs from WGS84 by centimetres, below what city data resolves, so it
 * is stored as is; GCJ-02 (AMap/Tencent) and BD-09 (Baidu) are converted at the edge.
 */
export const CRS_VALUES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_VALUES)[number];

export function isCrs(value: unknown): value is Crs {
  return typeof value === 'string' && (CRS_VALUES as readonly string[]).includes(value);
}

/** One problem with geographic input, named by a JSON path such as `features[3].properties.code`. */
export interface GeoIssue {
  path: string;
  message: string;
}

/** Regions of a tenant: its boundary (admin code) and the region kinds of org.ts (street/town 9, community 12). */
export type GeoLevel = 'tenant' | RegionKind | 'grid';

// docs/standards.md, "Identifier formats": GB/T 2260 admin code 6 digits, 统计用区划 street 9 / community 12, grid 15 = 6+3+3+3
// (DB11/T 2157-2023, GB/T 47678.5 field length 15), component id 17 = 6 + 2 major + 3 minor + 6 serial.
export const ADMIN_CODE_RE = /^[1-9]\d{5}$/;
export const STREET_CODE_RE = /^[1-9]\d{5}\d{3}$/;
export const COMMUNITY_CODE_RE = /^[1-9]\d{5}\d{6}$/;
export const GRID_CODE_RE = /^[1-9]\d{14}$/;
export const COMPONENT_ID_RE = /^[1-9]\d{16}$/;
/** GB/T 47678.5-2026 class code: 2-digit major class + 3-digit minor class. */
export const CLASS_CODE_RE = /^\d{5}$/;

/** Full check: no all-zero street, community or serial segment (grid-codes.ts says which one is wrong). */
export const isGridCode = (code: string): boolean => /^[1-9]\d{5}(?!000)\d{3}(?!000)\d{3}(?!000)\d{3}$/.test(code);
export const isComponentId = (id: string): boolean => /^[1-9]\d{5}(?!00)\d{2}(?!000)\d{3}(?!000000)\d{6}$/.test(id);

/** Street (or town) and community prefixes of a 12- or 15-digit code. */
export const streetCodeOf = (code: string): string => code.slice(0, 9);
export const communityCodeOf = (code: string): string => code.slice(0, 12);

export function isLngLatInRange(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}

export function bboxContainsPoint(b: Bbox, lng: number, lat: number): boolean {
  return lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];
}

/** Where a point falls. gridCode is null when only the community/street fallback matched. */
export interface PointLocation {
  gridCode: string | null;
  communityCode: string | null;
  streetCode: string;
}
