import { describe, expect, it } from 'vitest';
import {
  attendance,
  coverage,
  implausibleFlags,
  summarise,
  zonedInstant,
  DEFAULT_MONITOR_SETTINGS,
} from './monitor.ts';

const shift = { day: '2024-03-12', starts: '08:30', ends: '17:30' };
const bj = (hhmm: string) => `2024-03-12T${hhmm}:00.000+08:00`;
const iso = (hhmm: string) => new Date(bj(hhmm)).toISOString();
const base = { shift, timeZone: 'Asia/Shanghai', settings: DEFAULT_MONITOR_SETTINGS, assigned: ['A', 'B'] };
const day = (first: string, grids: (string | null)[]) =>
  summarise(grids.map((g, i) => ({ at: new Date(Date.parse(iso(first)) + i * 60_000).toISOString(), gridCode: g })));

describe('attendance of one inspector-day', () => {
  const now = new Date(iso('12:00'));
  it('is on time within the grace period, late after it', () => {
    expect(attendance({ ...base, now, day: day('08:44', ['A', 'B']) }).status).toBe('on_time');
    expect(attendance({ ...base, now, day: day('08:46', ['A', 'B']) })).toMatchObject({ status: 'late', late: true });
  });
  it('is absent without positions once the grace period is over, pending before', () => {
    expect(attendance({ ...base, now, day: day('08:00', []) }).status).toBe('absent');
    expect(attendance({ ...base, now: new Date(iso('08:40')), day: day('08:00', []) }).status).toBe('pending');
  });
  it('is out of area when most positions lie outside the assigned grids, even when late', () => {
    const r = attendance({ ...base, now, day: day('09:00', ['C', 'C', null, 'A']) });
    expect(r).toMatchObject({ status: 'out_of_area', late: true, outOfArea: true, outsideShare: 0.75 });
    expect(attendance({ ...base, now, day: day('08:40', ['C', 'A']) }).status).toBe('on_time');
  });
  it('is off without a shift', () => {
    expect(attendance({ ...base, shift: null, now, day: day('09:00', ['A']) }).status).toBe('off');
  });
});

describe('track rules', () => {
  it('marks a jump at an impossible speed and measures the next point from the last plausible one', () => {
    const p = (t: string, lng: number) => ({ at: iso(t), lng, lat: 30.1 });
    // 0.001° of longitude ≈ 96 m: a minute apart is walking; 0.05° (≈ 4.8 km) in one minute is not
    expect(
      implausibleFlags(null, [p('09:00', 115), p('09:01', 115.001), p('09:02', 115.05), p('09:03', 115.002)], 120),
    ).toEqual([false, false, true, false]);
  });
  it('computes coverage as the share of assigned grids visited', () => {
    expect(coverage(['A', 'B', 'C', 'D'], ['A', 'C', 'X'])).toBe(0.5);
    expect(coverage([], ['A'])).toBeNull();
  });
  it('turns a local time of the city into the instant', () => {
    expect(zonedInstant('2024-03-12', '08:30', 'Asia/Shanghai').toISOString()).toBe('2024-03-12T00:30:00.000Z');
    expect(zonedInstant('2024-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-07-01T07:00:00.000Z');
  });
});
