import { describe, expect, it } from 'vitest';
import {
  isDone,
  overweight,
  projectPercent,
  SUBPROJECT_FULL,
  subprojectProgressUnits,
  wanYuanText,
  yuanToFen,
} from './projects.ts';

describe('the progress roll-up', () => {
  it('weights milestones into a subproject and subprojects into the project, exactly', () => {
    const a = subprojectProgressUnits([
      { weightBp: 3333, progressPct: 100 },
      { weightBp: 3333, progressPct: 100 },
      { weightBp: 3334, progressPct: 100 },
    ]);
    expect(isDone(a)).toBe(true);
    const b = subprojectProgressUnits([{ weightBp: 10000, progressPct: 20 }]);
    expect(
      projectPercent([
        { weightBp: 5000, units: a },
        { weightBp: 5000, units: b },
      ]),
    ).toBe(60);
    // weight never allotted counts as not done
    expect(projectPercent([{ weightBp: 5000, units: SUBPROJECT_FULL }])).toBe(50);
    expect(isDone(subprojectProgressUnits([{ weightBp: 9999, progressPct: 100 }]))).toBe(false);
  });

  it('refuses siblings over 100 %', () => {
    expect(overweight([{ weightBp: 6000 }], 4000)).toBe(false);
    expect(overweight([{ weightBp: 6000 }], 4001)).toBe(true);
  });
});

describe('money', () => {
  it('writes 万元 from fen without floating point', () => {
    expect(wanYuanText(2_641_000_000)).toBe('2641');
    expect(wanYuanText(2_641_500_000)).toBe('2641.5');
    expect(wanYuanText(123_456_789)).toBe('123.4567');
    expect(wanYuanText(0)).toBe('0');
  });

  it('reads yuan typed in a form as fen, exactly', () => {
    expect(yuanToFen('26410000')).toBe(2_641_000_000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
  });
});
