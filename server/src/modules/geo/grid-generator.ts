/**
 * Covers a community with square cells (~cellMeters on a side) clipped to its polygon, numbered 001… west→east
 * within a row and rows north→south (DB11/T 2157-2023 顺序码 rule: docs/standards.md, "Identifier formats").
 *
 * Clipping: each cell is an axis-aligned rectangle, the community may be concave or have holes, so pieces of the
 * community inside a cell are cut out by walking the rectangle boundary (Weiler–Atherton specialised to a
 * rectangle clip window); a cell crossed by a notch becomes a MultiPolygon instead of a ring with zero-width
 * bridges, which Sutherland–Hodgman would produce. Degenerate cases (a vertex exactly on a grid line) are
 * avoided by nudging the grid origin a fraction of a millimetre until no vertex lies on a line.
 */
import type { AreaGeometry, Bbox, Position } from '../../../../common/domain/geo.ts';
import { COMMUNITY_CODE_RE } from '../../../../common/domain/geo.ts';
import {
  areaM2,
  bboxOf,
  EARTH_RADIUS_M,
  GeoValidationError,
  polygonContains,
  polygonsOf,
  ringContains,
  ringSignedArea,
  validateAreaGeometry,
} from './geometry.ts';
import { buildGridCode, GRID_SERIAL_MAX } from './grid-codes.ts';

/** A clipped piece smaller than this fraction of a full cell is a sliver and is dropped (5 % = 500 m² at 100 m). */
export const DEFAULT_MIN_CELL_FRACTION = 0.05;

export interface GridGenerationInput {
  /** Full 12-digit code: admin 6 + street 3 + community 3. */
  code: string;
  polygon: AreaGeometry;
}

export interface GeneratedGrid {
  code: string;
  serial: number;
  communityCode: string;
  streetCode: string;
  /** Position in the generator's lattice: row 0 is the northmost, col 0 the westmost. */
  row: number;
  col: number;
  polygon: AreaGeometry;
  bbox: Bbox;
  areaM2: number;
}

export interface GridGeneration {
  grids: GeneratedGrid[];
  /** Slivers dropped (below minCellFraction): that part of the community is located by the community fallback. */
  dropped: { count: number; areaM2: number };
}

export interface GridGenerationOptions {
  minCellFraction?: number;
}

export function generateGrids(
  community: GridGenerationInput,
  cellMeters = 100,
  options: GridGenerationOptions = {},
): GridGeneration {
  if (
    !COMMUNITY_CODE_RE.test(community.code) ||
    community.code.slice(6, 9) === '000' ||
    community.code.endsWith('000')
  ) {
    throw new GeoValidationError('GEO_INVALID_CODE', [
      {
        path: 'code',
        message: `community code must be 12 digits (admin 6 + street 3 + community 3), got ${community.code}`,
      },
    ]);
  }
  if (!(cellMeters >= 10 && cellMeters <= 5000)) {
    throw new GeoValidationError('GEO_INVALID_CELL_SIZE', [
      { path: 'cellMeters', message: `cell size must be 10–5000 m, got ${cellMeters}` },
    ]);
  }
  const issues = validateAreaGeometry(community.polygon, 'polygon');
  if (issues.length > 0) throw new GeoValidationError('GEO_INVALID_GEOMETRY', issues);
  const minFraction = options.minCellFraction ?? DEFAULT_MIN_CELL_FRACTION;

  const parts = polygonsOf(community.polygon).map(orientRings);
  const [minX, minY, maxX, maxY] = bboxOf(community.polygon);
  const dLat = cellMeters / ((EARTH_RADIUS_M * Math.PI) / 180);
  const dLng = dLat / Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const lattice = chooseLattice(parts, minX, maxY, maxX, minY, dLng, dLat);
  // pieces under 0.01 m² are floating-point crumbs (a corner grazed by an edge), dropped even at fraction 0
  const minPieceM2 = Math.max(minFraction * cellMeters * cellMeters, 0.01);

  type Cell = { row: number; col: number; pieces: Position[][][] };
  const cells: Cell[] = [];
  let droppedCount = 0,
    droppedM2 = 0;
  const edges = edgesOf(parts);
  for (let row = 0; row + 1 < lattice.ys.length; row++) {
    const [y0, y1] = [lattice.ys[row + 1] as number, lattice.ys[row] as number];
    const band = edges.filter((e) => e.maxY >= y0 && e.minY <= y1);
    for (let col = 0; col + 1 < lattice.xs.length; col++) {
      const rect = { x0: lattice.xs[col] as number, x1: lattice.xs[col + 1] as number, y0, y1 };
      // Most cells meet no edge: they are wholly inside (the full square) or outside, and a ray cast from the
      // bottom midpoint only crosses edges that span y0, all of which are in this row's band.
      if (!band.some((e) => e.maxX >= rect.x0 && e.minX <= rect.x1)) {
        if (crossingsRight(band, (rect.x0 + rect.x1) / 2, y0) % 2 === 1)
          cells.push({ row, col, pieces: [[rectRing(rect)]] });
        continue;
      }
      const pieces: Position[][][] = [];
      for (const part of parts) {
        for (const piece of clipToRect(part, rect)) {
          const m2 = areaM2({ type: 'Polygon', coordinates: piece });
          if (m2 >= minPieceM2) pieces.push(piece);
          else if (m2 > 0) {
            droppedCount++;
            droppedM2 += m2;
          }
        }
      }
      if (pieces.length > 0) cells.push({ row, col, pieces });
    }
  }
  if (cells.length > GRID_SERIAL_MAX) {
    throw new GeoValidationError('GEO_TOO_MANY_GRIDS', [
      {
        path: 'polygon',
        message: `community ${community.code} needs ${cells.length} cells of ${cellMeters} m but a grid code has 3 serial digits (max ${GRID_SERIAL_MAX} per community): use a larger cell size or split the community`,
      },
    ]);
  }
  const grids = cells.map(({ row, col, pieces }, i): GeneratedGrid => {
    const polygon: AreaGeometry =
      pieces.length === 1
        ? { type: 'Polygon', coordinates: pieces[0] as Position[][] }
        : { type: 'MultiPolygon', coordinates: pieces };
    return {
      code: buildGridCode(community.code, i + 1),
      serial: i + 1,
      communityCode: community.code,
      streetCode: community.code.slice(0, 9),
      row,
      col,
      polygon,
      bbox: bboxOf(polygon),
      areaM2: areaM2(polygon),
    };
  });
  return { grids, dropped: { count: droppedCount, areaM2: droppedM2 } };
}

