import { describe, expect, it } from 'vitest';
import { rankSubjects, type Rankable, type RankingRules } from './kpi-ranking.ts';

const rules: RankingRules = { bottomCount: 2, minCases: 5, topTie: 'none', flagMinScore: 75 };
const row = (id: string, score: number | null, cases = 10, secondary: number | null = null): Rankable => ({
  id,
  name: id,
  score,
  cases,
  secondary,
});
const ids = (list: readonly Rankable[]) => list.map((r) => r.id);

describe('rankSubjects', () => {
  it('gives equal scores one rank and skips the places they take (1, 1, 3)', () => {
    const out = rankSubjects([row('c', 80), row('a', 100), row('b', 100), row('d', 70)], rules);
    expect(out.ranked.map((r) => [r.row.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('orders equal scores by the secondary figure for display without splitting their rank', () => {
    const out = rankSubjects([row('a', 90, 10, 50), row('b', 90, 10, 95)], rules);
    expect(out.ranked.map((r) => [r.row.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 1],
    ]);
  });

  it('awards no flag when the top is tied under the "none" rule, and both under "shared"', () => {
    const rows = [row('a', 100), row('b', 100), row('c', 60)];
    expect(rankSubjects(rows, rules).flagged).toEqual([]);
    expect(ids(rankSubjects(rows, { ...rules, topTie: 'shared' }).flagged)).toEqual(['a', 'b']);
  });

  it('flags a unique first place only at or above the threshold', () => {
    expect(ids(rankSubjects([row('a', 75), row('b', 60)], rules).flagged)).toEqual(['a']);
    expect(rankSubjects([row('a', 74.99), row('b', 60)], rules).flagged).toEqual([]);
  });

  it('never bottom-lists a subject tied with one above the cut, nor the one tied at the top', () => {
    // the two tied at 100 sit on both sides of a plain cut of 2 out of 3
    const tiedTop = rankSubjects([row('a', 100), row('b', 100), row('c', 80)], rules);
    expect(ids(tiedTop.bottom)).toEqual(['c']);
    // the cut takes c and d, but c ties with b (60) above it: only d is listed
    const tiedCut = rankSubjects([row('a', 90), row('b', 60), row('c', 60), row('d', 50)], rules);
    expect(ids(tiedCut.bottom)).toEqual(['d']);
    // everyone tied: nobody is first-and-last
    expect(rankSubjects([row('a', 70), row('b', 70), row('c', 70)], rules).bottom).toEqual([]);
    // one ranked subject leaves no bottom list
    expect(rankSubjects([row('a', 30)], rules).bottom).toEqual([]);
  });

  it('lists the bottom N worst last when no tie crosses the cut', () => {
    const out = rankSubjects([row('a', 90), row('b', 80), row('c', 70), row('d', 60)], rules);
    expect(ids(out.bottom)).toEqual(['c', 'd']);
  });

  it('keeps subjects under the minimum case count out of the ranking, the flag and the bottom list', () => {
    const out = rankSubjects([row('one-case', 100, 1), row('a', 80), row('b', 70), row('low', 10, 4)], rules);
    expect(ids(out.unranked)).toEqual(['one-case', 'low']);
    expect(ids(out.ranked.map((r) => r.row))).toEqual(['a', 'b']);
    expect(ids(out.flagged)).toEqual(['a']);
    expect(ids(out.bottom)).toEqual(['b']);
  });

  it('leaves out subjects without any case in the period, and lists a scoreless active one as unranked', () => {
    const out = rankSubjects([row('idle', null, 0), row('a', 80), row('odd', null, 6)], { ...rules, minCases: 0 });
    expect(ids(out.idle)).toEqual(['idle']);
    expect(ids(out.unranked)).toEqual(['odd']);
    expect(ids(out.ranked.map((r) => r.row))).toEqual(['a']);
  });
});
