import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position } from '../../../../common/domain/geo.ts';
import { areaM2, GeoValidationError, pointInPolygon, polygonsOf, validateAreaGeometry } from './geometry.ts';
import { generateGrids, type GeneratedGrid } from './grid-generator.ts';

const CODE = '420281001002';
const M = 6_371_008.8 * (Math.PI / 180); // metres per degree of latitude on the sphere used by geometry.ts
const LAT = 30.1;
const KX = M * Math.cos((LAT * Math.PI) / 180);
/** Polygon from metre offsets around (114.97, 30.1). */
const metres = (...rings: [number, number][][]): AreaGeometry => ({
  type: 'Polygon',
  coordinates: rings.map((ring) =>
    [...ring, ring[0] as [number, number]].map(([x, y]): Position => [114.97 + x / KX, LAT + y / M]),
  ),
});

/** An L: 1000 × 1000 m with the north-east 600 × 600 m quadrant removed (concave). */
const L_SHAPE = metres([
  [0, 0],
  [1000, 0],
  [1000, 400],
  [400, 400],
  [400, 1000],
  [0, 1000],
]);

/** Every vertex of every cell is inside the community or on its boundary (no cell sticks out). */
function outsideVertices(grids: GeneratedGrid[], community: AreaGeometry): number {
  const onBoundary = ([x, y]: Position) =>
    polygonsOf(community)
      .flat()
      .some((ring) =>
        ring.some((a, i) => {
          const b = ring[i + 1];
          if (!b) return false;
          const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
          const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
          const within =
            x >= Math.min(a[0], b[0]) - 1e-12 &&
            x <= Math.max(a[0], b[0]) + 1e-12 &&
            y >= Math.min(a[1], b[1]) - 1e-12 &&
            y <= Math.max(a[1], b[1]) + 1e-12;
          return within && Math.abs(cross) / len < 1e-9;
        }),
      );
  return grids
    .flatMap((g) => polygonsOf(g.polygon).flat(2))
    .filter((p) => !pointInPolygon(community, p[0], p[1]) && !onBoundary(p)).length;
}

function coverageOk(grids: GeneratedGrid[], dropped: number, community: AreaGeometry, rel = 1e-6): void {
  const total = grids.reduce((s, g) => s + g.areaM2, 0);
  expect(Math.abs(total + dropped - areaM2(community)) / areaM2(community)).toBeLessThan(rel);
}

