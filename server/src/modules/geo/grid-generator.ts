/**
 * Covers a community with square cells (~cellMeters on a side) clipped to its polygon, numbered 001… west→east
 * within a row and rows north→south (DB11/T 2157-2023 顺序码 rule: docs/standards.md, "Identifier formats").
 *
 * Each cell is an axis-aligned rectangle, and the pieces of the community inside it are cut out by rect-clip.ts.
 * Degenerate cases (a vertex exactly on a grid line) are avoided by nudging the grid origin a fraction of a
 * millimetre until no vertex lies on a line.
 */
import type { AreaGeometry, Bbox, Position } from '../../../../common/domain/geo.ts';
import { COMMUNITY_CODE_RE } from '../../../../common/domain/geo.ts';
import {
  areaM2,
  bboxOf,
  EARTH_RADIUS_M,
  GeoValidationError,
  polygonsOf,
  ringSignedArea,
  validateAreaGeometry,
} from './geometry.ts';
import { buildGridCode, GRID_SERIAL_MAX } from './grid-codes.ts';
import { clipToRect, rectRing } from './rect-clip.ts';

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
