/**
 * The generated seed data against the chinese-days package it was generated from: the committed file is current,
 * every day of the seeded years agrees with the package, and the well-known arrangements are there.
 */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { buildHolidayRows, installedChineseDaysVersion, PROBE_TO_YEAR } from '../../scripts/gen-holidays.ts';
import { HOLIDAY_SEED_ROWS } from './holidays-data.ts';
import { WorkCalendar } from './work-calendar.ts';
import {
  HOLIDAY_SEED_SOURCE,
  HOLIDAY_SEED_YEARS,
  defaultWorkCalendarSpec,
  holidaySeedRows,
  seedYearsMissing,
} from './work-calendar-seed.ts';

const DAY = 86_400_000;

describe('generated holidays-data.ts', () => {
  it('is current with the installed package (rerun scripts/gen-holidays.ts when this fails)', () => {
    const { years, rows } = buildHolidayRows(chineseDays.getDayDetail, HOLIDAY_SEED_YEARS[0] ?? 0, PROBE_TO_YEAR);
    expect(HOLIDAY_SEED_SOURCE.version).toBe(installedChineseDaysVersion());
    expect(years).toEqual(HOLIDAY_SEED_YEARS);
    expect(rows).toEqual(HOLIDAY_SEED_ROWS);
  });

  it('covers at least 2023–2026', () => {
    expect(HOLIDAY_SEED_YEARS).toEqual(expect.arrayContaining([2023, 2024, 2025, 2026]));
    expect(seedYearsMissing(2023, 2026)).toEqual([]);
  });

  it('agrees with chinese-days on every day of every seeded year', () => {
    const cal = new WorkCalendar(defaultWorkCalendarSpec());
    const first = Math.min(...HOLIDAY_SEED_YEARS);
    const last = Math.max(...HOLIDAY_SEED_YEARS);
    let checked = 0;
    for (let ms = Date.UTC(first, 0, 1); ms < Date.UTC(last + 1, 0, 1); ms += DAY) {
      const date = new Date(ms).toISOString().slice(0, 10);
      expect(cal.isWorkingDay(date), date).toBe(chineseDays.isWorkday(date));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4 * 365);
  });

  it('holds 春节 2024 as announced: off 02-10..02-17, 调休 Sundays 02-04 and 02-18', () => {
    const feb = holidaySeedRows(2024, 2024).filter((r) => r.date.startsWith('2024-02'));
    expect(feb).toEqual([
      { date: '2024-02-04', kind: 'workday', name: '春节' },
      ...['10', '11', '12', '13', '14', '15', '16', '17'].map((d) => ({
        date: `2024-02-${d}`,
        kind: 'holiday',
        name: '春节',
      })),
      { date: '2024-02-18', kind: 'workday', name: '春节' },
    ]);
  });

  it('holds 国庆 2023 and 2024 with their 调休 days', () => {
    const rows = holidaySeedRows(2023, 2024);
    const kindOf = (date: string): string | undefined => rows.find((r) => r.date === date)?.kind;
    for (const d of ['2023-09-29', '2023-09-30', '2023-10-01', '2023-10-06', '2024-10-01', '2024-10-07']) {
      expect(kindOf(d), d).toBe('holiday');
    }
    for (const d of ['2023-10-07', '2023-10-08', '2024-09-29', '2024-10-12']) expect(kindOf(d), d).toBe('workday');
  });

  it('has one row per date, sorted, workdays only on weekends', () => {
    const dates = HOLIDAY_SEED_ROWS.map((r) => r.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const r of HOLIDAY_SEED_ROWS.filter((x) => x.kind === 'workday')) {
      expect([0, 6], r.date).toContain(new Date(`${r.date}T00:00:00Z`).getUTCDay());
    }
    expect(HOLIDAY_SEED_ROWS.every((r) => r.name.length > 0)).toBe(true);
  });
});

describe('holidaySeedRows', () => {
  it('returns the rows of the requested years only, as fresh objects', () => {
    const rows = holidaySeedRows(2024, 2024);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.date.startsWith('2024-'))).toBe(true);
    rows[0]!.name = 'changed';
    expect(holidaySeedRows(2024, 2024)[0]!.name).not.toBe('changed');
  });

  it('returns nothing for years without data, and says which are missing', () => {
    expect(holidaySeedRows(1999, 2000)).toEqual([]);
    expect(seedYearsMissing(2025, 2032).filter((y) => y <= 2026)).toEqual([]);
    expect(seedYearsMissing(2031, 2032)).toEqual([2031, 2032]);
  });

  it('builds a calendar from rows alone (as the DB would), without the package', () => {
    const cal = new WorkCalendar({
      timeZone: 'Asia/Shanghai',
      periods: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
      days: holidaySeedRows(2024, 2024).map(({ date, kind }) => ({ date, kind })),
    });
    expect(cal.isWorkingDay('2024-02-18')).toBe(true);
    expect(cal.isWorkingDay('2024-02-12')).toBe(false);
    expect(cal.yearsWithData()).toEqual([2024]);
  });

  it('lets an admin edit a year: an extra local holiday stops the clock that day', () => {
    const spec = defaultWorkCalendarSpec();
    const localHoliday = { date: '2024-03-12', kind: 'holiday' as const, name: '本地' };
    const edited = new WorkCalendar({ ...spec, days: [...spec.days, localHoliday] });
    const start = new Date('2024-03-11T17:00:00+08:00');
    const due = edited.addLimit(start, 2, 'work_hours');
    expect(due.toISOString()).toBe(new Date('2024-03-13T09:00:00+08:00').toISOString());
  });
});
