import { describe, expect, it } from 'vitest';
import { t } from '../../../../common/i18n/core.ts';
import { ApiError } from '../../api/errors.ts';
import {
  checkDays,
  checkPeriods,
  issueFields,
  serverIssues,
  sortDays,
  weekdayOf,
  yearOptions,
} from './calendar-form.ts';

const zh = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('zh-CN', key, params);

describe('calendar form helpers', () => {
  it('knows the weekday of a calendar date in any browser zone, and rejects non-dates', () => {
    expect(weekdayOf('2024-02-04')).toBe(0); // the 2024 春节 调休 Sunday
    expect(weekdayOf('2024-02-18')).toBe(0);
    expect(weekdayOf('2024-02-10')).toBe(6);
    expect(weekdayOf('2024-02-30')).toBeUndefined();
    expect(weekdayOf('')).toBeUndefined();
  });

  it('checks rows as the server does: year, duplicates, names, 调休 only on weekends', () => {
    const issues = checkDays(2024, [
      { date: '2024-02-04', kind: 'workday', name: '春节' },
      { date: '2024-02-05', kind: 'workday', name: '春节' },
      { date: '2024-02-04', kind: 'holiday', name: '春节' },
      { date: '2025-01-01', kind: 'holiday', name: '元旦' },
      { date: '2024-05-01', kind: 'holiday', name: ' ' },
    ]);
    expect(issues.map((i) => `${i.name.join('.')}:${i.rule}`)).toEqual([
      'days.1.date:weekend',
      'days.2.date:unique',
      'days.3.date:year',
      'days.4.name:required',
    ]);
  });

  it('checks periods for HH:MM, 24:00 only as an end, and end after start', () => {
    expect(
      checkPeriods([
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '24:00' },
      ]),
    ).toEqual([]);
    expect(
      checkPeriods([
        { start: '24:00', end: '8:00' },
        { start: '14:00', end: '13:00' },
      ]).map((i) => `${i.name.join('.')}:${i.rule}`),
    ).toEqual(['periods.0.start:time', 'periods.0.end:time', 'periods.1.end:order']);
  });

  it('puts the server field issues under the form lists and words them in the UI language', () => {
    const days = new ApiError({
      status: 400,
      code: 'CALENDAR_INVALID_DAYS',
      message: 'x',
      details: [
        { field: 'body.3.date', rule: 'weekend', message: '2024-02-05 is a Monday' },
        { field: 'body.4.name', rule: 'mystery', message: 'the server says why' },
      ],
    });
    const fields = issueFields(serverIssues(days, 'days'), zh, 2024);
    expect(fields).toEqual([
      { name: ['days', 3, 'date'], errors: ['调休上班只能设在周六或周日'] },
      { name: ['days', 4, 'name'], errors: ['the server says why'] },
    ]);
    const periods = new ApiError({
      status: 400,
      code: 'CALENDAR_INVALID_PERIODS',
      message: 'x',
      details: [{ field: 'body.periods.1.start', rule: 'overlap', message: 'overlap' }],
    });
    expect(issueFields(serverIssues(periods, 'periods'), zh)).toEqual([
      { name: ['periods', 1, 'start'], errors: ['与其他时段重叠'] },
    ]);
    expect(
      issueFields(checkDays(2024, [{ date: '2023-12-31', kind: 'holiday', name: '元旦' }]), zh, 2024)[0]?.errors,
    ).toEqual(['日期必须在 2024 年内']);
  });

  it('sorts rows by date with blanks last, and offers the years around today', () => {
    expect(sortDays([{ date: '2024-10-01' }, {}, { date: '2024-01-01' }]).map((r) => r.date)).toEqual([
      '2024-01-01',
      '2024-10-01',
      undefined,
    ]);
    const data = {
      years: [{ year: 2023, holidays: 1, workdays: 0, seeded: true, inPackage: true }],
      missing: [{ year: 2027, inPackage: false }],
      source: { package: 'p', version: '1' },
    };
    expect(yearOptions(data, 2025)).toEqual([2027, 2026, 2025, 2023]);
  });
});
