import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_RULE, listRuleProblem, monthRange, periodsOverlap, rankMonth, shopKey } from './frontage.ts';

describe('门前三包 rules', () => {
  it('knows the same shop by its credit code, else by name and address', () => {
    expect(shopKey({ creditCode: '91420281ma4f0xxx1a', shopName: 'A', address: 'x' })).toBe('c:91420281MA4F0XXX1A');
    expect(shopKey({ shopName: '惠民 超市', address: '新冶大道 1号' })).toBe(
      shopKey({ shopName: '惠民超市', address: '新冶大道1号' }),
    );
    expect(shopKey({ shopName: '惠民超市', address: '新冶大道2号' })).not.toBe(
      shopKey({ shopName: '惠民超市', address: '新冶大道1号' }),
    );
  });

  it('treats periods sharing a day as overlapping', () => {
    expect(periodsOverlap({ from: '2023-01-01', to: '2023-12-31' }, { from: '2023-12-31', to: '2024-12-31' })).toBe(
      true,
    );
    expect(periodsOverlap({ from: '2023-01-01', to: '2023-12-31' }, { from: '2024-01-01', to: '2024-12-31' })).toBe(
      false,
    );
  });

  it('gives the days of a month, February included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-12')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });

  it('ranks red best first and black worst first, with stable ties and the caps', () => {
    const shops = [
      { agreementId: 'a', shopName: '乙', scores: [95] },
      { agreementId: 'b', shopName: '甲', scores: [95] },
      { agreementId: 'c', shopName: '丙', scores: [98, 96] },
      { agreementId: 'd', shopName: '丁', scores: [40] },
      { agreementId: 'e', shopName: '戊', scores: [59, 61] },
      { agreementId: 'f', shopName: '己', scores: [75] },
    ];
    const { red, black } = rankMonth(shops, { ...DEFAULT_LIST_RULE, redMaxShops: 2 });
    expect(red.map((s) => [s.shopName, s.rank, s.average])).toEqual([
      ['丙', 1, 97],
      ['甲', 2, 95],
    ]);
    expect(black.map((s) => s.shopName)).toEqual(['丁']);
    expect(rankMonth(shops, { ...DEFAULT_LIST_RULE, minInspections: 2 }).red.map((s) => s.shopName)).toEqual(['丙']);
  });

  it('refuses a rule whose red bar is not above the black bar', () => {
    expect(listRuleProblem({ ...DEFAULT_LIST_RULE, redMinScore: 60 })).toEqual({
      field: 'body.redMinScore',
      rule: 'order',
    });
    expect(listRuleProblem(DEFAULT_LIST_RULE)).toBeNull();
  });
});