/** Shell counter-clockwise, holes clockwise: then the interior is always left of every edge. */
function orientRings(rings: Position[][]): Position[][] {
  return rings.map((ring, r) => (ringSignedArea(ring) > 0 === (r === 0) ? ring : [...ring].reverse()));
}

interface Edge {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function edgesOf(parts: Position[][][]): Edge[] {
  return parts.flat().flatMap((ring) =>
    ring.slice(1).map((b, i) => {
      const a = ring[i] as Position;
      return {
        ax: a[0],
        ay: a[1],
        bx: b[0],
        by: b[1],
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      };
    }),
  );
}

function crossingsRight(edges: Edge[], x: number, y: number): number {
  let n = 0;
  for (const e of edges) if (e.ay > y !== e.by > y && x < ((e.bx - e.ax) * (y - e.ay)) / (e.by - e.ay) + e.ax) n++;
  return n;
}

const rectRing = (r: Rect): Position[] => [
  [r.x0, r.y0],
  [r.x1, r.y0],
  [r.x1, r.y1],
  [r.x0, r.y1],
  [r.x0, r.y0],
];

interface Lattice {
  xs: number[];
  ys: number[];
}

/** Grid lines from the north-west corner; the origin is nudged until no polygon vertex sits exactly on a line. */
function chooseLattice(
  parts: Position[][][],
  west: number,
  north: number,
  east: number,
  south: number,
  dLng: number,
  dLat: number,
): Lattice {
  for (let nudge = 1e-6; ; nudge *= 7.3) {
    const ox = west - dLng * nudge;
    const oy = north + dLat * nudge;
    const xs = lines(ox, dLng, Math.max(1, Math.ceil((east - ox) / dLng)));
    const ys = lines(oy, -dLat, Math.max(1, Math.ceil((oy - south) / dLat)));
    const onLine = parts.some((rings) =>
      rings.some((ring) => ring.some(([x, y]) => hits(xs, ox, dLng, x) || hits(ys, oy, -dLat, y))),
    );
    if (!onLine && (xs[xs.length - 1] as number) > east && (ys[ys.length - 1] as number) < south) return { xs, ys };
    if (nudge > 0.1) throw new Error('grid lattice: could not place grid lines off the polygon vertices');
  }
}

function lines(origin: number, step: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => origin + i * step);
}

function hits(values: number[], origin: number, step: number, v: number): boolean {
  const i = Math.floor((v - origin) / step);
  return values[i] === v || values[i + 1] === v || values[i - 1] === v;
}

interface Rect {
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
function clipToRect(rings: Position[][], r: Rect): Position[][][] {
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
