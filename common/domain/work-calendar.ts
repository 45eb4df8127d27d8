/**
 * The work calendar (工作日历): which local days are working days (weekends, 法定节假日, 调休 workdays), the
 * working periods of a working day, and the two pure computations every time limit needs: the deadline of a
 * limit, and the time elapsed against it. Constructed from admin-editable rows (seeded from chinese-days, see
 * work-calendar-seed.ts), never from the package itself.
 *
 * Limit units (docs/glossary.md `handlingLimit`; docs/standards.md, "Time limits", counting rules of the Yuncheng standard):
 * - emergency_hours (紧急工作时): calendar time, runs through nights, weekends and holidays.
 * - work_hours (工作时, tables write「X小时」): only inside working periods of working days.
 * - work_days (工作日, tables write「X天」): working days without weekends and holidays, counted in working time:
 *   N work days = N × the working time of one working day (8 h by default). A case filed Monday 10:00 with 1 work
 *   day is due Tuesday 10:00; one filed outside working time starts counting at the next period start (filed
 *   Monday 20:00 → due Tuesday 18:00). This keeps work_days and work_hours on one clock, so % of limit (SLA colours,
 *   80 % / 100 %) and suspension are the same arithmetic for both.
 * - calendar_days (自然日; also the 紧急工作日 of local standard tables, which runs continuously): N × 24 h.
 * A deadline is the earliest instant at which the limit is used up: 4 work hours from 08:00 are due at 12:00, not
 * 14:00. A zero limit is due at once. Days not covered by any row fall back to Monday–Friday working.
 */
import {
  compilePeriods,
  msOfDayAfterWorked,
  validatePeriods,
  workedBefore,
  type CompiledPeriods,
  type WorkPeriod,
} from './work-calendar-periods.ts';
import {
  DAY_MS,
  HOUR_MS,
  countInRange,
  countWeekdays,
  formatDay,
  isWeekend,
  parseDay,
  resolveFixedOffset,
} from './work-calendar-time.ts';

export { DEFAULT_WORK_PERIODS, validatePeriods, type WorkPeriod } from './work-calendar-periods.ts';

