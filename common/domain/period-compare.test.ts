import { describe, expect, it } from 'vitest';
import { changeOf, comparisonOf, isoWeek, shiftYears, weekOf, weekShift } from './period-compare.ts';

describe('comparison periods (环比 / 同比)', () => {
  const done = '2030-01-01';
  it('day: the day before; the same date last year', () => {
    expect(comparisonOf('day', { from: '2026-03-01', to: '2026-03-01' }, done)).toEqual({
      current: { from: '2026-03-01', to: '2026-03-01' },
      previous: { from: '2026-02-28', to: '2026-02-28' },
      lastYear: { from: '2025-03-01', to: '2025-03-01' },
    });
  });
  it('week: the ISO week before; 364 days earlier so weekdays line up', () => {
    const w = isoWeek('2026-W10');
    expect(w).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    const c = comparisonOf('week', w!, done);
    expect(c.previous).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(c.lastYear).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(weekOf('2026-01-01')).toBe('2026-W01');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-W53')).toBeNull();
  });
  it('month and quarter: the one before and the same one last year, whole months', () => {
    const m = comparisonOf('month', { from: '2026-03-01', to: '2026-03-31' }, done);
    expect(m.previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(m.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    const jan = comparisonOf('month', { from: '2026-01-01', to: '2026-01-31' }, done);
    expect(jan.previous).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    const q = comparisonOf('quarter', { from: '2026-01-01', to: '2026-03-31' }, done);
    expect(q.previous).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(q.lastYear).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });
  it('year: the year before for both', () => {
    const y = comparisonOf('year', { from: '2026-01-01', to: '2026-12-31' }, done);
    expect(y.previous).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(y.lastYear).toEqual(y.previous);
  });
  it('custom: the same number of days just before; the same dates last year (29 Feb → 28 Feb)', () => {
    const c = comparisonOf('custom', { from: '2028-02-20', to: '2028-02-29' }, done);
    expect(c.previous).toEqual({ from: '2028-02-10', to: '2028-02-19' });
    expect(c.lastYear).toEqual({ from: '2027-02-20', to: '2027-02-28' });
    expect(shiftYears('2028-02-29', -1)).toBe('2027-02-28');
  });
  it('a running period is compared up to today with the same number of days', () => {
    const c = comparisonOf('month', { from: '2026-03-01', to: '2026-03-31' }, '2026-03-10');
    expect(c.current).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(c.previous).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(c.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-10' });
    const end = comparisonOf('month', { from: '2026-03-01', to: '2026-03-31' }, '2026-03-30');
    expect(end.previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('changes: delta and percentage, none against zero or a missing value', () => {
    expect(changeOf(12, 8)).toEqual({ base: 8, delta: 4, pct: 50 });
    expect(changeOf(5, 0)).toEqual({ base: 0, delta: 5, pct: null });
    expect(changeOf(null, 3)).toEqual({ base: 3, delta: null, pct: null });
    expect(changeOf(90.5, 95)).toEqual({ base: 95, delta: -4.5, pct: -4.7 });
  });
});

describe('stepping ISO weeks (the heat map’s previous / next week and playback)', () => {
  it('crosses years, including a year of 53 weeks', () => {
    expect(weekShift('2024-W10', -1)).toBe('2024-W09');
    expect(weekShift('2024-W10', 1)).toBe('2024-W11');
    expect(weekShift('2021-W01', -1)).toBe('2020-W53');
    expect(weekShift('2020-W53', 1)).toBe('2021-W01');
    expect(weekShift('2025-W01', -1)).toBe('2024-W52');
    expect(weekShift('2024-W10', -11)).toBe('2023-W51');
    expect(weekShift('2024-W99', 1)).toBe('2024-W99');
  });
});
