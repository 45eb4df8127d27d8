import { describe, expect, it } from 'vitest';
import {
  isProvincialOrAbove,
  nextProblemStatus,
  percent,
  progressProblem,
  reportCeilingMilli,
  reportQuantity,
  toMilli,
} from './campaigns.ts';

describe('campaign rules (docs/campaigns.md)', () => {
  it('lets a reported total reach the target plus its allowance and no further', () => {
    expect(reportCeilingMilli(toMilli(25), 0)).toBe(25_000);
    expect(reportCeilingMilli(toMilli(1000), 10)).toBe(1_100_000);
    // the allowance rounds down: 3 roads with 50 % allow 4.5, not 5
    expect(reportCeilingMilli(toMilli(3), 50)).toBe(4_500);
  });

  it('takes progress as a whole per cent from 0 to 100', () => {
    expect([0, 55, 100].map(progressProblem)).toEqual([null, null, null]);
    expect(progressProblem(101)).toBe('maximum');
    expect(progressProblem(-1)).toBe('minimum');
    expect(progressProblem(50.5)).toBe('integer');
  });

  it('moves a problem open → rectifying → rectified and a rectified one nowhere', () => {
    expect(nextProblemStatus('open', 'start')).toBe('rectifying');
    expect(nextProblemStatus('rectifying', 'finish')).toBe('rectified');
    expect(nextProblemStatus('open', 'finish')).toBeNull();
    expect(nextProblemStatus('rectified', 'start')).toBeNull();
    expect(nextProblemStatus('rectified', 'finish')).toBeNull();
  });

  it('writes quantities as the report does', () => {
    expect(reportQuantity(250_000, 'zh-CN')).toBe('25万');
    expect(reportQuantity(21_000, 'zh-CN')).toBe('2.1万');
    expect(reportQuantity(12_345, 'zh-CN')).toBe('12345');
    expect(reportQuantity(40, 'zh-CN')).toBe('40');
    expect(reportQuantity(250_000, 'en')).toBe('250,000');
  });

  it('counts national and provincial outlets as 省级以上 and gives rates with one decimal', () => {
    expect(['national', 'provincial', 'city', 'county'].map((l) => isProvincialOrAbove(l as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});
