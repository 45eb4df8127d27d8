import { describe, expect, it } from 'vitest';
import { bandProblems, bandScore, DEFAULT_BANDS, type CountBands } from './kpi-bands.ts';
import {
  compositeScore,
  DEFAULT_WEIGHTS,
  FORMULA_SUBJECTS,
  gradeOf,
  gradeProblems,
  indicatorValue,
  resolvePeriod,
  weightProblems,
  zeroCounts,
  type KpiCounts,
} from './kpi.ts';

const counts = (patch: Partial<KpiCounts>): KpiCounts => ({ ...zeroCounts(), ...patch });
const opts = { excludeSuspended: false };

describe('indicators (docs/standards.md, "KPI indicators")', () => {
  it('computes rates as percentages and says "no data" for an empty denominator, never NaN', () => {
    // 天门 monthly report (docs/standards.md, "Local variants")
    const c = counts({ filed: 996, needClose: 972, closed: 911, closedOnTime: 737 });
    expect(indicatorValue('closeRate', c, opts)).toEqual({ value: 93.72, numerator: 911, denominator: 972 });
    expect(indicatorValue('onTimeCloseRate', c, opts).value).toBe(75.82);
    expect(indicatorValue('satisfactionRate', c, opts)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('takes suspended cases out of 应结案数 when the 金华 option is on', () => {
    const c = counts({ needClose: 10, closed: 8, suspendedOpen: 2 });
    expect(indicatorValue('closeRate', c, opts).value).toBe(80);
    expect(indicatorValue('closeRate', c, { excludeSuspended: true }).value).toBe(100);
  });

  it('counts 准确派遣 as 派遣数 − 回退数 over 应派遣数', () => {
    expect(
      indicatorValue('accurateDispatchRate', counts({ needDispatch: 4, dispatched: 4, returned: 1 }), opts).value,
    ).toBe(75);
  });
});

describe('composite scores and grades (docs/standards.md, "KPI weights", "KPI grades")', () => {
  it('grades on the published A–E boundaries', () => {
    expect([100, 90, 89.99, 75, 74.99, 60, 59.99, 40, 39.99, 0].map((s) => gradeOf(s))).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'E',
      'E',
    ]);
  });

  it('scores a unit: 立案数分值×10 % + 结案率×30 % + 按期处置率×30 % + (1 − 返工率)×30 %', () => {
    const c = counts({ filed: 120, needClose: 100, closed: 90, needHandle: 100, handledOnTime: 80, reworked: 10 });
    // 75×0.1 + 90×0.3 + 80×0.3 + 90×0.3 = 7.5 + 27 + 24 + 27 = 85.5
    expect(compositeScore('unit', c, DEFAULT_WEIGHTS, opts)).toBe(85.5);
  });

  it('leaves parts without data out and rescales, and gives null with no data at all', () => {
    expect(compositeScore('inspector', counts({ reported: 10, validReported: 9 }), DEFAULT_WEIGHTS, opts)).toBe(90);
    expect(compositeScore('unit', zeroCounts(), DEFAULT_WEIGHTS, opts)).toBeNull();
  });

  it('bands the counts as the published formulas do', () => {
    expect([2001, 2000, 1201, 1200, 501, 500, 301, 300].map((n) => bandScore('accepted', n))).toEqual([
      100, 90, 90, 75, 75, 60, 60, 0,
    ]);
    expect([0, 50, 51, 100, 200, 500, 1000, 1001].map((n) => bandScore('filed', n))).toEqual([
      100, 100, 90, 90, 75, 60, 40, 0,
    ]);
  });

  it('has default weights that each sum to 100 %, and refuses a set that does not', () => {
    expect(weightProblems(DEFAULT_WEIGHTS)).toEqual([]);
    for (const f of FORMULA_SUBJECTS) expect(Object.values(DEFAULT_WEIGHTS[f]).reduce((a, b) => a + b, 0)).toBe(100);
    const bad = structuredClone(DEFAULT_WEIGHTS);
    bad.region.onTimeCloseRate = 10; // the 联通 code as published: 70 %
    expect(weightProblems(bad)).toEqual([
      { field: 'body.weights.region', message: 'weights must sum to 100 % (now 70 %)' },
    ]);
    bad.region = { ...DEFAULT_WEIGHTS.region, bogus: 0 };
    expect(weightProblems(bad)[0]?.field).toBe('body.weights.region.bogus');
    expect(gradeProblems({ A: 90, B: 95, C: 60, D: 40 })).toHaveLength(1);
  });
});

describe('periods (docs/standards.md, "KPI subjects and periods")', () => {
  it('resolves day, month, quarter, year and custom, and refuses the malformed', () => {
    expect(resolvePeriod('month', '2024-02')).toEqual({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
      label: '2024-02',
    });
    expect(resolvePeriod('quarter', '2023-Q4')).toMatchObject({ from: '2023-10-01', to: '2023-12-31' });
    expect(resolvePeriod('year', '2023')).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
    expect(resolvePeriod('day', '2024-03-12')).toMatchObject({ from: '2024-03-12', to: '2024-03-12' });
    expect(resolvePeriod('custom', undefined, '2024-03-01', '2024-03-10')).toMatchObject({
      from: '2024-03-01',
      to: '2024-03-10',
    });
    for (const [k, at] of [
      ['month', '2024-13'],
      ['day', '2024-02-30'],
      ['quarter', '2024-Q0'],
      ['year', '24'],
      ['month', undefined],
    ] as const) {
      expect(resolvePeriod(k, at)).toBeNull();
    }
    expect(resolvePeriod('custom', undefined, '2024-03-10', '2024-03-01')).toBeNull();
  });
});

describe('count bands are settings', () => {
  it('派遣数 scores through its own bands, in any order the editor saved them', () => {
    const own: CountBands = {
      ...DEFAULT_BANDS,
      dispatched: [
        { threshold: 10, score: 60 },
        { threshold: 100, score: 100 },
        { threshold: 50, score: 80 },
      ],
    };
    expect([101, 100, 51, 11, 10].map((n) => bandScore('dispatched', n, own))).toEqual([100, 80, 80, 60, 0]);
    // the 受理数 bands are untouched by the 派遣数 ones
    expect(bandScore('accepted', 101, own)).toBe(0);
    const c = { ...zeroCounts(), dispatched: 60, needDispatch: 60, dispatchedOnTime: 60 };
    expect(compositeScore('dispatcher', c, DEFAULT_WEIGHTS, opts, own)).toBe(96);
  });

  it('refuses bands with field paths: repeated or negative thresholds, scores past 100, too many bands', () => {
    const bad: CountBands = {
      accepted: [
        { threshold: 5, score: 90 },
        { threshold: 5, score: 80 },
      ],
      dispatched: [
        { threshold: -1, score: 50 },
        { threshold: 3, score: 101 },
      ],
      filed: Array.from({ length: 11 }, (_, i) => ({ threshold: i, score: 50 })),
    };
    expect(bandProblems(bad).map((p) => p.field)).toEqual([
      'body.bands.accepted[1].threshold',
      'body.bands.dispatched[0].threshold',
      'body.bands.dispatched[1].score',
      'body.bands.filed',
    ]);
    expect(bandProblems(DEFAULT_BANDS)).toEqual([]);
  });
});
