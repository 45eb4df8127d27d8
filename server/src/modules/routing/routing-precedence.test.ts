import { describe, expect, it } from 'vitest';
import { ROUTING_LEVELS } from '../../../../common/contracts/routing.ts';
import { haversineM } from '../geo/index.ts';
import { boxAround, majorCodeRange } from './duplicate-geometry.ts';
import {
  LEVEL_RANK,
  bestRule,
  filingConditionWins,
  matchLevel,
  shapeLevel,
  type RankableRule,
} from './routing-precedence.ts';

const ctx = { matterCode: '09006', streetId: 'S1', communityId: 'C1' };
let n = 0;
const rule = (shape: Partial<RankableRule>): RankableRule => ({
  id: `r${++n}`,
  unitId: `u${n}`,
  matterCode: null,
  majorCode: null,
  regionId: null,
  priority: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  ...shape,
});

describe('routing precedence (pure)', () => {
  it('ranks the levels in the documented order, the contract vocabulary in the same order', () => {
    expect([...ROUTING_LEVELS].sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b])).toEqual([...ROUTING_LEVELS]);
  });

  it('gives each rule shape its level and refuses rules for another matter, class or region', () => {
    expect(matchLevel({ matterCode: '09006', majorCode: null, regionId: 'C1' }, ctx)).toBe('matter_community');
    expect(matchLevel({ matterCode: '09006', majorCode: null, regionId: 'S1' }, ctx)).toBe('matter_street');
    expect(matchLevel({ matterCode: '09006', majorCode: null, regionId: null }, ctx)).toBe('matter');
    expect(matchLevel({ matterCode: null, majorCode: '09', regionId: 'C1' }, ctx)).toBe('major_community');
    expect(matchLevel({ matterCode: null, majorCode: '09', regionId: 'S1' }, ctx)).toBe('major_street');
    expect(matchLevel({ matterCode: null, majorCode: '09', regionId: null }, ctx)).toBe('major');
    expect(matchLevel({ matterCode: null, majorCode: null, regionId: 'C1' }, ctx)).toBe('region_community');
    expect(matchLevel({ matterCode: null, majorCode: null, regionId: 'S1' }, ctx)).toBe('region_street');
    expect(matchLevel({ matterCode: null, majorCode: null, regionId: null }, ctx)).toBe('fallback');
    expect(matchLevel({ matterCode: '09005', majorCode: null, regionId: null }, ctx)).toBeNull();
    expect(matchLevel({ matterCode: null, majorCode: '06', regionId: null }, ctx)).toBeNull();
    expect(matchLevel({ matterCode: '09006', majorCode: null, regionId: 'S2' }, ctx)).toBeNull();
    expect(
      matchLevel({ matterCode: '09006', majorCode: null, regionId: 'C1' }, { ...ctx, communityId: null }),
    ).toBeNull();
    expect(shapeLevel({ matterCode: null, majorCode: '09', regionId: 'X' }, true)).toBe('major_community');
  });

  it('each level beats the next one, whatever the priorities', () => {
    const shapes: Partial<RankableRule>[] = [
      { matterCode: '09006', regionId: 'C1' },
      { matterCode: '09006', regionId: 'S1' },
      { matterCode: '09006' },
      { majorCode: '09', regionId: 'C1' },
      { majorCode: '09', regionId: 'S1' },
      { majorCode: '09' },
      { regionId: 'C1' },
      { regionId: 'S1' },
      {},
    ];
    // Less specific rules get ever higher priorities: priority only orders rules of the same level.
    const rules = shapes.map((s, i) => rule({ ...s, priority: i * 10 }));
    const winners = rules.map((_, i) => bestRule(rules.slice(i), ctx)?.level);
    expect(winners).toEqual([
      'matter_community',
      'matter_street',
      'matter',
      'major_community',
      'major_street',
      'major',
      'region_community',
      'region_street',
      'fallback',
    ]);
    expect(bestRule([], ctx)).toBeNull();
  });

  it('within a level the higher priority wins, then the older rule', () => {
    const low = rule({ matterCode: '09006', priority: 1 });
    const high = rule({ matterCode: '09006', priority: 5, createdAt: '2024-06-01T00:00:00.000Z' });
    expect(bestRule([low, high], ctx)?.rule.id).toBe(high.id);
    const older = rule({ majorCode: '09', createdAt: '2023-01-01T00:00:00.000Z' });
    const newer = rule({ majorCode: '09', createdAt: '2024-01-01T00:00:00.000Z' });
    expect(bestRule([newer, older], ctx)?.rule.id).toBe(older.id);
  });

  it("puts the filing condition's unit below every matter and class rule but above region-only and fallback", () => {
    expect(filingConditionWins(null)).toBe(true);
    expect(filingConditionWins({ rule: rule({ majorCode: '09' }), level: 'major' })).toBe(false);
    expect(filingConditionWins({ rule: rule({ regionId: 'S1' }), level: 'region_street' })).toBe(true);
    expect(filingConditionWins({ rule: rule({}), level: 'fallback' })).toBe(true);
  });
});

describe('duplicate geometry (pure)', () => {
  it('measures great-circle distance in metres', () => {
    // One degree of latitude on the mean sphere: 2πR/360.
    expect(haversineM(114.97, 30, 114.97, 31)).toBeCloseTo(111_195, -1);
    expect(haversineM(114.97, 30.1, 114.97, 30.1)).toBe(0);
    // 0.001° of longitude at 30°N ≈ 96.3 m.
    expect(haversineM(114.97, 30, 114.971, 30)).toBeCloseTo(96.3, 0);
  });

  it('builds a box that holds every point of the circle', () => {
    for (const lat of [0, 30.1, 60, -45]) {
      const box = boxAround(114.97, lat, 1000);
      for (let deg = 0; deg < 360; deg += 15) {
        const a = (deg * Math.PI) / 180;
        // Walk out along the bearing until 1000 m, then check the point is inside the box.
        let step = 0;
        let lng = 114.97,
          la = lat;
        while (haversineM(114.97, lat, lng, la) < 1000 && step++ < 100_000) {
          lng += Math.sin(a) * 1e-5;
          la += Math.cos(a) * 1e-5;
        }
        expect(lng).toBeGreaterThanOrEqual(box.minLng - 2e-5);
        expect(lng).toBeLessThanOrEqual(box.maxLng + 2e-5);
        expect(la).toBeGreaterThanOrEqual(box.minLat - 2e-5);
        expect(la).toBeLessThanOrEqual(box.maxLat + 2e-5);
      }
    }
  });

  it('covers a major class by its 5-digit codes', () => {
    expect(majorCodeRange('09')).toEqual({ from: '09000', to: '09999' });
    expect(majorCodeRange('99')).toEqual({ from: '99000', to: '99999' });
  });
});
