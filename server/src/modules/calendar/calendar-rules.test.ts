import { describe, expect, it } from 'vitest';
import { dayRowIssues, normaliseDays, periodIssues, sameDays, sortPeriods } from './calendar-rules.ts';

describe('dayRowIssues', () => {
  it('accepts a holiday on any day and a workday on a weekend', () => {
    expect(
      dayRowIssues(2024, [
        { date: '2024-02-10', kind: 'holiday', name: '春节' }, // Saturday
        { date: '2024-02-12', kind: 'holiday', name: '春节' }, // Monday
        { date: '2024-02-04', kind: 'workday', name: '春节' }, // Sunday
        { date: '2024-04-07', kind: 'workday', name: '清明' }, // Sunday
      ]),
    ).toEqual([]);
  });

  it('says why a weekday workday is refused', () => {
    const [issue] = dayRowIssues(2024, [{ date: '2024-02-08', kind: 'workday', name: '春节' }]);
    expect(issue).toMatchObject({ field: 'body.0.date', rule: 'weekend' });
    expect(issue?.message).toMatch(/Thursday.*调休/);
  });
});

describe('periodIssues', () => {
  it('points every validatePeriods message at a field', () => {
    const issues = periodIssues([
      { start: '8:00', end: '12:00' },
      { start: '14:00', end: '13:00' },
      { start: '09:00', end: '10:00' },
    ]);
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'body.periods.0.start:time',
      'body.periods.1.end:order',
    ]);
    expect(
      periodIssues([
        { start: '08:00', end: '12:00' },
        { start: '09:00', end: '10:00' },
      ]).map((i) => i.field),
    ).toEqual(['body.periods.1.start']);
    expect(periodIssues([]).map((i) => i.field)).toEqual(['body.periods']);
  });
});

describe('stored form', () => {
  it('sorts, trims and compares regardless of order', () => {
    expect(
      sortPeriods([
        { start: '14:00', end: '18:00' },
        { start: '08:00', end: '12:00' },
      ])[0]?.start,
    ).toBe('08:00');
    const a = normaliseDays([
      { date: '2024-02-11', kind: 'holiday', name: ' 春节' },
      { date: '2024-02-10', kind: 'holiday', name: '春节' },
    ]);
    expect(a.map((d) => d.date)).toEqual(['2024-02-10', '2024-02-11']);
    expect(sameDays(a, [...a].reverse())).toBe(true);
    expect(sameDays(a, [{ ...a[0]!, name: '除夕' }, a[1]!])).toBe(false);
  });
});
