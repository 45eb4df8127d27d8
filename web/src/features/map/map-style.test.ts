import { describe, expect, it } from 'vitest';
import {
  bboxParam,
  classColor,
  clusterCell,
  clusterLabel,
  clusterRadius,
  containsBbox,
  MIXED_COLOR,
  padBbox,
} from './map-style.ts';

describe('map rules', () => {
  it('colours a component by its major class, mixed clusters grey', () => {
    expect(classColor('01002')).toBe('#1677ff');
    expect(classColor('03004')).toBe('#52c41a');
    expect(classColor(undefined)).toBe(MIXED_COLOR);
    expect(classColor('99001')).toBe(MIXED_COLOR);
  });

  it('sizes clusters by order of magnitude and keeps labels short', () => {
    expect(clusterRadius(1)).toBe(11);
    expect(clusterRadius(100)).toBe(19);
    expect(clusterRadius(100_000)).toBe(31);
    expect(clusterLabel(9999)).toBe('9999');
    expect(clusterLabel(12_345)).toBe('12k');
  });

  it('writes the bbox parameter and decides when a view needs a new fetch', () => {
    expect(bboxParam([114.9, 30.05, 115.1, 30.2])).toBe('114.900000,30.050000,115.100000,30.200000');
    expect(bboxParam([-190, -95, 10, 20])).toBe('-180.000000,-90.000000,10.000000,20.000000');
    const fetched = padBbox([114.9, 30.0, 115.0, 30.1], 0.25);
    expect(fetched[0]).toBeCloseTo(114.875);
    expect(fetched[3]).toBeCloseTo(30.125);
    expect(containsBbox(fetched, [114.89, 30.0, 115.01, 30.11])).toBe(true);
    expect(containsBbox(fetched, [114.85, 30.0, 115.0, 30.1])).toBe(false);
    expect(containsBbox(null, [0, 0, 1, 1])).toBe(false);
  });

  it('finds the cell of a cluster from its mean position (cells anchored at 0°,0°)', () => {
    const cell = clusterCell(114.9581, 30.0941, 0.0006866455078125, 0.0005940974080531979);
    expect(cell[0]).toBeLessThanOrEqual(114.9581);
    expect(cell[2]).toBeGreaterThan(114.9581);
    expect(cell[2] - cell[0]).toBeCloseTo(0.0006866455078125, 12);
    expect(cell[1]).toBeLessThanOrEqual(30.0941);
    expect(cell[3]).toBeGreaterThan(30.0941);
  });
});
