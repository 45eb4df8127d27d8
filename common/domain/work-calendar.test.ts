/**
 * Hand-worked cases for the work calendar (default spec: Asia/Shanghai, 08:00–12:00 + 14:00–18:00, seeded
 * 2023–2026 rows). Times are Beijing wall-clock times. Reference weekdays: 2024-03-11 Mon, 03-15 Fri,
 * 03-16 Sat, 03-17 Sun, 03-18 Mon. 春节 2024: off 02-10 (Sat)..02-17 (Sat); 调休 workdays Sun 02-04, Sun 02-18.
 * 国庆 2023: off 09-29..10-06, workdays Sat 10-07, Sun 10-08. 国庆 2024: off 10-01..10-07, workdays Sun 09-29, Sat 10-12.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar, type LimitUnit } from './work-calendar.ts';
import { defaultWorkCalendarSpec } from './work-calendar-seed.ts';

const HOUR = 3_600_000;
const cal = new WorkCalendar(defaultWorkCalendarSpec());

/** Beijing wall time 'YYYY-MM-DD HH:MM' → instant (the +08:00 is written here, not derived, to check the module). */
const bj = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const show = (d: Date): string => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const due = (start: string, value: number, unit: LimitUnit): string => show(cal.addLimit(bj(start), value, unit));
const workedHours = (from: string, to: string): number => cal.workingMsBetween(bj(from), bj(to)) / HOUR;

