/** Invalid input is rejected with clear messages; the business time zone decides local days and times. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORK_PERIODS,
  WorkCalendar,
  WorkCalendarError,
  validatePeriods,
  validateSpec,
  type LimitUnit,
  type WorkCalendarSpec,
} from './work-calendar.ts';
import { defaultWorkCalendarSpec } from './work-calendar-seed.ts';

const HOUR = 3_600_000;
const cal = new WorkCalendar(defaultWorkCalendarSpec());
const monday10 = new Date('2024-03-11T10:00:00+08:00');

describe('validatePeriods', () => {
  it('accepts the default periods, any order, and adjacent periods', () => {
    expect(DEFAULT_WORK_PERIODS).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(validatePeriods(DEFAULT_WORK_PERIODS)).toEqual([]);
    expect(
      validatePeriods([
        { start: '14:00', end: '18:00' },
        { start: '08:00', end: '12:00' },
      ]),
    ).toEqual([]);
    expect(
      validatePeriods([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '14:00' },
      ]),
    ).toEqual([]);
    expect(validatePeriods([{ start: '00:00', end: '24:00' }])).toEqual([]);
  });

  it('requires at least one period', () => {
    expect(validatePeriods([])).toEqual(['periods: at least one working period is required']);
  });

  it('rejects bad formats', () => {
    expect(validatePeriods([{ start: '8:00', end: '12:00' }])).toEqual([
      'periods[0].start "8:00" is not a time in HH:MM format (00:00–23:59)',
    ]);
    expect(validatePeriods([{ start: '08:00', end: '24:30' }])).toEqual([
      'periods[0].end "24:30" is not a time in HH:MM format (00:01–24:00)',
    ]);
    expect(validatePeriods([{ start: '24:00', end: '12:60' }])).toHaveLength(2);
    expect(validatePeriods([{ start: '08:00:00', end: 'noon' }])).toHaveLength(2);
  });

  it('rejects an end that is not after its start', () => {
    expect(validatePeriods([{ start: '18:00', end: '08:00' }])).toEqual([
      'periods[0]: end 08:00 must be after start 18:00 (a working period cannot be empty or run past midnight)',
    ]);
    expect(validatePeriods([{ start: '09:00', end: '09:00' }])).toHaveLength(1);
  });

  it('rejects overlapping periods, naming both', () => {
    expect(
      validatePeriods([
        { start: '08:00', end: '12:00' },
        { start: '11:30', end: '18:00' },
      ]),
    ).toEqual(['periods[0] (08:00–12:00) and periods[1] (11:30–18:00) overlap']);
    // A long period overlapping a later, non-adjacent one is still found.
    const issues = validatePeriods([
      { start: '13:00', end: '14:00' },
      { start: '08:00', end: '18:00' },
      { start: '09:00', end: '10:00' },
    ]);
    expect(issues).toEqual([
      'periods[1] (08:00–18:00) and periods[2] (09:00–10:00) overlap',
      'periods[0] (13:00–14:00) and periods[1] (08:00–18:00) overlap',
    ]);
  });
});

describe('validateSpec and the constructor', () => {
  const good = defaultWorkCalendarSpec();

  it('accepts the default spec', () => {
    expect(validateSpec(good)).toEqual([]);
  });

  it('rejects bad day rows', () => {
    const spec = {
      ...good,
      days: [
        { date: '2024-02-30', kind: 'holiday' },
        { date: '2024-10-01', kind: 'vacation' },
        { date: '2024-10-02', kind: 'holiday' },
        { date: '2024-10-02', kind: 'workday' },
      ],
    } as unknown as WorkCalendarSpec;
    expect(validateSpec(spec)).toEqual([
      'days[0].date "2024-02-30" is not a calendar date (YYYY-MM-DD)',
      'days[1].kind "vacation" must be "holiday" or "workday"',
      'days[3].date 2024-10-02 is already listed as days[2]',
    ]);
  });

  it('throws a WorkCalendarError carrying every issue', () => {
    const spec = { ...good, timeZone: 'Mars/Olympus', periods: [{ start: '18:00', end: '08:00' }] };
    let caught: unknown;
    try {
      new WorkCalendar(spec);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WorkCalendarError);
    expect((caught as WorkCalendarError).issues).toEqual([
      'timeZone "Mars/Olympus" is not a known IANA time zone',
      'periods[0]: end 08:00 must be after start 18:00 (a working period cannot be empty or run past midnight)',
    ]);
    expect((caught as Error).message).toMatch(/^invalid work calendar: timeZone "Mars\/Olympus"/);
  });

  it('refuses zones whose offset changes (daylight saving time)', () => {
    expect(validateSpec({ ...good, timeZone: 'Europe/Berlin' })).toEqual([
      expect.stringMatching(/^timeZone "Europe\/Berlin" does not keep a fixed UTC offset/),
    ]);
    expect(validateSpec({ ...good, timeZone: '' })).toEqual(['timeZone is required']);
  });
});

describe('invalid limits and instants', () => {
  it.each([-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY])('rejects the limit %s', (value) => {
    expect(() => cal.addLimit(monday10, value, 'work_hours')).toThrow(/limit must be a finite number >= 0/);
    expect(() => cal.limitMs(value, 'calendar_days')).toThrow(RangeError);
  });

  it('rejects an unknown unit', () => {
    const unit = 'weeks' as unknown as LimitUnit;
    expect(() => cal.addLimit(monday10, 1, unit)).toThrow(/unknown limit unit "weeks"/);
    expect(() => cal.elapsed(monday10, monday10, unit)).toThrow(/unknown limit unit/);
  });

  it('rejects invalid dates', () => {
    expect(() => cal.addLimit(new Date(Number.NaN), 1, 'work_hours')).toThrow('start must be a valid Date');
    expect(() => cal.workingMsBetween(monday10, new Date('nope'))).toThrow('to must be a valid Date');
  });

  it('rejects a deadline beyond the Date range', () => {
    expect(() => cal.addLimit(monday10, 1e12, 'calendar_days')).toThrow(/beyond the representable date range/);
    expect(() => cal.addLimit(monday10, 1e12, 'work_days')).toThrow(/beyond the representable date range/);
  });
});

describe('time zones', () => {
  const spec = (timeZone: string): WorkCalendarSpec => ({ timeZone, periods: DEFAULT_WORK_PERIODS, days: [] });

  it('maps an instant to the business-local day', () => {
    const instant = new Date('2024-03-10T16:30:00Z');
    expect(cal.localDate(instant)).toBe('2024-03-11');
    expect(new WorkCalendar(spec('UTC')).localDate(instant)).toBe('2024-03-10');
    expect(cal.localDate(new Date('2024-03-10T15:59:59.999Z'))).toBe('2024-03-10');
  });

  it('places working periods in local time', () => {
    // 2024-03-11T00:30Z is 08:30 Monday in Shanghai, 09:30 in Tokyo (3 h: 2.5 h to 12:00, then 14:00–14:30 =
    // 05:30Z), 00:30 in UTC (before work: 08:00–09:00Z).
    const t = new Date('2024-03-11T00:30:00Z');
    expect(cal.addLimit(t, 1, 'work_hours').toISOString()).toBe('2024-03-11T01:30:00.000Z');
    expect(new WorkCalendar(spec('Asia/Tokyo')).addLimit(t, 3, 'work_hours').toISOString()).toBe(
      '2024-03-11T05:30:00.000Z',
    );
    expect(new WorkCalendar(spec('UTC')).addLimit(t, 1, 'work_hours').toISOString()).toBe('2024-03-11T09:00:00.000Z');
  });

  it('works for other fixed-offset zones used in China', () => {
    const urumqi = new WorkCalendar(spec('Asia/Urumqi'));
    // Urumqi is UTC+6: 08:00 local is 02:00Z.
    expect(urumqi.addLimit(new Date('2024-03-11T00:00:00Z'), 1, 'work_hours').toISOString()).toBe(
      '2024-03-11T03:00:00.000Z',
    );
    expect(urumqi.workingMsBetween(new Date('2024-03-11T00:00:00Z'), new Date('2024-03-12T00:00:00Z'))).toBe(8 * HOUR);
  });
});
