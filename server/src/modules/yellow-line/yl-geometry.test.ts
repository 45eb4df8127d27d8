import { describe, expect, it } from 'vitest';
import { placeZone, zonesOverlap, type ZoneShape } from './yl-geometry.ts';

/** The overlap rule (docs/yellow-line.md, "Geometry") on small shapes in degrees. */
const line = (...p: [number, number][]): ZoneShape => ({ type: 'LineString', coordinates: p });
const box = (x: number, y: number, w: number, h: number): ZoneShape => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
});

describe('zonesOverlap', () => {
  it('sees lines that cross or run along each other, not lines that meet at an end', () => {
    expect(zonesOverlap(line([0, 0], [1, 0]), line([0.5, -0.5], [0.5, 0.5]))).toBe(true);
    expect(zonesOverlap(line([0, 0], [1, 0]), line([0.5, 0], [2, 0]))).toBe(true);
    expect(zonesOverlap(line([0, 0], [1, 0]), line([1, 0], [2, 0]))).toBe(false);
    expect(zonesOverlap(line([0, 0], [1, 0]), line([1, 0], [1, 1]))).toBe(false);
    expect(zonesOverlap(line([0, 0], [1, 0]), line([0, 1], [1, 1]))).toBe(false);
  });

  it('sees a line inside an area or through it, not one along its edge', () => {
    expect(zonesOverlap(line([0.2, 0.5], [0.8, 0.5]), box(0, 0, 1, 1))).toBe(true);
    expect(zonesOverlap(line([-1, 0.5], [2, 0.5]), box(0, 0, 1, 1))).toBe(true);
    expect(zonesOverlap(line([0, 0], [1, 0]), box(0, 0, 1, 1))).toBe(false);
  });

  it('sees areas that share ground, equal or nested, not areas side by side', () => {
    expect(zonesOverlap(box(0, 0, 1, 1), box(0.5, 0.5, 1, 1))).toBe(true);
    expect(zonesOverlap(box(0, 0, 1, 1), box(0, 0, 1, 1))).toBe(true);
    expect(zonesOverlap(box(0, 0, 1, 1), box(0.25, 0.25, 0.5, 0.5))).toBe(true);
    expect(zonesOverlap(box(0, 0, 1, 1), box(1, 0, 1, 1))).toBe(false);
    expect(zonesOverlap(box(0, 0, 1, 1), box(3, 3, 1, 1))).toBe(false);
  });
});

describe('placeZone', () => {
  const everywhere = { insideTenant: () => true };
  it('gives the box and a representative point', () => {
    const p = placeZone(line([114.9, 30.1], [114.9004, 30.1], [114.9004, 30.1003]), everywhere, 'body.geometry');
    expect(p.bbox).toEqual({ minLng: 114.9, minLat: 30.1, maxLng: 114.9004, maxLat: 30.1003 });
    expect([p.lng, p.lat]).toEqual([114.9004, 30.1]);
  });

  it('names the bad position', () => {
    expect(() => placeZone(line([114.9, 30.1], [114.9, 30.1]), everywhere, 'body.geometry')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'body.geometry.coordinates.1' })] }),
    );
    const nowhere = { insideTenant: () => false };
    expect(() => placeZone(line([114.9, 30.1], [114.91, 30.1]), nowhere, 'body.geometry')).toThrow(
      expect.objectContaining({ code: 'YL_OUTSIDE_CITY' }),
    );
  });
});
