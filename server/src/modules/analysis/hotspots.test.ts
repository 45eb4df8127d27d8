import { describe, expect, it } from 'vitest';
import { componentHotspots, metresBetween, placeHotspots, topN, type HotspotPoint } from './hotspots.ts';

const at = (
  id: string,
  dLatM: number,
  dLngM = 0,
  componentCode: string | null = null,
  matterCode = '09006',
): HotspotPoint => ({
  id,
  lat: 30.1 + dLatM / 111_195,
  lng: 114.975 + dLngM / (111_195 * Math.cos(30.1 * (Math.PI / 180))),
  componentCode,
  matterCode,
});

describe('repeat hotspots', () => {
  it('measures metres on the ground', () => {
    expect(Math.round(metresBetween(at('a', 0), at('b', 30, 40)))).toBe(50);
  });
  it('groups N cases within the radius of one case, each case in one hotspot at most', () => {
    const points = [at('a', 0), at('b', 20), at('c', 40), at('d', 45), at('far', 500), at('far2', 520)];
    const found = placeHotspots(points, 50, 3);
    expect(found).toHaveLength(1);
    expect(found[0]?.caseIds).toEqual(['a', 'b', 'c', 'd']);
    expect(placeHotspots(points, 50, 5)).toEqual([]);
    expect(placeHotspots(points, 50, 2).map((h) => h.caseIds)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['far', 'far2'],
    ]);
  });
  it('counts cases per component and names the commonest matter', () => {
    const points = [
      at('a', 0, 0, 'C1', '01001'),
      at('b', 900, 0, 'C1', '01002'),
      at('c', 0, 900, 'C1', '01002'),
      at('d', 0, 0, 'C2'),
    ];
    const found = componentHotspots(points, 3);
    expect(found.map((h) => [h.componentCode, h.caseIds, h.matterCode])).toEqual([['C1', ['a', 'b', 'c'], '01002']]);
  });
});

describe('top N', () => {
  it('shares a rank on equal counts (1, 1, 3), orders equals by id and leaves out zeros', () => {
    const items = [
      { id: 'b', value: 5 },
      { id: 'a', value: 5 },
      { id: 'c', value: 2 },
      { id: 'z', value: 0 },
      { id: 'd', value: 7 },
    ];
    expect(topN(items, 10).map((i) => [i.id, i.rank])).toEqual([
      ['d', 1],
      ['a', 2],
      ['b', 2],
      ['c', 4],
    ]);
    expect(topN(items, 2).map((i) => i.id)).toEqual(['d', 'a']);
  });
});
