import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position } from '../../../../common/domain/geo.ts';
import {
  areaM2,
  bboxOf,
  centroid,
  parseAreaGeometry,
  pointInPolygon,
  ringSignedArea,
  validateAreaGeometry,
} from './geometry.ts';

const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const poly = (...rings: Position[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });

describe('validateAreaGeometry', () => {
  it('accepts a simple polygon, a polygon with a hole and a MultiPolygon', () => {
    expect(validateAreaGeometry(poly(square(114.9, 30, 0.1)))).toEqual([]);
    expect(validateAreaGeometry(poly(square(114.9, 30, 0.1), [...square(114.92, 30.02, 0.02)].reverse()))).toEqual([]);
    const multi = { type: 'MultiPolygon', coordinates: [[square(114.9, 30, 0.1)], [square(115.1, 30, 0.1)]] };
    expect(validateAreaGeometry(multi)).toEqual([]);
  });

  it('names the field for wrong types and shapes', () => {
    expect(validateAreaGeometry(null, 'g')).toEqual([{ path: 'g', message: 'geometry must be an object' }]);
    expect(validateAreaGeometry({ type: 'Point', coordinates: [1, 2] }, 'g')[0]?.path).toBe('g.type');
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [] }, 'g')[0]?.path).toBe('g.coordinates');
    expect(
      validateAreaGeometry(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        },
        'g',
      )[0]?.path,
    ).toBe('g.coordinates[0]');
  });

  it('rejects unclosed rings, non-finite or out-of-range positions', () => {
    const open = validateAreaGeometry(
      poly([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    );
    expect(open[0]?.message).toMatch(/not closed/);
    const nan = validateAreaGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [Number.NaN, 1],
          [0, 0],
        ],
      ],
    });
    expect(nan[0]?.path).toBe('geometry.coordinates[0][2]');
    const far = validateAreaGeometry(
      poly([
        [0, 0],
        [181, 0],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(far[0]?.path).toBe('geometry.coordinates[0][1]');
    const text = validateAreaGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          ['1', 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
    expect(text[0]?.path).toBe('geometry.coordinates[0][1]');
  });

  it('rejects rings with too few distinct corners or no area', () => {
    expect(
      validateAreaGeometry(
        poly([
          [0, 0],
          [1, 0],
          [1, 0],
          [0, 0],
        ]),
      )[0]?.message,
    ).toMatch(/fewer than 3/);
    expect(
      validateAreaGeometry(
        poly([
          [0, 0],
          [1, 0],
          [2, 0],
          [0, 0],
        ]),
      )[0]?.message,
    ).toMatch(/zero area|self-intersects/);
  });

  it('finds a bow-tie self-intersection and names the ring and position', () => {
    const issues = validateAreaGeometry(
      poly([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.path).toMatch(/^geometry\.coordinates\[0\]\[\d\]$/);
    expect(issues[0]?.message).toMatch(/self-intersects.*near 0\.500000,0\.500000/);
  });

  it('finds a ring that touches itself at a vertex and a spike', () => {
    const pinch = poly([
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 0],
      [0, 2],
      [0, 0],
    ]);
    expect(validateAreaGeometry(pinch).length).toBeGreaterThan(0);
    const spike = poly([
      [0, 0],
      [2, 0],
      [3, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
    expect(validateAreaGeometry(spike).length).toBeGreaterThan(0);
  });

  it('tolerates repeated consecutive positions', () => {
    expect(
      validateAreaGeometry(
        poly([
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it('rejects holes outside or crossing the shell, nested holes and overlapping parts', () => {
    const outside = validateAreaGeometry(poly(square(0, 0, 1), square(2, 2, 0.5)));
    expect(outside).toEqual([{ path: 'geometry.coordinates[1]', message: 'hole is not inside the shell (ring 0)' }]);
    const crossing = validateAreaGeometry(poly(square(0, 0, 1), square(0.5, 0.5, 1)));
    expect(crossing[0]?.message).toMatch(
      /rings touch or cross: edge from position \d meets the edge of ring 1 from position \d/,
    );
    const nested = validateAreaGeometry(poly(square(0, 0, 1), square(0.1, 0.1, 0.8), square(0.2, 0.2, 0.2)));
    expect(nested.some((i) => i.message.includes('inside hole'))).toBe(true);
    const overlap = validateAreaGeometry({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(0.2, 0.2, 0.5)]],
    });
    expect(overlap[0]?.message).toMatch(/overlaps polygon/);
    expect(overlap[0]?.path).toMatch(/geometry\.coordinates\[\d\]\[0\]/);
  });

  it('checks a 2,000-vertex ring quickly enough to be usable (sweep, not all pairs)', () => {
    const ring: Position[] = Array.from({ length: 2000 }, (_, i) => {
      const a = (i / 2000) * 2 * Math.PI;
      const r = 0.01 * (1 + 0.2 * Math.sin(a * 17));
      return [115 + r * Math.cos(a), 30 + r * Math.sin(a)];
    });
    ring.push(ring[0] as Position);
    expect(validateAreaGeometry(poly(ring))).toEqual([]);
  });

  it('parseAreaGeometry drops altitude and returns a copy', () => {
    const input = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0, 5],
          [1, 0, 5],
          [1, 1, 5],
          [0, 0, 5],
        ],
      ],
    };
    const parsed = parseAreaGeometry(input);
    expect(parsed).toEqual({
      ok: true,
      value: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    });
  });
});

describe('measures', () => {
  it('bbox covers every position', () => {
    expect(bboxOf(poly(square(114.9, 30, 0.1)))).toEqual([114.9, 30, 115, 30.1]);
    expect(bboxOf({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2, 1, 2]);
  });

  it('area of a 0.01° cell at 30° N matches the spherical value within 0.1 %', () => {
    const m = 6_371_008.8 * (Math.PI / 180);
    const expected = 0.01 * m * 0.01 * m * Math.cos((30.005 * Math.PI) / 180);
    expect(areaM2(poly(square(114.97, 30, 0.01)))).toBeCloseTo(expected, -2);
    expect(Math.abs(areaM2(poly(square(114.97, 30, 0.01))) / expected - 1)).toBeLessThan(0.001);
  });

  it('area subtracts holes, ignores orientation and adds parts', () => {
    const outer = areaM2(poly(square(0, 0, 0.01)));
    const withHole = areaM2(poly(square(0, 0, 0.01), square(0.0025, 0.0025, 0.005)));
    expect(withHole / outer).toBeCloseTo(0.75, 3);
    expect(areaM2(poly([...square(0, 0, 0.01)].reverse()))).toBeCloseTo(outer, 6);
    const multi = areaM2({ type: 'MultiPolygon', coordinates: [[square(0, 0, 0.01)], [square(0.02, 0, 0.01)]] });
    expect(multi / outer).toBeCloseTo(2, 6);
  });

  it('centroid is area-weighted and accounts for holes, whatever the orientation', () => {
    expect(centroid(poly(square(0, 0, 2)))).toEqual([1, 1]);
    expect(centroid(poly([...square(0, 0, 2)].reverse()))).toEqual([1, 1]);
    const [cx, cy] = centroid(poly(square(0, 0, 2), square(1, 0.5, 1)));
    expect(cx).toBeCloseTo((4 * 1 - 1 * 1.5) / 3, 10);
    expect(cy).toBeCloseTo((4 * 1 - 1 * 1) / 3, 10);
  });

  it('ringSignedArea is positive counter-clockwise', () => {
    expect(ringSignedArea(square(0, 0, 1))).toBe(1);
    expect(ringSignedArea([...square(0, 0, 1)].reverse())).toBe(-1);
  });

  it('pointInPolygon honours holes and multipolygon parts', () => {
    const g = poly(square(0, 0, 1), square(0.25, 0.25, 0.5));
    expect(pointInPolygon(g, 0.1, 0.1)).toBe(true);
    expect(pointInPolygon(g, 0.5, 0.5)).toBe(false);
    expect(pointInPolygon(g, 1.5, 0.5)).toBe(false);
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(2, 0, 1)]] };
    expect(pointInPolygon(multi, 2.5, 0.5)).toBe(true);
    expect(pointInPolygon(multi, 1.5, 0.5)).toBe(false);
  });
});
