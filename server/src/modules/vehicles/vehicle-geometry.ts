import Flatbush from 'flatbush';

/**
 * Plane geometry for map matching and geofences (docs/vehicles.md, "Map matching"). Inside one city an
 * equirectangular projection around the city's centre is within a fraction of a percent of the true distance, so
 * everything is measured in metres on that plane.
 */
export type XY = readonly [number, number];

export interface Projection {
  toXY(lng: number, lat: number): XY;
}

export function projection(lng0: number, lat0: number): Projection {
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  return { toXY: (lng, lat) => [(lng - lng0) * kx, (lat - lat0) * ky] };
}

/** Distance from p to the segment a–b, metres. */
export function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from p to a polyline, metres. */
export function polylineDistance(p: XY, line: readonly XY[]): number {
  if (line.length === 1) return Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
  return best;
}

/** A piece of a road at most CELL_M long: the unit coverage is counted in. */
export interface Cell {
  road: number;
  a: XY;
  b: XY;
  len: number;
  /** direction of the piece in radians, folded to [0, π): roads are driven both ways */
  bearing: number;
}

export const CELL_M = 25;
/** a point matches a road piece within this distance ... */
export const MATCH_RADIUS_M = 20;
/** ... whose direction agrees with the vehicle's heading within this angle, when the vehicle is moving */
export const HEADING_TOLERANCE_DEG = 45;

export interface RoadIndex {
  roads: { name: string; lengthM: number }[];
  cells: Cell[];
  /** the first cell of each road; a road's cells are consecutive along its line */
  firstCell: number[];
  match(p: XY, headingDeg: number | null, speedKmh: number | null): number;
}

const fold = (a: number) => ((a % Math.PI) + Math.PI) % Math.PI;

export function roadIndex(roads: readonly { name: string; lines: readonly (readonly XY[])[] }[]): RoadIndex {
  const cells: Cell[] = [];
  const firstCell: number[] = [];
  const out: { name: string; lengthM: number }[] = [];
  roads.forEach((road, r) => {
    firstCell.push(cells.length);
    let length = 0;
    for (const line of road.lines)
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1]!;
        const b = line[i]!;
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (len === 0) continue;
        const n = Math.ceil(len / CELL_M);
        // bearing measured clockwise from north, like a GPS heading
        const bearing = fold(Math.atan2(b[0] - a[0], b[1] - a[1]));
        for (let k = 0; k < n; k++) {
          const s = k / n;
          const e = (k + 1) / n;
          cells.push({
            road: r,
            a: [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s],
            b: [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e],
            len: len / n,
            bearing,
          });
        }
        length += len;
      }
    out.push({ name: road.name, lengthM: length });
  });
  const index = new Flatbush(Math.max(1, cells.length));
  for (const c of cells)
    index.add(Math.min(c.a[0], c.b[0]), Math.min(c.a[1], c.b[1]), Math.max(c.a[0], c.b[0]), Math.max(c.a[1], c.b[1]));
  if (cells.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const tolerance = (HEADING_TOLERANCE_DEG * Math.PI) / 180;
  return {
    roads: out,
    cells,
    firstCell,
    match(p, headingDeg, speedKmh) {
      if (cells.length === 0) return -1;
      const near = index.search(
        p[0] - MATCH_RADIUS_M,
        p[1] - MATCH_RADIUS_M,
        p[0] + MATCH_RADIUS_M,
        p[1] + MATCH_RADIUS_M,
      );
      // a standing vehicle's heading is noise: only a moving one's is compared
      const useHeading = headingDeg !== null && (speedKmh ?? 0) >= 5;
      const h = useHeading ? fold((headingDeg * Math.PI) / 180) : 0;
      let best = -1;
      let bestD = MATCH_RADIUS_M;
      for (const i of near) {
        const c = cells[i]!;
        if (useHeading) {
          const diff = Math.abs(c.bearing - h);
          if (Math.min(diff, Math.PI - diff) > tolerance) continue;
        }
        const d = segmentDistance(p, c.a, c.b);
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    },
  };
}

/** The lines of a GeoJSON LineString or MultiLineString geometry (anything else: none). */
export function linesOf(geometry: unknown): [number, number][][] {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g?.type === 'LineString') return [g.coordinates as [number, number][]];
  if (g?.type === 'MultiLineString') return g.coordinates as [number, number][][];
  return [];
}