describe('generateGrids', () => {
  it('covers an L-shaped community with no cell outside it and the same total area', () => {
    const { grids, dropped } = generateGrids({ code: CODE, polygon: L_SHAPE }, 100);
    // 1000×1000 minus 600×600 = 640,000 m² ≈ 64 cells (plus a column/row of slivers from the nudged origin)
    expect(grids.length).toBeGreaterThanOrEqual(64);
    expect(grids.length).toBeLessThanOrEqual(64 + 21);
    expect(outsideVertices(grids, L_SHAPE)).toBe(0);
    coverageOk(grids, dropped.areaM2, L_SHAPE);
    expect(areaM2(L_SHAPE)).toBeCloseTo(640_000, -3);
    for (const g of grids) expect(validateAreaGeometry(g.polygon)).toEqual([]);
  });

  it('numbers 001.. west→east within a row, rows north→south, with 15-digit codes', () => {
    const { grids } = generateGrids({ code: CODE, polygon: L_SHAPE }, 100);
    grids.forEach((g, i) => {
      expect(g.serial).toBe(i + 1);
      expect(g.code).toBe(CODE + String(i + 1).padStart(3, '0'));
      expect(g.communityCode).toBe(CODE);
      expect(g.streetCode).toBe('420281001');
      const prev = grids[i - 1];
      if (prev) expect(g.row > prev.row || (g.row === prev.row && g.col > prev.col)).toBe(true);
      if (prev && g.row === prev.row) expect(g.bbox[0]).toBeGreaterThan(prev.bbox[0]);
      if (prev && g.row > prev.row) expect(g.bbox[3]).toBeLessThan(prev.bbox[3]);
    });
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length);
  });

  it('locates every interior point in exactly one cell', () => {
    const { grids } = generateGrids({ code: CODE, polygon: L_SHAPE }, 100, { minCellFraction: 0 });
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 999, noNaN: true }),
        fc.double({ min: 1, max: 999, noNaN: true }),
        (x, y) => {
          const [lng, lat] = [114.97 + x / KX, LAT + y / M];
          const hits = grids.filter((g) => pointInPolygon(g.polygon, lng, lat)).length;
          expect(hits).toBe(pointInPolygon(L_SHAPE, lng, lat) ? 1 : 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits a cell crossed by a notch into a MultiPolygon instead of bridging it', () => {
    // a 30 m-wide slot cut from the south into a 300 × 300 m square, in the middle of a cell
    const slotted = metres([
      [0, 0],
      [135, 0],
      [135, 250],
      [165, 250],
      [165, 0],
      [300, 0],
      [300, 300],
      [0, 300],
    ]);
    const { grids, dropped } = generateGrids({ code: CODE, polygon: slotted }, 100);
    const multi = grids.filter((g) => g.polygon.type === 'MultiPolygon');
    expect(multi.length).toBeGreaterThanOrEqual(2);
    for (const g of grids) expect(validateAreaGeometry(g.polygon)).toEqual([]);
    expect(outsideVertices(grids, slotted)).toBe(0);
    coverageOk(grids, dropped.areaM2, slotted);
  });

  it('keeps holes: cells inside a hole vanish and a cell around a small hole has a hole', () => {
    const ring: [number, number][] = [
      [0, 0],
      [500, 0],
      [500, 500],
      [0, 500],
    ];
    const hole: [number, number][] = [
      [120, 120],
      [120, 180],
      [180, 180],
      [180, 120],
    ];
    const bigHole: [number, number][] = [
      [250, 250],
      [250, 480],
      [480, 480],
      [480, 250],
    ];
    const polygon = metres(ring, hole, bigHole);
    expect(validateAreaGeometry(polygon)).toEqual([]);
    const { grids, dropped } = generateGrids({ code: CODE, polygon }, 100);
    expect(grids.some((g) => g.polygon.type === 'Polygon' && g.polygon.coordinates.length === 2)).toBe(true);
    expect(outsideVertices(grids, polygon)).toBe(0);
    coverageOk(grids, dropped.areaM2, polygon);
  });

  it('accepts clockwise rings and MultiPolygon communities', () => {
    const ccw = generateGrids({ code: CODE, polygon: L_SHAPE }, 100).grids;
    const cw: AreaGeometry = { type: 'Polygon', coordinates: [[...(L_SHAPE.coordinates[0] as Position[])].reverse()] };
    expect(generateGrids({ code: CODE, polygon: cw }, 100).grids.map((g) => g.areaM2)).toEqual(
      ccw.map((g) => g.areaM2),
    );
    const a = metres([
      [0, 0],
      [250, 0],
      [250, 250],
      [0, 250],
    ]).coordinates;
    const b = metres([
      [600, 0],
      [850, 0],
      [850, 250],
      [600, 250],
    ]).coordinates;
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [a as Position[][], b as Position[][]] };
    const { grids, dropped } = generateGrids({ code: CODE, polygon: multi }, 100);
    coverageOk(grids, dropped.areaM2, multi);
    expect(outsideVertices(grids, multi)).toBe(0);
    expect(grids.filter((g) => g.row === 0).map((g) => g.col)).toEqual([0, 1, 2, 6, 7, 8]); // one lattice, one numbering
  });

  it('handles vertices that fall exactly on where grid lines would be', () => {
    const { grids, dropped } = generateGrids(
      {
        code: CODE,
        polygon: metres([
          [0, 0],
          [300, 0],
          [300, 300],
          [0, 300],
        ]),
      },
      100,
    );
    expect(grids).toHaveLength(9);
    expect(dropped.count).toBeGreaterThan(0); // the hair-thin last column and row from the nudged origin
    expect(dropped.areaM2).toBeLessThan(1);
  });

  it('drops slivers below the fraction and reports them', () => {
    const thin = metres([
      [0, 0],
      [1000, 0],
      [1000, 3],
      [0, 3],
    ]); // 3 m wide: every piece is 3 % of a cell
    const { grids, dropped } = generateGrids({ code: CODE, polygon: thin }, 100);
    expect(grids).toHaveLength(0);
    expect(dropped.areaM2).toBeCloseTo(3000, -1);
    expect(
      generateGrids({ code: CODE, polygon: thin }, 100, { minCellFraction: 0.01 }).grids.length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('refuses more than 999 cells with a clear message', () => {
    const big = metres([
      [0, 0],
      [3200, 0],
      [3200, 3200],
      [0, 3200],
    ]);
    expect(() => generateGrids({ code: CODE, polygon: big }, 100)).toThrow(
      /1024 cells of 100 m .*max 999 per community/,
    );
    expect(generateGrids({ code: CODE, polygon: big }, 200).grids).toHaveLength(256);
  });

  it('rejects invalid input with the field named', () => {
    const bowTie: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const err = (() => {
      try {
        generateGrids({ code: CODE, polygon: bowTie });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GeoValidationError);
    expect((err as GeoValidationError).code).toBe('GEO_INVALID_GEOMETRY');
    expect((err as GeoValidationError).issues[0]?.path).toMatch(/^polygon\.coordinates/);
    expect(() => generateGrids({ code: '420281001', polygon: L_SHAPE })).toThrow(/12 digits/);
    expect(() => generateGrids({ code: CODE, polygon: L_SHAPE }, 5)).toThrow(/10–5000/);
  });

  it('conserves area and stays inside random concave polygons (property)', () => {
    const star = fc.array(fc.double({ min: 150, max: 900, noNaN: true }), { minLength: 5, maxLength: 24 });
    fc.assert(
      fc.property(star, fc.double({ min: 0, max: 6.28, noNaN: true }), (radii, turn) => {
        const ring = radii.map((r, i): [number, number] => {
          const a = turn + (i / radii.length) * 2 * Math.PI;
          return [1000 + r * Math.cos(a), 1000 + r * Math.sin(a)];
        });
        const polygon = metres(ring);
        const { grids, dropped } = generateGrids({ code: CODE, polygon }, 100, { minCellFraction: 0 });
        // 1e-5: the spherical trapezoid area is not exactly additive when a slanted edge is split
        coverageOk(grids, dropped.areaM2, polygon, 1e-5);
        expect(outsideVertices(grids, polygon)).toBe(0);
        for (const g of grids) expect(validateAreaGeometry(g.polygon)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('conserves area with a random concave hole (property)', () => {
    // outer radii ≥ 300 at ≤ 90° steps keep the shell ≥ 212 m from the centre, so holes ≤ 200 m stay inside
    const radii = (min: number, max: number) =>
      fc.array(fc.double({ min, max, noNaN: true }), { minLength: 4, maxLength: 16 });
    fc.assert(
      fc.property(
        radii(300, 900),
        radii(40, 200),
        fc.double({ min: 0, max: 6.28, noNaN: true }),
        (outer, inner, turn) => {
          const star = (rs: number[], t: number, dir: 1 | -1) =>
            rs.map((r, i): [number, number] => {
              const a = t + dir * (i / rs.length) * 2 * Math.PI;
              return [1000 + r * Math.cos(a), 1000 + r * Math.sin(a)];
            });
          const polygon = metres(star(outer, turn, 1), star(inner, turn / 2, -1));
          const { grids, dropped } = generateGrids({ code: CODE, polygon }, 100, { minCellFraction: 0 });
          coverageOk(grids, dropped.areaM2, polygon, 1e-5);
          expect(outsideVertices(grids, polygon)).toBe(0);
          for (const g of grids) expect(validateAreaGeometry(g.polygon)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
