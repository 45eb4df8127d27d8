import { describe, expect, it } from 'vitest';
import { FP_MIN_REVIEWS, suggestThreshold } from './vision.ts';

const outcomes = (pairs: [number, boolean][]) =>
  pairs.map(([confidence, falsePositive]) => ({ confidence, falsePositive }));

describe('suggestThreshold', () => {
  it('suggests nothing on too few reviews', () => {
    expect(suggestThreshold(outcomes(Array.from({ length: FP_MIN_REVIEWS - 1 }, () => [0.9, true])))).toBeNull();
  });

  it('the lowest threshold that keeps the false positives at or under the target', () => {
    // false positives all below 0.7, true ones above: 0.7 keeps the rate at 0
    const o = outcomes([
      [0.5, true],
      [0.55, true],
      [0.6, true],
      [0.65, true],
      [0.7, false],
      [0.75, false],
      [0.8, false],
      [0.85, false],
      [0.9, false],
      [0.95, false],
    ]);
    expect(suggestThreshold(o)).toBe(0.7);
    // one false positive among 10 passing is exactly the 10 % target: the lowest threshold already keeps it
    expect(suggestThreshold(o.map((x, i) => ({ ...x, falsePositive: i === 9 })))).toBe(0.5);
  });

  it('1 when every reviewed event was a false positive', () => {
    expect(suggestThreshold(outcomes(Array.from({ length: 12 }, (_, i) => [0.5 + i * 0.04, true])))).toBe(1);
  });
});
