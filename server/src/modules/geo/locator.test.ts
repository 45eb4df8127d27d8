import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, Position } from '../../../../common/domain/geo.ts';
import { pointInPolygon } from './geometry.ts';
import { generateGrids } from './grid-generator.ts';
import { createLocator, createPolygonIndex } from './locator.ts';

const square = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const poly = (...rings: Position[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });

describe('createPolygonIndex', () => {
  it('finds the polygon containing a point, honouring holes and multipolygons', () => {
    const index = createPolygonIndex([
      { polygon: poly(square(0, 0, 1), square(0.25, 0.25, 0.5)), value: 'donut' },
      { polygon: poly(square(0.3, 0.3, 0.4)), value: 'island' },
      { polygon: { type: 'MultiPolygon', coordinates: [[square(2, 0, 1)], [square(4, 0, 1)]] }, value: 'pair' },
    ]);
    expect(index.size).toBe(3);
    expect(index.find(0.1, 0.1)).toBe('donut');
    expect(index.find(0.5, 0.5)).toBe('island');
    expect(index.find(0.27, 0.27)).toBeNull(); // in the hole, outside the island
    expect(index.find(4.5, 0.5)).toBe('pair');
    expect(index.find(3.5, 0.5)).toBeNull(); // inside the pair's bbox, between its parts
    expect(index.find(10, 10)).toBeNull();
  });

  it('is deterministic on shared edges: the first polygon in input order wins', () => {
    const index = createPolygonIndex([
      { polygon: poly(square(0, 0, 1)), value: 'a' },
      { polygon: poly(square(1, 0, 1)), value: 'b' },
    ]);
    expect(index.find(1, 0.5)).toBe(index.find(1, 0.5));
    expect(['a', 'b']).toContain(index.find(1, 0.5));
  });

  it('works when empty', () => {
    expect(createPolygonIndex([]).find(1, 1)).toBeNull();
  });

  it('agrees with the reference point-in-polygon on random points (property)', () => {
    const community: AreaGeometry = poly([
      [114.96, 30.09],
      [114.98, 30.09],
      [114.98, 30.095],
      [114.97, 30.095],
      [114.97, 30.11],
      [114.96, 30.11],
      [114.96, 30.09],
    ]);
    const { grids } = generateGrids({ code: '420281001001', polygon: community }, 100);
    const locator = createLocator(grids);
    fc.assert(
      fc.property(
        fc.double({ min: 114.955, max: 114.985, noNaN: true }),
        fc.double({ min: 30.085, max: 30.115, noNaN: true }),
        (lng, lat) => {
          const expected = grids.find((g) => pointInPolygon(g.polygon, lng, lat));
          expect(locator.locate(lng, lat)?.gridCode ?? null).toBe(expected?.code ?? null);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('createLocator', () => {
  const streetA = poly(square(0, 0, 0.02));
  const communityA1 = poly(square(0, 0, 0.01));
  const grids = [
    {
      code: '420281001001001',
      communityCode: '420281001001',
      streetCode: '420281001',
      polygon: poly(square(0, 0, 0.001)),
    },
    {
      code: '420281001001002',
      communityCode: '420281001001',
      streetCode: '420281001',
      polygon: poly(square(0.001, 0, 0.001)),
    },
  ];
  const locator = createLocator(grids, {
    communities: [{ code: '420281001001', polygon: communityA1 }],
    streets: [{ code: '420281001', polygon: streetA }],
  });

  it('returns grid, community and street codes for a point in a grid', () => {
    expect(locator.locate(0.0015, 0.0005)).toEqual({
      gridCode: '420281001001002',
      communityCode: '420281001001',
      streetCode: '420281001',
    });
    expect(locator.locateArea(0.0005, 0.0005)).toEqual({
      gridCode: '420281001001001',
      communityCode: '420281001001',
      streetCode: '420281001',
    });
  });

  it('falls back to the community, then the street, then null', () => {
    expect(locator.locate(0.005, 0.005)).toBeNull();
    expect(locator.locateArea(0.005, 0.005)).toEqual({
      gridCode: null,
      communityCode: '420281001001',
      streetCode: '420281001',
    });
    expect(locator.locateArea(0.015, 0.015)).toEqual({ gridCode: null, communityCode: null, streetCode: '420281001' });
    expect(locator.locateArea(0.5, 0.5)).toBeNull();
  });

  it('does not let callers change its index', () => {
    const hit = locator.locateArea(0.0005, 0.0005);
    if (hit) hit.gridCode = 'changed';
    expect(locator.locate(0.0005, 0.0005)?.gridCode).toBe('420281001001001');
    expect(Object.isFrozen(locator.locate(0.0005, 0.0005))).toBe(true);
  });
});
