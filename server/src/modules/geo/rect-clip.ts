/**
 * The pieces of a polygon inside an axis-aligned rectangle (a grid cell). The community may be concave or have holes,
 * so the pieces are cut out by walking the rectangle boundary (Weiler–Atherton specialised to a rectangle clip
 * window); a cell crossed by a notch becomes several polygons instead of a ring with zero-width bridges, which
 * Sutherland–Hodgman would produce.
 */
import type { Position } from '../../../../common/domain/geo.ts';
import { bboxOf, polygonContains, ringContains, ringSignedArea } from './geometry.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Chain {
  points: Position[];
  start: number;
  end: number;
}

/**
 * The parts of one oriented polygon (shell CCW, holes CW) inside a rectangle, as polygons with closed rings.
 * Requires that no vertex lies on the rectangle's boundary lines (guaranteed by chooseLattice).
 */
export function clipToRect(rings: Position[][], r: Rect): Position[][][] {
  const chains: Chain[] = [];
  const insideRings: Position[][] = [];
  for (const ring of rings) {
    const [minX, minY, maxX, maxY] = bboxOf({ type: 'Polygon', coordinates: [ring] });
    if (maxX < r.x0 || minX > r.x1 || maxY < r.y0 || minY > r.y1) continue;
    const ringChains = ringChainsInRect(ring, r);
    if (ringChains === 'inside') insideRings.push(ring);
    else chains.push(...ringChains);
  }
  const shells: Position[][] = [];
  const holes: Position[][] = [];
  for (const ring of insideRings) (ringSignedArea(ring) > 0 ? shells : holes).push(ring);
  if (chains.length > 0) shells.push(...joinChains(chains, r));
  // No crossings: the rectangle is wholly inside or outside. Its bottom midpoint cannot lie on an edge, since an
  // edge through a non-corner boundary point would cross into the rectangle (no vertex sits on a grid line).
  else if (polygonContains(rings, (r.x0 + r.x1) / 2, r.y0)) {
    shells.push(rectRing(r));
  }
  const polygons: Position[][][] = shells.map((shell) => [shell]);
  for (const hole of holes) {
    const [hx, hy] = hole[0] as Position;
    polygons.find((p) => ringContains(p[0] as Position[], hx, hy))?.push(hole);
  }
  return polygons;
}

/** Walk a ring and cut it into chains that enter and leave the rectangle; 'inside' if it never leaves. */
function ringChainsInRect(ring: Position[], r: Rect): Chain[] | 'inside' {
  const n = ring.length - 1; // closed ring: last repeats first
  const isIn = ([x, y]: Position) => x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1;
  const startAt = ring.findIndex((p, i) => i < n && !isIn(p));
  if (startAt < 0) return 'inside';
  const chains: Chain[] = [];
  let current: Position[] | null = null;
  for (let step = 0; step < n; step++) {
    const p = ring[(startAt + step) % n] as Position;
    const q = ring[(startAt + step + 1) % n] as Position;
    const cut = liangBarsky(p, q, r);
    if (!cut) continue;
    if (cut.enter) current = [cut.enter];
    if (!current) continue; // unreachable: the walk starts outside, so a chain always opens with an entry
    if (cut.exit) {
      current.push(cut.exit);
      chains.push({ points: current, start: perimeter(current[0] as Position, r), end: perimeter(cut.exit, r) });
      current = null;
    } else current.push(q);
  }
  return chains;
}

/** Entry/exit points of segment p→q through the closed rectangle, snapped onto its sides; null if it misses. */
function liangBarsky(p: Position, q: Position, r: Rect): { enter: Position | null; exit: Position | null } | null {
  const [px, py] = p;
  const dx = q[0] - px,
    dy = q[1] - py;
  let t0 = 0,
    t1 = 1,
    side0 = -1,
    side1 = -1;
  const checks: [number, number][] = [
    [-dx, px - r.x0],
    [dx, r.x1 - px],
    [-dy, py - r.y0],
    [dy, r.y1 - py],
  ];
  for (let k = 0; k < 4; k++) {
    const [pk, qk] = checks[k] as [number, number];
    if (pk === 0) {
      if (qk < 0) return null;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) {
      if (t > t1) return null;
      if (t > t0) {
        t0 = t;
        side0 = k;
      }
    } else {
      if (t < t0) return null;
      if (t < t1) {
        t1 = t;
        side1 = k;
      }
    }
  }
  if (t1 <= t0) return null; // touches a corner only: no area on either side changes
  const at = (t: number, side: number): Position => {
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    if (side <= 1) return [side === 0 ? r.x0 : r.x1, clamp(py + t * dy, r.y0, r.y1)];
    return [clamp(px + t * dx, r.x0, r.x1), side === 2 ? r.y0 : r.y1];
  };
  return { enter: side0 >= 0 ? at(t0, side0) : null, exit: side1 >= 0 ? at(t1, side1) : null };
}

/** Position along the rectangle boundary, counter-clockwise from the south-west corner, in [0, 4). */
function perimeter([x, y]: Position, r: Rect): number {
  const w = r.x1 - r.x0,
    h = r.y1 - r.y0;
  if (y === r.y0) return (x - r.x0) / w;
  if (x === r.x1) return 1 + (y - r.y0) / h;
  if (y === r.y1) return 2 + (r.x1 - x) / w;
  return 3 + (r.y1 - y) / h;
}

/** Joins chains into counter-clockwise rings by following the rectangle boundary from each exit to the next entry. */
function joinChains(chains: Chain[], r: Rect): Position[][] {
  const corners: Position[] = [
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
    [r.x0, r.y0],
  ]; // at perimeter 1, 2, 3, 4≡0
  const used = new Array<boolean>(chains.length).fill(false);
  const rings: Position[][] = [];
  for (let first = 0; first < chains.length; first++) {
    if (used[first]) continue;
    const ring: Position[] = [];
    let at = first;
    while (!used[at]) {
      used[at] = true;
      const chain = chains[at] as Chain;
      ring.push(...chain.points);
      let next = first,
        best = Infinity;
      chains.forEach((c, i) => {
        const d = (c.start - chain.end + 4) % 4;
        if (d < best) {
          best = d;
          next = i;
        }
      });
      corners
        .map((corner, k) => ({ corner, d: (k + 1 - chain.end + 4) % 4 }))
        .filter(({ d }) => d > 0 && d < best)
        .sort((a, b) => a.d - b.d)
        .forEach(({ corner }) => ring.push(corner));
      at = next;
    }
    ring.push(ring[0] as Position);
    rings.push(dedupe(ring));
  }
  return rings;
}

function dedupe(ring: Position[]): Position[] {
  return ring.filter(
    (p, i) => i === 0 || p[0] !== (ring[i - 1] as Position)[0] || p[1] !== (ring[i - 1] as Position)[1],
  );
}

export const rectRing = (r: Rect): Position[] => [
  [r.x0, r.y0],
  [r.x1, r.y0],
  [r.x1, r.y1],
  [r.x0, r.y1],
  [r.x0, r.y0],
];
