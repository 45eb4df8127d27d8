/**
 * Pure polygon geometry on WGS84 lng/lat: validation with JSON-path issues (the 4xx details of bad imports),
 * bbox, spherical area, centroid and point-in-polygon. Grids are polygons that must be closed simple rings
 * (万米单元网格 须闭合多边形并建拓扑: docs/standards.md, "Identifier formats"), so self-intersections are rejected, not repaired.
 */
import type { AreaGeometry, Bbox, GeoIssue, Geometry, Position } from '../../../../common/domain/geo.ts';
import { isLngLatInRange } from '../../../../common/domain/geo.ts';

/** Mean Earth radius (IUGG); on a sphere of this radius city areas come out within ~0.2% of the ellipsoid. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). Within a city the error against the ellipsoid is < 0.5 %. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
const RAD = Math.PI / 180;
/** More issues than this per geometry add nothing for the person fixing the file. */
const MAX_ISSUES = 20;

/** Thrown by helpers that cannot return issues; the error handler maps it to 400 with `details`. */
export class GeoValidationError extends Error {
  constructor(
    readonly code: string,
    readonly issues: GeoIssue[],
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'GeoValidationError';
  }
}

// ---------- validation ----------

export function validatePosition(value: unknown, path: string): GeoIssue[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    return [{ path, message: 'position must be [lng, lat]' }];
  }
  const [lng, lat] = value as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !isLngLatInRange(lng, lat)) {
    return [
      { path, message: `position [${String(lng)}, ${String(lat)}] needs finite lng in [-180,180], lat in [-90,90]` },
    ];
  }
  return [];
}

/** Validates a GeoJSON Polygon or MultiPolygon; an empty array means valid. */
export function validateAreaGeometry(value: unknown, path = 'geometry'): GeoIssue[] {
  const shape = shapeIssues(value, path);
  if (shape.length > 0) return shape.slice(0, MAX_ISSUES);
  const g = value as AreaGeometry;
  const polygons = polygonsOf(g);
  const prefix = (p: number) => (g.type === 'Polygon' ? `${path}.coordinates` : `${path}.coordinates[${p}]`);
  const issues = intersectionIssues(polygons, prefix);
  if (issues.length > 0) return issues;
  polygons.forEach((rings, p) => {
    rings.forEach(
      (ring, r) =>
        ringSignedArea(ring) === 0 && issues.push({ path: `${prefix(p)}[${r}]`, message: 'ring has zero area' }),
    );
    const shell = rings[0] as Position[];
    rings.slice(1).forEach((hole, h) => {
      const probe = hole[0] as Position;
      if (!ringContains(shell, probe[0], probe[1])) {
        issues.push({ path: `${prefix(p)}[${h + 1}]`, message: 'hole is not inside the shell (ring 0)' });
      }
      rings
        .slice(1)
        .forEach(
          (other, o) =>
            o !== h &&
            ringContains(other, probe[0], probe[1]) &&
            issues.push({ path: `${prefix(p)}[${h + 1}]`, message: `hole lies inside hole ${o + 1}` }),
        );
    });
    polygons.forEach((otherRings, q) => {
      const probe = shell[0] as Position;
      if (q !== p && polygonContains(otherRings, probe[0], probe[1])) {
        issues.push({ path: `${prefix(p)}[0]`, message: `polygon ${p} overlaps polygon ${q}` });
      }
    });
  });
  return issues.slice(0, MAX_ISSUES);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: GeoIssue[] };

/** Validates and returns a clean copy (2-D positions only; altitude is dropped). */
export function parseAreaGeometry(value: unknown, path = 'geometry'): ParseResult<AreaGeometry> {
  const issues = validateAreaGeometry(value, path);
  if (issues.length > 0) return { ok: false, issues };
  const g = value as AreaGeometry;
  const ring2d = (ring: Position[]): Position[] => ring.map((p) => [p[0], p[1]]);
  return g.type === 'Polygon'
    ? { ok: true, value: { type: 'Polygon', coordinates: g.coordinates.map(ring2d) } }
    : { ok: true, value: { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring2d)) } };
}

