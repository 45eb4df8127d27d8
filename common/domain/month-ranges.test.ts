import { describe, expect, it } from 'vitest';
import { splitByMonths } from './month-ranges.ts';

describe('splitByMonths', () => {
  it('reads a whole month, quarter or year from months only', () => {
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(splitByMonths('2024-01-01', '2024-03-31')).toEqual({ months: ['2024-01', '2024-03'], days: [] });
    expect(splitByMonths('2023-01-01', '2023-12-31')).toEqual({ months: ['2023-01', '2023-12'], days: [] });
  });

  it('keeps the days at either end outside the whole months', () => {
    expect(splitByMonths('2024-02-20', '2024-04-10')).toEqual({
      months: ['2024-03', '2024-03'],
      days: [
        ['2024-02-20', '2024-02-29'],
        ['2024-04-01', '2024-04-10'],
      ],
    });
    expect(splitByMonths('2023-12-15', '2024-01-31')).toEqual({
      months: ['2024-01', '2024-01'],
      days: [['2023-12-15', '2023-12-31']],
    });
    expect(splitByMonths('2024-01-01', '2024-02-28')).toEqual({
      months: ['2024-01', '2024-01'],
      days: [['2024-02-01', '2024-02-28']],
    });
  });

  it('reads a range inside one month, a week across two, or an empty range from days only', () => {
    expect(splitByMonths('2024-03-04', '2024-03-10')).toEqual({ months: null, days: [['2024-03-04', '2024-03-10']] });
    expect(splitByMonths('2024-02-26', '2024-03-03')).toEqual({ months: null, days: [['2024-02-26', '2024-03-03']] });
    expect(splitByMonths('2024-03-01', '2024-03-01')).toEqual({ months: null, days: [['2024-03-01', '2024-03-01']] });
    expect(splitByMonths('2024-03-10', '2024-03-01')).toEqual({ months: null, days: [] });
  });
});
