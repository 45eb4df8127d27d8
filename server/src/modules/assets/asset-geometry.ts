/**
 * An asset's geometry (docs/assets.md, "Geometry"): the GeoJSON kind its type names, every position converted to
 * WGS84 at the edge and inside the tenant's boundary, and one representative point for lists and the map. The
 * boundary and conversions are the geo module's, the same the component registry checks against.
 */
import type { GeometryKind } from '../../../../common/domain/assets.ts';
import type { Crs, Position } from '../../../../common/domain/geo.ts';
import { centroid, validateAreaGeometry, wgs84, type TenantGeography } from '../geo/index.ts';
import { assetErrors } from './assets.errors.ts';

export interface PlacedGeometry {
  geometry: { type: 'Point' | 'LineString' | 'Polygon'; coordinates: unknown };
  lng: number;
  lat: number;
}

const TYPE_OF: Record<GeometryKind, 'Point' | 'LineString' | 'Polygon'> = {
  point: 'Point',
  line: 'LineString',
  polygon: 'Polygon',
};

const isPair = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * The geometry in WGS84, checked against the kind and the boundary; a 400 names `field` (or the bad position under
 * it). `crs` is the input's datum.
 */
export function placeGeometry(
  input: { type: string; coordinates: unknown },
  kind: GeometryKind,
  crs: Crs | undefined,
  geography: Pick<TenantGeography, 'insideTenant'>,
  field: string,
): PlacedGeometry {
  const expected = TYPE_OF[kind];
  if (input.type !== expected) throw assetErrors.badGeometry(`${field}.type`, `this asset type takes a ${expected}`);
  const convert = (p: unknown, path: string): Position => {
    if (!isPair(p)) throw assetErrors.badGeometry(path, 'a position is [lng, lat]');
    const [x, y] = wgs84(p[0], p[1], crs ?? 'wgs84', path);
    if (!geography.insideTenant(x, y)) throw assetErrors.outsideTenant(path, x, y);
    return [round7(x), round7(y)];
  };
  const c = input.coordinates;
  if (expected === 'Point') {
    const [lng, lat] = convert(c, `${field}.coordinates`);
    return { geometry: { type: 'Point', coordinates: [lng, lat] }, lng, lat };
  }
  if (expected === 'LineString') {
    if (!Array.isArray(c) || c.length < 2 || c.length > 5000)
      throw assetErrors.badGeometry(`${field}.coordinates`, 'a line has 2 to 5000 positions');
    const line = c.map((p, i) => convert(p, `${field}.coordinates.${i}`));
    const mid = line[Math.floor(line.length / 2)] as Position;
    return { geometry: { type: 'LineString', coordinates: line }, lng: mid[0], lat: mid[1] };
  }
  if (!Array.isArray(c) || c.length < 1 || !c.every((ring) => Array.isArray(ring) && ring.length <= 5000))
    throw assetErrors.badGeometry(`${field}.coordinates`, 'a polygon is a list of rings of positions');
  const rings = (c as unknown[][]).map((ring, r) => ring.map((p, i) => convert(p, `${field}.coordinates.${r}.${i}`)));
  const polygon = { type: 'Polygon' as const, coordinates: rings };
  const issue = validateAreaGeometry(polygon, field)[0];
  if (issue) throw assetErrors.badGeometry(issue.path, issue.message);
  const [lng, lat] = centroid(polygon);
  return { geometry: polygon, lng: round7(lng), lat: round7(lat) };
}