describe('isWorkingDay', () => {
  it.each([
    ['2024-03-12', true, 'ordinary Tuesday'],
    ['2024-03-16', false, 'ordinary Saturday'],
    ['2024-03-17', false, 'ordinary Sunday'],
    ['2024-02-03', false, 'Saturday before 春节 2024'],
    ['2024-02-04', true, '春节 2024 调休 Sunday'],
    ['2024-02-09', true, '除夕 2024 is a normal Friday'],
    ['2024-02-10', false, '春节 2024 first day (Saturday)'],
    ['2024-02-12', false, '春节 2024 Monday'],
    ['2024-02-16', false, '春节 2024 Friday'],
    ['2024-02-17', false, '春节 2024 last day (Saturday)'],
    ['2024-02-18', true, '春节 2024 调休 Sunday'],
    ['2024-02-19', true, 'Monday after 春节 2024'],
    ['2023-09-29', false, '中秋 2023'],
    ['2023-10-06', false, '国庆 2023 last day'],
    ['2023-10-07', true, '国庆 2023 调休 Saturday'],
    ['2023-10-08', true, '国庆 2023 调休 Sunday'],
    ['2024-09-29', true, '国庆 2024 调休 Sunday'],
    ['2024-10-01', false, '国庆 2024'],
    ['2024-10-07', false, '国庆 2024 last day (Monday)'],
    ['2024-10-12', true, '国庆 2024 调休 Saturday'],
    ['2031-10-01', true, 'a year without rows falls back to Monday–Friday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('rejects text that is not a calendar date', () => {
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(/not a calendar date/);
    expect(() => cal.isWorkingDay('2024/02/10')).toThrow(/not a calendar date/);
  });

  it('reports the years that have rows', () => {
    expect(cal.yearsWithData()).toEqual([2023, 2024, 2025, 2026]);
  });
});

describe('addLimit in work_hours', () => {
  it.each([
    ['within one period', '2024-03-11 09:00', 2, '2024-03-11 11:00'],
    ['used up exactly at the period end: 12:00, not 14:00', '2024-03-11 08:00', 4, '2024-03-11 12:00'],
    ['across the lunch break', '2024-03-11 11:00', 2, '2024-03-11 15:00'],
    ['a full working day from 08:00 ends at 18:00', '2024-03-11 08:00', 8, '2024-03-11 18:00'],
    ['across the evening', '2024-03-11 17:00', 2, '2024-03-12 09:00'],
    ['over a weekend', '2024-03-15 16:30', 4, '2024-03-18 10:30'],
    ['filed at night starts at the next period', '2024-03-11 22:00', 1, '2024-03-12 09:00'],
    ['filed before work starts the same morning', '2024-03-11 06:00', 1, '2024-03-11 09:00'],
    ['filed in the lunch break', '2024-03-11 12:30', 1, '2024-03-11 15:00'],
    ['filed exactly at a period end', '2024-03-11 18:00', 1, '2024-03-12 09:00'],
    ['filed on a Saturday', '2024-03-16 10:00', 3, '2024-03-18 11:00'],
    ['春节 2024: Friday before, then the 调休 Sunday 02-18', '2024-02-09 16:00', 4, '2024-02-18 10:00'],
    ['春节 2024: Saturday, then the 调休 Sunday 02-04', '2024-02-03 10:00', 2, '2024-02-04 10:00'],
    ['春节 2024: filed during the holiday', '2024-02-12 09:00', 3, '2024-02-18 11:00'],
    ['春节 2024: three days across it', '2024-02-08 10:00', 24, '2024-02-19 10:00'],
    ['国庆 2023: resumes on the 调休 Saturday 10-07', '2023-09-28 17:00', 4, '2023-10-07 11:00'],
    ['国庆 2024: the 调休 Sunday 09-29 counts', '2024-09-27 15:00', 8, '2024-09-29 15:00'],
    ['国庆 2024: resumes on Tuesday 10-08', '2024-09-30 14:00', 8, '2024-10-08 12:00'],
    ['国庆 2024: filed during the holiday', '2024-10-03 10:00', 4, '2024-10-08 12:00'],
    ['fractional: 0.25 h across lunch', '2024-03-11 11:50', 0.25, '2024-03-11 14:05'],
    ['fractional: 1.5 h across the night', '2024-03-11 17:00', 1.5, '2024-03-12 08:30'],
  ])('%s', (_name, start, hours, expected) => {
    expect(due(start, hours, 'work_hours')).toBe(expected);
  });
});

describe('addLimit in work_days (N × 8 working hours)', () => {
  it.each([
    ['filed 10:00 on a workday: same time next working day', '2024-03-11 10:00', 1, '2024-03-12 10:00'],
    ['filed at the start of the day: due that evening', '2024-03-11 08:00', 1, '2024-03-11 18:00'],
    ['filed after hours: counts from the next period start', '2024-03-11 20:00', 1, '2024-03-12 18:00'],
    ['filed on a Saturday', '2024-03-16 09:00', 1, '2024-03-18 18:00'],
    ['Friday to Monday', '2024-03-15 10:00', 1, '2024-03-18 10:00'],
    ['half a day', '2024-03-11 10:00', 0.5, '2024-03-11 16:00'],
    ['春节 2024: Friday before → the 调休 Sunday after', '2024-02-09 10:00', 1, '2024-02-18 10:00'],
    ['春节 2024: two days from Thursday', '2024-02-08 10:00', 2, '2024-02-18 10:00'],
    ['春节 2024: filed in the holiday', '2024-02-14 15:00', 2, '2024-02-19 18:00'],
    ['国庆 2024: five days reach the 调休 Sunday', '2024-09-23 09:00', 5, '2024-09-29 09:00'],
    ['国庆 2024: 15 days (工程性) skip the holiday and use 10-12', '2024-09-23 09:00', 15, '2024-10-17 09:00'],
    ['国庆 2023: 2 days from Thursday use 调休 10-07 and 10-08', '2023-09-28 10:00', 2, '2023-10-08 10:00'],
  ])('%s', (_name, start, days, expected) => {
    expect(due(start, days, 'work_days')).toBe(expected);
  });
});

describe('addLimit in emergency_hours and calendar_days (continuous time)', () => {
  it.each([
    ['emergency through a night', '2024-03-11 23:00', 2, 'emergency_hours', '2024-03-12 01:00'],
    ['emergency through a weekend', '2024-03-15 17:30', 48, 'emergency_hours', '2024-03-17 17:30'],
    ['emergency into 春节', '2024-02-09 22:00', 24, 'emergency_hours', '2024-02-10 22:00'],
    ['emergency inside 国庆, fractional', '2024-10-01 03:00', 1.5, 'emergency_hours', '2024-10-01 04:30'],
    ['calendar days through 春节', '2024-02-09 10:00', 3, 'calendar_days', '2024-02-12 10:00'],
    ['calendar days over 29 February', '2024-02-28 12:00', 2, 'calendar_days', '2024-03-01 12:00'],
    ['half a calendar day', '2024-03-16 20:00', 0.5, 'calendar_days', '2024-03-17 08:00'],
  ] as const)('%s', (_name, start, value, unit, expected) => {
    expect(due(start, value, unit)).toBe(expected);
  });
});

describe('zero limits are due at once', () => {
  it.each(['emergency_hours', 'work_hours', 'work_days', 'calendar_days'] as const)('%s', (unit) => {
    expect(due('2024-02-12 23:15', 0, unit)).toBe('2024-02-12 23:15');
    expect(due('2024-03-11 10:00', 0, unit)).toBe('2024-03-11 10:00');
  });
});

describe('workingMsBetween', () => {
  it.each([
    ['inside one period', '2024-03-11 09:00', '2024-03-11 11:30', 2.5],
    ['across the lunch break', '2024-03-11 11:00', '2024-03-11 15:00', 2],
    ['both in the lunch break', '2024-03-11 12:10', '2024-03-11 13:50', 0],
    ['both at night, consecutive days', '2024-03-11 20:00', '2024-03-12 07:00', 0],
    ['Friday night to Monday morning', '2024-03-15 20:00', '2024-03-18 07:00', 0],
    ['night to night with a working day between', '2024-03-11 20:00', '2024-03-13 07:00', 8],
    ['a whole week', '2024-03-11 00:00', '2024-03-18 00:00', 40],
    ['春节 2024 from Friday 17:00 to Monday 09:00', '2024-02-09 17:00', '2024-02-19 09:00', 10],
    ['inside 春节 2024 only', '2024-02-10 00:00', '2024-02-17 23:59', 0],
    ['from a holiday into the first day back', '2024-10-06 12:00', '2024-10-08 10:00', 2],
    ['国庆 2023 block including its 调休 weekend', '2023-09-28 00:00', '2023-10-09 00:00', 24],
    ['same instant', '2024-03-11 10:00', '2024-03-11 10:00', 0],
    ['reversed interval is negative', '2024-03-11 15:00', '2024-03-11 11:00', -2],
  ])('%s', (_name, from, to, hours) => {
    expect(workedHours(from, to)).toBe(hours);
  });
});

describe('elapsed and limitMs (for % of limit)', () => {
  it('measures each unit on its own clock', () => {
    const from = bj('2024-03-15 17:00');
    const to = bj('2024-03-18 09:00');
    expect(cal.elapsed(from, to, 'emergency_hours')).toBe(64 * HOUR);
    expect(cal.elapsed(from, to, 'calendar_days')).toBe(64 * HOUR);
    expect(cal.elapsed(from, to, 'work_hours')).toBe(2 * HOUR);
    expect(cal.elapsed(from, to, 'work_days')).toBe(2 * HOUR);
  });

  it('gives each limit in the same measure', () => {
    expect(cal.limitMs(2, 'emergency_hours')).toBe(2 * HOUR);
    expect(cal.limitMs(4, 'work_hours')).toBe(4 * HOUR);
    expect(cal.limitMs(1, 'work_days')).toBe(8 * HOUR);
    expect(cal.limitMs(1.5, 'work_days')).toBe(12 * HOUR);
    expect(cal.limitMs(1, 'calendar_days')).toBe(24 * HOUR);
    expect(cal.limitMs(1 / 3, 'work_hours')).toBe(1_200_000);
    expect(cal.workingDayMs).toBe(8 * HOUR);
  });

  it('supports SLA colours: half of a 1 work-day limit used by 16:00', () => {
    const start = bj('2024-03-11 10:00');
    const used = cal.elapsed(start, bj('2024-03-11 16:00'), 'work_days') / cal.limitMs(1, 'work_days');
    expect(used).toBe(0.5);
  });

  it('takes the working-day length from the configured periods', () => {
    const spec = defaultWorkCalendarSpec();
    const periods = [
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '17:30' },
    ];
    const summer = new WorkCalendar({ ...spec, periods });
    expect(summer.limitMs(1, 'work_days')).toBe(6.5 * HOUR);
    expect(show(summer.addLimit(bj('2024-03-11 10:00'), 1, 'work_days'))).toBe('2024-03-12 10:00');
    expect(show(summer.addLimit(bj('2024-03-11 11:00'), 2, 'work_hours'))).toBe('2024-03-11 15:30');
  });
});