export const LIMIT_UNITS = ['emergency_hours', 'work_hours', 'work_days', 'calendar_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface CalendarDay {
  /** local calendar date 'YYYY-MM-DD' */
  date: string;
  /** holiday: not worked even on a weekday; workday: worked even on a weekend (调休上班) */
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface WorkCalendarSpec {
  /** IANA zone with a fixed offset; decides which local day and time an instant falls in */
  timeZone: string;
  periods: readonly WorkPeriod[];
  days: readonly CalendarDay[];
}

/** A spec that fails validation; `issues` are the same messages validateSpec returns. */
export class WorkCalendarError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid work calendar: ${issues.join('; ')}`);
    this.name = 'WorkCalendarError';
  }
}

/** Error messages for a calendar spec (time zone, periods, day rows); empty when valid. */
export function validateSpec(spec: WorkCalendarSpec): string[] {
  const issues: string[] = [];
  const zone = resolveFixedOffset(spec.timeZone);
  if ('error' in zone) issues.push(zone.error);
  issues.push(...validatePeriods(spec.periods));
  if (!Array.isArray(spec.days)) return [...issues, 'days must be a list of { date, kind, name? } rows'];
  const seen = new Map<string, number>();
  spec.days.forEach((row: CalendarDay | undefined, i) => {
    if (parseDay(row?.date as string) === undefined) {
      issues.push(`days[${i}].date "${String(row?.date)}" is not a calendar date (YYYY-MM-DD)`);
    } else {
      const first = seen.get(row?.date as string);
      if (first !== undefined) issues.push(`days[${i}].date ${String(row?.date)} is already listed as days[${first}]`);
      else seen.set(row?.date as string, i);
    }
    if (row?.kind !== 'holiday' && row?.kind !== 'workday') {
      issues.push(`days[${i}].kind "${String(row?.kind)}" must be "holiday" or "workday"`);
    }
  });
  return issues;
}

export class WorkCalendar {
  readonly timeZone: string;
  /** working time of one working day in ms: the length of one work_day */
  readonly workingDayMs: number;
  private readonly offsetMs: number;
  private readonly periods: CompiledPeriods;
  /** day number → working? for every row; other days follow Monday–Friday */
  private readonly overrides = new Map<number, boolean>();
  /** weekend days made working, and weekdays made non-working, sorted: the only rows that change a count */
  private readonly weekendWorkdays: number[] = [];
  private readonly weekdayHolidays: number[] = [];
  private readonly years: number[];

  constructor(spec: WorkCalendarSpec) {
    const issues = validateSpec(spec);
    if (issues.length > 0) throw new WorkCalendarError(issues);
    this.timeZone = spec.timeZone;
    this.offsetMs = (resolveFixedOffset(spec.timeZone) as { offsetMs: number }).offsetMs;
    this.periods = compilePeriods(spec.periods);
    this.workingDayMs = this.periods.dayMs;
    const years = new Set<number>();
    for (const row of spec.days) {
      const day = parseDay(row.date) as number;
      const working = row.kind === 'workday';
      this.overrides.set(day, working);
      years.add(Number(row.date.slice(0, 4)));
      if (working && isWeekend(day)) this.weekendWorkdays.push(day);
      if (!working && !isWeekend(day)) this.weekdayHolidays.push(day);
    }
    this.weekendWorkdays.sort((a, b) => a - b);
    this.weekdayHolidays.sort((a, b) => a - b);
    this.years = [...years].sort((a, b) => a - b);
  }

  /** Years with at least one holiday/workday row: a year missing here is weekends-only and wants admin rows. */
  yearsWithData(): number[] {
    return [...this.years];
  }

  isWorkingDay(date: string): boolean {
    const day = parseDay(date);
    if (day === undefined) throw new RangeError(`date "${date}" is not a calendar date (YYYY-MM-DD)`);
    return this.isWorking(day);
  }

  /** The local calendar date ('YYYY-MM-DD') an instant falls on in the business time zone. */
  localDate(at: Date): string {
    return formatDay(Math.floor((instantMs(at, 'at') + this.offsetMs) / DAY_MS));
  }

  /** The limit in its unit's measure, in ms: calendar time for emergency_hours/calendar_days, else working time. */
  limitMs(value: number, unit: LimitUnit): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`limit must be a finite number >= 0, got ${String(value)}`);
    }
    return Math.round(value * this.unitMs(unit));
  }

  /** The deadline of a limit that starts at `start`. */
  addLimit(start: Date, value: number, unit: LimitUnit): Date {
    const t0 = instantMs(start, 'start');
    const limit = this.limitMs(value, unit);
    const due = isCalendarTime(unit) ? t0 + limit : this.addWorkingMs(t0, limit);
    return toDate(due);
  }

  /** Working time between two instants (negative when `to` is before `from`). */
  workingMsBetween(from: Date, to: Date): number {
    const a = instantMs(from, 'from');
    const b = instantMs(to, 'to');
    if (b >= a) return this.workingBetween(a, b);
    const back = this.workingBetween(b, a);
    return back === 0 ? 0 : -back; // never -0: callers compare and serialise it
  }

  /** Time elapsed between two instants in the unit's measure (ms), comparable with limitMs for % of limit. */
  elapsed(from: Date, to: Date, unit: LimitUnit): number {
    this.unitMs(unit);
    if (isCalendarTime(unit)) return instantMs(to, 'to') - instantMs(from, 'from');
    return this.workingMsBetween(from, to);
  }

  private unitMs(unit: LimitUnit): number {
    switch (unit) {
      case 'emergency_hours':
      case 'work_hours':
        return HOUR_MS;
      case 'work_days':
        return this.workingDayMs;
      case 'calendar_days':
        return DAY_MS;
      default:
        throw new RangeError(`unknown limit unit "${String(unit)}" (expected one of ${LIMIT_UNITS.join(', ')})`);
    }
  }

  private isWorking(day: number): boolean {
    return this.overrides.get(day) ?? !isWeekend(day);
  }

  /** Working days d with a <= d < b, in O(log rows). */
  private countWorking(a: number, b: number): number {
    return countWeekdays(a, b) + countInRange(this.weekendWorkdays, a, b) - countInRange(this.weekdayHolidays, a, b);
  }

  /** The working day d >= from with exactly `skip` working days in [from, d). */
  private findWorkingDay(from: number, skip: number): number {
    let day = from;
    let left = skip;
    // Jump whole weeks while they cannot overshoot (a week holds at most 5 weekdays plus its 调休 workdays).
    let weeks = Math.floor(left / 5) - 1;
    while (weeks >= 1) {
      const count = this.countWorking(day, day + weeks * 7);
      if (count <= left) {
        day += weeks * 7;
        left -= count;
        weeks = Math.floor(left / 5) - 1;
      } else {
        weeks = Math.floor(weeks / 2);
      }
    }
    for (; ; day++) {
      if (this.isWorking(day)) {
        if (left === 0) return day;
        left--;
      }
    }
  }

  private split(t: number): { day: number; msOfDay: number } {
    const local = t + this.offsetMs;
    const day = Math.floor(local / DAY_MS);
    return { day, msOfDay: local - day * DAY_MS };
  }

  private instantAt(day: number, worked: number): number {
    return day * DAY_MS + msOfDayAfterWorked(this.periods, worked) - this.offsetMs;
  }

  private addWorkingMs(t0: number, limit: number): number {
    if (limit === 0) return t0;
    const { day, msOfDay } = this.split(t0);
    const dayMs = this.workingDayMs;
    const workedToday = this.isWorking(day) ? workedBefore(this.periods, msOfDay) : dayMs;
    if (limit <= dayMs - workedToday) return this.instantAt(day, workedToday + limit);
    const rest = limit - (dayMs - workedToday);
    // rest = skip full working days + a remainder in (0, dayMs]: a total that ends a day is due at that day's end.
    const skip = Math.ceil(rest / dayMs) - 1;
    const target = this.findWorkingDay(day + 1, skip);
    return this.instantAt(target, rest - skip * dayMs);
  }

  private workingBetween(a: number, b: number): number {
    const from = this.split(a);
    const to = this.split(b);
    const dayMs = this.workingDayMs;
    if (from.day === to.day) {
      return this.isWorking(from.day)
        ? workedBefore(this.periods, to.msOfDay) - workedBefore(this.periods, from.msOfDay)
        : 0;
    }
    const head = this.isWorking(from.day) ? dayMs - workedBefore(this.periods, from.msOfDay) : 0;
    const tail = this.isWorking(to.day) ? workedBefore(this.periods, to.msOfDay) : 0;
    return head + dayMs * this.countWorking(from.day + 1, to.day) + tail;
  }
}

function isCalendarTime(unit: LimitUnit): boolean {
  return unit === 'emergency_hours' || unit === 'calendar_days';
}

function instantMs(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

const MAX_DATE_MS = 8.64e15;

function toDate(ms: number): Date {
  if (!(Math.abs(ms) <= MAX_DATE_MS)) throw new RangeError('the deadline is beyond the representable date range');
  return new Date(ms);
}
