import { describe, expect, it } from 'vitest';
import { clusterCases, worstSla } from './case-clusters.ts';

const at = (lng: number, lat: number, sla = 'green') => ({ lng, lat, sla });
// 1 degree = 100 px: cells of 56 px
const project = (p: { lng: number; lat: number }) => ({ x: p.lng * 100, y: -p.lat * 100 });

describe('case clustering', () => {
  it('groups points of one screen cell and keeps distant ones apart', () => {
    const clusters = clusterCases([at(0.01, -0.01), at(0.02, -0.02), at(3, -3)], project);
    expect(clusters.map((c) => c.members.length).sort()).toEqual([1, 2]);
    const pair = clusters.find((c) => c.members.length === 2)!;
    expect(pair.lng).toBeCloseTo(0.015);
    expect(pair.lat).toBeCloseTo(-0.015);
  });

  it('colours a cluster by its most urgent case', () => {
    expect(worstSla(['green', 'red', 'yellow'])).toBe('red');
    expect(worstSla(['green', 'paused'])).toBe('green');
    expect(worstSla(['paused', 'none'])).toBe('paused');
    expect(worstSla([])).toBe('none');
    const [cluster] = clusterCases([at(0.01, -0.01, 'green'), at(0.02, -0.02, 'yellow')], project);
    expect(cluster?.sla).toBe('yellow');
  });

  it('returns nothing for no points', () => {
    expect(clusterCases([], project)).toEqual([]);
  });
});
