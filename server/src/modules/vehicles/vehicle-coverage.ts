import type { RoadIndex, XY } from './vehicle-geometry.ts';

/**
 * Road coverage of one day (docs/vehicles.md, "Coverage"): each point is matched to a road piece; two consecutive
 * points of one vehicle on the same road a short time apart also cover the pieces between them (a point every 10 to
 * 30 s skips several 25 m pieces at 30 km/h). A piece counts a new pass when the same vehicle comes back to it after
 * PASS_GAP_MS: a sprinkler running up and down a road all day makes one pass each time it returns.
 */
export const PASS_GAP_MS = 20 * 60_000;
/** consecutive points further apart than this in time or pieces do not fill the pieces between them */
export const FILL_GAP_MS = 90_000;
export const FILL_MAX_CELLS = 20;

export interface TrackPoint {
  at: number;
  p: XY;
  heading: number | null;
  speed: number | null;
}

export interface RoadCoverage {
  road: string;
  lengthM: number;
  coveredM: number;
  /** mean passes over the covered pieces */
  passes: number;
  vehicles: number;
}

export function coverageOf(index: RoadIndex, tracks: ReadonlyMap<string, readonly TrackPoint[]>): RoadCoverage[] {
  const visits = new Int32Array(index.cells.length);
  const last = new Map<number, Map<string, number>>();
  const vehiclesOn = new Map<number, Set<string>>();
  const visit = (cell: number, vehicle: string, at: number) => {
    let m = last.get(cell);
    if (!m) last.set(cell, (m = new Map<string, number>()));
    const prev = m.get(vehicle);
    if (prev === undefined || at - prev > PASS_GAP_MS) visits[cell]!++;
    m.set(vehicle, at);
    const road = index.cells[cell]!.road;
    let s = vehiclesOn.get(road);
    if (!s) vehiclesOn.set(road, (s = new Set()));
    s.add(vehicle);
  };
  for (const [vehicle, points] of tracks) {
    let prevCell = -1;
    let prevAt = 0;
    for (const pt of points) {
      const cell = index.match(pt.p, pt.heading, pt.speed);
      if (cell < 0) {
        prevCell = -1;
        continue;
      }
      // Two points in one piece (a vehicle turning round on it, or standing) have nothing between them to fill.
      if (
        prevCell >= 0 &&
        cell !== prevCell &&
        index.cells[prevCell]!.road === index.cells[cell]!.road &&
        pt.at - prevAt <= FILL_GAP_MS &&
        Math.abs(cell - prevCell) <= FILL_MAX_CELLS
      ) {
        const step = cell > prevCell ? 1 : -1;
        for (let c = prevCell + step; c !== cell; c += step) visit(c, vehicle, pt.at);
      }
      visit(cell, vehicle, pt.at);
      prevCell = cell;
      prevAt = pt.at;
    }
  }
  const out: RoadCoverage[] = index.roads.map((r) => ({
    road: r.name,
    lengthM: r.lengthM,
    coveredM: 0,
    passes: 0,
    vehicles: 0,
  }));
  const passSum = new Float64Array(index.roads.length);
  index.cells.forEach((c, i) => {
    if (visits[i]! === 0) return;
    out[c.road]!.coveredM += c.len;
    passSum[c.road]! += visits[i]! * c.len;
  });
  out.forEach((r, i) => {
    r.passes = r.coveredM > 0 ? Math.round((passSum[i]! / r.coveredM) * 10) / 10 : 0;
    r.coveredM = Math.round(r.coveredM);
    r.lengthM = Math.round(r.lengthM);
    r.vehicles = vehiclesOn.get(i)?.size ?? 0;
  });
  return out;
}