function shapeIssues(value: unknown, path: string): GeoIssue[] {
  if (typeof value !== 'object' || value === null) return [{ path, message: 'geometry must be an object' }];
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return [{ path: `${path}.type`, message: `expected Polygon or MultiPolygon, got ${JSON.stringify(type)}` }];
  }
  const cpath = `${path}.coordinates`;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return [{ path: cpath, message: 'coordinates must be a non-empty array' }];
  }
  if (type === 'Polygon') return polygonShapeIssues(coordinates, cpath);
  return coordinates.flatMap((poly, p) =>
    Array.isArray(poly) && poly.length > 0
      ? polygonShapeIssues(poly, `${cpath}[${p}]`)
      : [{ path: `${cpath}[${p}]`, message: 'polygon must be a non-empty array of rings' }],
  );
}

function polygonShapeIssues(rings: unknown[], path: string): GeoIssue[] {
  const issues: GeoIssue[] = [];
  rings.forEach((ring, r) => {
    const rpath = `${path}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) {
      issues.push({ path: rpath, message: 'ring needs at least 4 positions (3 corners, closed)' });
      return;
    }
    const posIssues = ring.flatMap((pos, i) => validatePosition(pos, `${rpath}[${i}]`));
    if (posIssues.length > 0) {
      issues.push(...posIssues);
      return;
    }
    const ps = ring as Position[];
    const first = ps[0] as Position;
    const last = ps[ps.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      issues.push({ path: rpath, message: 'ring is not closed: the last position must repeat the first' });
    } else if (distinct(ps).length < 4) {
      issues.push({ path: rpath, message: 'ring has fewer than 3 distinct corners' });
    }
  });
  return issues;
}

/** Indices of positions left after dropping consecutive duplicates (a closed ring stays closed). */
function distinct(ring: Position[]): number[] {
  const keep: number[] = [];
  ring.forEach((p, i) => {
    const prev = ring[keep[keep.length - 1] ?? -1];
    if (!prev || p[0] !== prev[0] || p[1] !== prev[1]) keep.push(i);
  });
  return keep;
}

interface Edge {
  poly: number;
  ring: number;
  k: number;
  n: number;
  from: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Sweep over edges sorted by minX, testing only pairs whose bboxes overlap: O(n log n + pairs). */
function intersectionIssues(polygons: Position[][][], prefix: (p: number) => string): GeoIssue[] {
  const edges: Edge[] = [];
  polygons.forEach((rings, poly) =>
    rings.forEach((raw, ring) => {
      const keep = distinct(raw);
      const n = keep.length - 1;
      for (let k = 0; k < n; k++) {
        const a = raw[keep[k] as number] as Position;
        const b = raw[keep[k + 1] as number] as Position;
        edges.push({
          poly,
          ring,
          k,
          n,
          from: keep[k] as number,
          ax: a[0],
          ay: a[1],
          bx: b[0],
          by: b[1],
          minX: Math.min(a[0], b[0]),
          maxX: Math.max(a[0], b[0]),
          minY: Math.min(a[1], b[1]),
          maxY: Math.max(a[1], b[1]),
        });
      }
    }),
  );
  edges.sort((e, f) => e.minX - f.minX);
  const issues: GeoIssue[] = [];
  for (let i = 0; i < edges.length && issues.length < MAX_ISSUES; i++) {
    const e = edges[i] as Edge;
    for (let j = i + 1; j < edges.length; j++) {
      const f = edges[j] as Edge;
      if (f.minX > e.maxX) break;
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      const sameRing = e.poly === f.poly && e.ring === f.ring;
      const adjacent = sameRing && (Math.abs(e.k - f.k) === 1 || Math.abs(e.k - f.k) === e.n - 1);
      if (adjacent ? !spike(e, f) : !segmentsTouch(e, f)) continue;
      const [a, b] =
        e.poly < f.poly || (e.poly === f.poly && (e.ring < f.ring || (e.ring === f.ring && e.k < f.k)))
          ? [e, f]
          : [f, e];
      const other = sameRing ? 'edge' : `the edge of ring ${b.ring}${b.poly === a.poly ? '' : ` of polygon ${b.poly}`}`;
      issues.push({
        path: `${prefix(a.poly)}[${a.ring}][${a.from}]`,
        message: `${sameRing ? 'ring self-intersects' : 'rings touch or cross'}: edge from position ${a.from} meets ${other} from position ${b.from} near ${meetPoint(a, b)}`,
      });
      if (issues.length >= MAX_ISSUES) break;
    }
  }
  return issues;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
const onSegment = (e: Edge, x: number, y: number): boolean => x >= e.minX && x <= e.maxX && y >= e.minY && y <= e.maxY;

function segmentsTouch(e: Edge, f: Edge): boolean {
  const d1 = orient(f.ax, f.ay, f.bx, f.by, e.ax, e.ay);
  const d2 = orient(f.ax, f.ay, f.bx, f.by, e.bx, e.by);
  const d3 = orient(e.ax, e.ay, e.bx, e.by, f.ax, f.ay);
  const d4 = orient(e.ax, e.ay, e.bx, e.by, f.bx, f.by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(f, e.ax, e.ay)) ||
    (d2 === 0 && onSegment(f, e.bx, e.by)) ||
    (d3 === 0 && onSegment(e, f.ax, f.ay)) ||
    (d4 === 0 && onSegment(e, f.bx, f.by))
  );
}

/** Adjacent edges share a corner; they are bad only if they fold back over each other (a spike). */
function spike(e: Edge, f: Edge): boolean {
  const [sx, sy] = e.bx === f.ax && e.by === f.ay ? [e.bx, e.by] : [e.ax, e.ay];
  const [px, py] = sx === e.ax && sy === e.ay ? [e.bx, e.by] : [e.ax, e.ay];
  const [qx, qy] = sx === f.ax && sy === f.ay ? [f.bx, f.by] : [f.ax, f.ay];
  return orient(sx, sy, px, py, qx, qy) === 0 && (px - sx) * (qx - sx) + (py - sy) * (qy - sy) > 0;
}

function meetPoint(e: Edge, f: Edge): string {
  const den = (e.bx - e.ax) * (f.by - f.ay) - (e.by - e.ay) * (f.bx - f.ax);
  const t = den === 0 ? 0 : ((f.ax - e.ax) * (f.by - f.ay) - (f.ay - e.ay) * (f.bx - f.ax)) / den;
  return `${(e.ax + t * (e.bx - e.ax)).toFixed(6)},${(e.ay + t * (e.by - e.ay)).toFixed(6)}`;
}

// ---------- measures ----------

export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

const positionsOf = (g: Geometry): Position[] =>
  g.type === 'Point'
    ? [g.coordinates]
    : g.type === 'LineString'
      ? g.coordinates
      : g.type === 'Polygon'
        ? g.coordinates.flat()
        : g.coordinates.flat(2);

export function bboxOf(g: Geometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positionsOf(g)) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/** Planar signed area in degree² (positive = counter-clockwise); used for orientation and centroids. */
export function ringSignedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** Ring area in m² on a sphere (Chamberlain & Duquette 2007); unsigned. */
export function ringAreaM2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    s += (x2 - x1) * RAD * (2 + Math.sin(y1 * RAD) + Math.sin(y2 * RAD));
  }
  return Math.abs((s * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area in m²: shells minus holes. */
export function areaM2(g: AreaGeometry): number {
  let total = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, r) => (total += r === 0 ? ringAreaM2(ring) : -ringAreaM2(ring)));
  }
  return Math.max(0, total);
}

/** Area-weighted centroid (planar in lng/lat, exact enough at city scale); may fall outside a concave shape. */
export function centroid(g: AreaGeometry): Position {
  let a = 0,
    cx = 0,
    cy = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, r) => {
      const sign = (r === 0 ? 1 : -1) * Math.sign(ringSignedArea(ring));
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as Position;
        const [x2, y2] = ring[i + 1] as Position;
        const cross = (x1 * y2 - x2 * y1) * sign;
        a += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
      }
    });
  }
  if (a === 0) {
    const ps = positionsOf(g);
    return [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Even-odd crossing test on one ring. Points exactly on an edge may go either way. */
export function ringContains(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd over a shell and its holes. */
export function polygonContains(rings: Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) if (ringContains(ring, x, y)) inside = !inside;
  return inside;
}

export function pointInPolygon(g: AreaGeometry, lng: number, lat: number): boolean {
  return polygonsOf(g).some((rings) => polygonContains(rings, lng, lat));
}
