/**
 * Working periods (工作时段) of a working day, as local wall-clock times.
 * The default follows the Yuncheng deployment (docs/standards.md, "Time limits"): 08:00–12:00 and 14:00–18:00,
 * i.e. 8 working hours a day. Bureaus with a summer timetable edit the periods (business settings are data).
 */
import { MINUTE_MS } from './work-calendar-time.ts';

export interface WorkPeriod {
  /** 'HH:MM', 00:00–23:59 */
  start: string;
  /** 'HH:MM', 00:01–24:00; after start: a period never runs past midnight (night work is emergency_hours) */
  end: string;
}

export const DEFAULT_WORK_PERIODS: readonly WorkPeriod[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '12:00' }),
  Object.freeze({ start: '14:00', end: '18:00' }),
]);

/** Periods compiled to ms after local midnight, sorted, with the working ms accumulated before each period. */
export interface CompiledPeriods {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly before: readonly number[];
  /** working ms in one working day (8 h by default): the length of one work_day */
  readonly dayMs: number;
}

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of an 'HH:MM' text; '24:00' only where allowed (a period's end). */
function parseMinute(text: unknown, allowMidnightEnd: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = HHMM.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (allowMidnightEnd && h === 24 && min === 0) return 24 * 60;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/**
 * Error messages for a list of working periods; empty when valid. Periods may be given in any order;
 * adjacent periods (12:00–14:00 after 08:00–12:00) are allowed, overlapping ones are not.
 */
export function validatePeriods(periods: readonly WorkPeriod[]): string[] {
  if (!Array.isArray(periods)) return ['periods must be a list of { start, end } working periods'];
  if (periods.length === 0) return ['periods: at least one working period is required'];
  const issues: string[] = [];
  const valid: { index: number; start: number; end: number }[] = [];
  periods.forEach((p: WorkPeriod | undefined, i) => {
    const start = parseMinute(p?.start, false);
    const end = parseMinute(p?.end, true);
    if (start === undefined) {
      issues.push(`periods[${i}].start "${String(p?.start)}" is not a time in HH:MM format (00:00–23:59)`);
    }
    if (end === undefined) {
      issues.push(`periods[${i}].end "${String(p?.end)}" is not a time in HH:MM format (00:01–24:00)`);
    }
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      issues.push(
        `periods[${i}]: end ${String(p?.end)} must be after start ${String(p?.start)} ` +
          '(a working period cannot be empty or run past midnight)',
      );
      return;
    }
    valid.push({ index: i, start, end });
  });
  valid.sort((a, b) => a.start - b.start || a.end - b.end);
  let reach: (typeof valid)[number] | undefined;
  for (const p of valid) {
    if (reach && p.start < reach.end) {
      const [a, b] = reach.index < p.index ? [reach, p] : [p, reach];
      issues.push(`periods[${a.index}] (${show(a)}) and periods[${b.index}] (${show(b)}) overlap`);
    }
    if (!reach || p.end > reach.end) reach = p;
  }
  return issues;
}

function show(p: { start: number; end: number }): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const hhmm = (m: number): string => `${two(Math.floor(m / 60))}:${two(m % 60)}`;
  return `${hhmm(p.start)}–${hhmm(p.end)}`;
}

/** Compiles periods that passed validatePeriods. */
export function compilePeriods(periods: readonly WorkPeriod[]): CompiledPeriods {
  const list = periods
    .map((p) => ({ start: parseMinute(p.start, false) as number, end: parseMinute(p.end, true) as number }))
    .sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  let acc = 0;
  for (const p of list) {
    starts.push(p.start * MINUTE_MS);
    ends.push(p.end * MINUTE_MS);
    before.push(acc);
    acc += (p.end - p.start) * MINUTE_MS;
  }
  return { starts, ends, before, dayMs: acc };
}

/** Working ms between local midnight and msOfDay on a working day. */
export function workedBefore(c: CompiledPeriods, msOfDay: number): number {
  let worked = 0;
  for (let i = 0; i < c.starts.length; i++) {
    const s = c.starts[i] as number;
    if (msOfDay <= s) break;
    worked += Math.min(msOfDay, c.ends[i] as number) - s;
  }
  return worked;
}

/**
 * The earliest ms-of-day at which `worked` working ms (0 < worked <= dayMs) have elapsed since midnight:
 * a total reached exactly at a period's end is due at that end (12:00), not at the next start (14:00).
 */
export function msOfDayAfterWorked(c: CompiledPeriods, worked: number): number {
  for (let i = 0; i < c.starts.length; i++) {
    const s = c.starts[i] as number;
    const e = c.ends[i] as number;
    const before = c.before[i] as number;
    if (worked <= before + (e - s)) return s + (worked - before);
  }
  return c.ends[c.ends.length - 1] as number;
}
