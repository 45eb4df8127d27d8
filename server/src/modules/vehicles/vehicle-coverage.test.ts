import { describe, expect, it } from 'vitest';
import { coverageOf, type TrackPoint } from './vehicle-coverage.ts';
import { roadIndex, type XY } from './vehicle-geometry.ts';

/** A straight 1 km road along x, cut into 25 m pieces. */
const index = roadIndex([{ name: '示例路', lines: [[[0, 0] as XY, [1000, 0] as XY]] }]);
const at = (min: number) => Date.parse('2026-12-05T00:00:00Z') + min * 60_000;
const point = (min: number, x: number, heading: number): TrackPoint => ({ at: at(min), p: [x, 2], heading, speed: 15 });

describe('coverage of one day', () => {
  it('counts two points in one piece (a vehicle turning round on it) without filling anything between them', () => {
    // out along the road to 740 m, turning round inside the piece 725–750 m, and back
    const track = [point(0, 490, 90), point(1, 740, 90), point(2, 735, 270), point(3, 490, 270)];
    const [road] = coverageOf(index, new Map([['SS001', track]]));
    expect(road).toMatchObject({ road: '示例路', lengthM: 1000, vehicles: 1 });
    // 475 → 750 m: the pieces the points lie in and the ones between them, once each way
    expect(road!.coveredM).toBe(275);
    expect(road!.passes).toBe(1);
  });

  it('covers part of a road for a vehicle that works a stretch of it', () => {
    const track = Array.from({ length: 13 }, (_, i) => point(i, 20 + i * 50, 90));
    const [road] = coverageOf(index, new Map([['SS002', track]]));
    expect(road!.coveredM).toBe(625);
    expect(road!.coveredM / road!.lengthM).toBeLessThan(1);
  });
});
