/**
 * A 黄线's geometry (docs/yellow-line.md, "Geometry"): a LineString along a shop front or a Polygon around a stall,
 * every position inside the tenant's boundary, and the overlap rule between two zones. Coordinates are WGS84; at
 * the few metres a 黄线 spans, lng/lat are treated as a plane.
 */
import type { LineStringGeometry, PolygonGeometry, Position } from '../../../../common/domain/geo.ts';
import { centroid, validateAreaGeometry, type TenantGeography } from '../geo/index.ts';
import { ylErrors } from './yellow-line.errors.ts';

export type ZoneShape = LineStringGeometry | PolygonGeometry;
export interface PlacedZone {
  geometry: ZoneShape;
  bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  lng: number;
  lat: number;
}

const MAX_POSITIONS = 500;
/** ~1 cm in degrees: closer than this counts as the same point */
const EPS = 1e-7;
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

const isPair = (p: unknown): p is [number, number] =>
  Array.isArray(p) &&
  p.length === 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]);

/** The zone's geometry checked and rounded, or a 400 naming the bad part under `field`. */
export function placeZone(
  input: { type: string; coordinates: unknown },
  geography: Pick<TenantGeography, 'insideTenant'>,
  field: string,
): PlacedZone {
  const position = (p: unknown, path: string): Position => {
    if (!isPair(p) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
      throw ylErrors.geometry(path, 'a position is [lng, lat] in WGS84');
    if (!geography.insideTenant(p[0], p[1])) throw ylErrors.outside(path);
    return [round7(p[0]), round7(p[1])];
  };
  const c = input.coordinates;
  let geometry: ZoneShape;
  if (input.type === 'LineString') {
    if (!Array.isArray(c) || c.length < 2 || c.length > MAX_POSITIONS)
      throw ylErrors.geometry(`${field}.coordinates`, `a line has 2 to ${MAX_POSITIONS} positions`);
    const line = c.map((p, i) => position(p, `${field}.coordinates.${i}`));
    for (let i = 1; i < line.length; i++)
      if (same(line[i - 1] as Position, line[i] as Position))
        throw ylErrors.geometry(`${field}.coordinates.${i}`, 'repeats the position before it');
    geometry = { type: 'LineString', coordinates: line };
  } else if (input.type === 'Polygon') {
    if (!Array.isArray(c) || c.length !== 1 || !Array.isArray(c[0]) || c[0].length > MAX_POSITIONS)
      throw ylErrors.geometry(`${field}.coordinates`, `an area is one ring of up to ${MAX_POSITIONS} positions`);
    const ring = (c[0] as unknown[]).map((p, i) => position(p, `${field}.coordinates.0.${i}`));
    geometry = { type: 'Polygon', coordinates: [ring] };
    const issue = validateAreaGeometry(geometry, field)[0];
    if (issue) throw ylErrors.geometry(issue.path, issue.message);
  } else {
    throw ylErrors.geometry(`${field}.type`, 'a 黄线 is a LineString or a Polygon');
  }
  const points = positionsOf(geometry);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [lng, lat] =
    geometry.type === 'Polygon'
      ? centroid(geometry)
      : (geometry.coordinates[Math.floor((geometry.coordinates.length - 1) / 2)] as Position);
  return {
    geometry,
    bbox: { minLng: Math.min(...xs), minLat: Math.min(...ys), maxLng: Math.max(...xs), maxLat: Math.max(...ys) },
    lng: round7(lng),
    lat: round7(lat),
  };
}

const same = (a: Position, b: Position) => Math.abs(a[0] - b[0]) < EPS && Math.abs(a[1] - b[1]) < EPS;
const positionsOf = (g: ZoneShape): Position[] => (g.type === 'LineString' ? g.coordinates : g.coordinates.flat());

function segmentsOf(g: ZoneShape): [Position, Position][] {
  const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  return lines.flatMap((l) => l.slice(1).map((p, i) => [l[i] as Position, p] as [Position, Position]));
}

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const sign = (v: number, scale: number) => (Math.abs(v) <= EPS * scale ? 0 : Math.sign(v));

/** 'cross' when the segments cross at a point inside both, 'shared' when they run along each other, else null. */
function meet(a: Position, b: Position, c: Position, d: Position): 'cross' | 'shared' | null {
  const scale = Math.max(Math.hypot(b[0] - a[0], b[1] - a[1]), Math.hypot(d[0] - c[0], d[1] - c[1]));
  const o1 = sign(cross(a, b, c), scale);
  const o2 = sign(cross(a, b, d), scale);
  const o3 = sign(cross(c, d, a), scale);
  const o4 = sign(cross(c, d, b), scale);
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  if (o1 === 0 && o2 === 0) {
    // collinear: project onto the longer axis and see whether the overlap has length
    const axis = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]) ? 0 : 1;
    const [lo1, hi1] = [Math.min(a[axis], b[axis]), Math.max(a[axis], b[axis])];
    const [lo2, hi2] = [Math.min(c[axis], d[axis]), Math.max(c[axis], d[axis])];
    if (Math.min(hi1, hi2) - Math.max(lo1, lo2) > EPS) return 'shared';
  }
  return null;
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (Math.abs(cross(a, b, p)) > EPS * Math.max(len, EPS)) return false;
  return (
    p[0] >= Math.min(a[0], b[0]) - EPS &&
    p[0] <= Math.max(a[0], b[0]) + EPS &&
    p[1] >= Math.min(a[1], b[1]) - EPS &&
    p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/** Inside the polygon and not on its edge. */
function strictlyInside(p: Position, g: PolygonGeometry): boolean {
  const ring = g.coordinates[0] as Position[];
  for (let i = 1; i < ring.length; i++) if (onSegment(p, ring[i - 1] as Position, ring[i] as Position)) return false;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Sample points of a shape: its vertices and the middle of each segment. */
const samplesOf = (g: ZoneShape): Position[] => [
  ...positionsOf(g),
  ...segmentsOf(g).map(([a, b]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as Position),
];

/**
 * Whether two zones share ground. Touching at a point (two shop fronts meeting at a corner) or along an edge (two
 * stalls side by side) is not overlap; two lines crossing or running along the same stretch are, and so is any part
 * of one zone inside the other's area.
 */
export function zonesOverlap(a: ZoneShape, b: ZoneShape): boolean {
  const bothAreas = a.type === 'Polygon' && b.type === 'Polygon';
  for (const [p, q] of segmentsOf(a))
    for (const [r, s] of segmentsOf(b)) {
      const m = meet(p, q, r, s);
      if (m === 'cross' || (m === 'shared' && a.type === 'LineString' && b.type === 'LineString')) return true;
    }
  if (b.type === 'Polygon' && samplesOf(a).some((p) => strictlyInside(p, b))) return true;
  if (a.type === 'Polygon' && samplesOf(b).some((p) => strictlyInside(p, a))) return true;
  // two equal areas have every sample on the other's edge: their centres tell
  if (bothAreas) {
    const [ca, cb] = [centroid(a), centroid(b)];
    if (strictlyInside(ca, b) || strictlyInside(cb, a)) return true;
  }
  return false;
}
