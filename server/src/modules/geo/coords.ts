/**
 * Input coordinates → stored WGS84 (docs/conventions.md, "Geometry"). GCJ-02 (AMap, Tencent, WeChat) and BD-09
 * (Baidu) are converted with gcoord (GCJ-02 → WGS84 round trip within 0.08 m). CGCS2000 is the standard's datum
 * (docs/standards.md, "Identifier formats"); it and WGS84 differ by a few centimetres, below the precision of
 * city grids and phone GPS, so CGCS2000 positions are stored unchanged. gcoord leaves points outside China
 * unchanged for GCJ-02/BD-09, because those offsets are only defined inside China.
 */
import gcoord from 'gcoord';
import type { Crs, GeoIssue, Geometry, Position } from '../../../../common/domain/geo.ts';
import { isLngLatInRange } from '../../../../common/domain/geo.ts';
import { GeoValidationError } from './geometry.ts';

const GCOORD_CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function coordinateIssues(lng: unknown, lat: unknown, path: string): GeoIssue[] {
  const issues: GeoIssue[] = [];
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    issues.push({ path: `${path}.lng`, message: `longitude must be a number in [-180, 180], got ${String(lng)}` });
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    issues.push({ path: `${path}.lat`, message: `latitude must be a number in [-90, 90], got ${String(lat)}` });
  }
  return issues;
}

/**
 * Converts one point declared in `crs` to WGS84. Throws GeoValidationError (code GEO_INVALID_COORDINATE,
 * issues named `${path}.lng` / `${path}.lat`) when the input is out of range.
 */
export function toWgs84(lng: number, lat: number, crs: Crs, path = 'location'): Position {
  const issues = coordinateIssues(lng, lat, path);
  if (issues.length > 0) throw new GeoValidationError('GEO_INVALID_COORDINATE', issues);
  if (crs === 'wgs84' || crs === 'cgcs2000') return [lng, lat];
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], GCOORD_CRS[crs], gcoord.WGS84);
  if (!isLngLatInRange(x, y)) {
    throw new GeoValidationError('GEO_INVALID_COORDINATE', [
      { path, message: `(${lng}, ${lat}) in ${crs} has no WGS84 equivalent` },
    ]);
  }
  return [x, y];
}

/** WGS84 → a display CRS, for clients that draw on AMap (GCJ-02) or Baidu (BD-09) basemaps. */
export function fromWgs84(lng: number, lat: number, crs: Crs): Position {
  if (crs === 'wgs84' || crs === 'cgcs2000') return [lng, lat];
  return gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, GCOORD_CRS[crs]);
}

/**
 * Converts every position of a geometry (a fresh copy). Positions must already be range-checked (validate
 * first); this is for imports whose file declares GCJ-02 or BD-09.
 */
export function geometryToWgs84<G extends Geometry>(geometry: G, crs: Crs): G {
  if (crs === 'wgs84' || crs === 'cgcs2000') return geometry;
  const conv = (p: Position): Position => toWgs84(p[0], p[1], crs);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: conv(geometry.coordinates) };
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(conv) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(conv)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(conv))) };
  }
}
