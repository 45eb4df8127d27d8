import { describe, expect, it } from 'vitest';
import { decimalText, percentText } from './number-format.ts';

describe('number formats', () => {
  it('writes rates with at most one decimal, without a trailing .0', () => {
    expect(percentText(98.53)).toBe('98.5%');
    expect(percentText(98.04)).toBe('98%');
    expect(percentText(100)).toBe('100%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(66.66666)).toBe('66.7%');
  });

  it('writes averages and scores with one decimal', () => {
    expect(decimalText(3)).toBe('3.0');
    expect(decimalText(92.456)).toBe('92.5');
  });
});
