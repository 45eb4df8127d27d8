/**
 * 环比 and 同比: the period a figure is compared with (docs/analysis.md, "Comparison periods"). Pure; dates are
 * calendar dates 'YYYY-MM-DD' in the tenant's zone.
 *
 * - 环比 (previous period): the period of the same kind just before — the day before, the ISO week before, the
 *   month, quarter or year before; for a custom range of n days, the n days that end the day before it starts.
 * - 同比 (same period last year): the same dates one year earlier (29 Feb → 28 Feb); for a week, the week 52 weeks
 *   (364 days) earlier, so weekdays line up; for a year, the year before (the same as its 环比).
 * - A period still running on `today` is compared up to today: the current figure covers from … today, and each
 *   comparison period is cut to the same number of days from its start (本月至今 against 上月同期).
 */
export type ComparableKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
export interface DateRange {
  from: string;
  to: string;
}
export interface Comparison {
  current: DateRange;
  previous: DateRange;
  lastYear: DateRange;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromMs(toMs(d) + n * DAY);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same calendar date in an earlier/later year; 29 Feb becomes 28 Feb in a common year. */
export function shiftYears(d: string, years: number): string {
  const y = Number(d.slice(0, 4)) + years;
  const m = Number(d.slice(5, 7));
  const day = Math.min(Number(d.slice(8, 10)), lastDay(y, m));
  return `${y}-${pad(m)}-${pad(day)}`;
}

/** Whole months earlier, from the first of the month (used for month and quarter starts). */
function monthStart(d: string, months: number): string {
  const idx = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 - months;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}-01`;
}
const monthEnd = (start: string, months: number) => {
  const next = monthStart(start, -months);
  return addDays(next, -1);
};

/** The ISO week (Monday–Sunday) 'YYYY-Www' as dates, or null when malformed. */
export function isoWeek(at: string): DateRange | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(at);
  if (!m) return null;
  const y = Number(m[1]);
  const w = Number(m[2]);
  const jan4 = Date.UTC(y, 0, 4);
  const mondayW1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const weeks =
    (Date.UTC(y + 1, 0, 4) - ((new Date(Date.UTC(y + 1, 0, 4)).getUTCDay() + 6) % 7) * DAY - mondayW1) / (7 * DAY);
  if (w < 1 || w > weeks) return null;
  const from = fromMs(mondayW1 + (w - 1) * 7 * DAY);
  return { from, to: addDays(from, 6) };
}

/** The ISO week `n` weeks after (before, when n < 0) a week, as 'YYYY-Www'; a malformed week is returned as it is. */
export function weekShift(week: string, n: number): string {
  const range = isoWeek(week);
  return range ? weekOf(addDays(range.from, 7 * n)) : week;
}

/** The ISO week holding a date, as 'YYYY-Www'. */
export function weekOf(d: string): string {
  const ms = toMs(d);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const y = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(y, 0, 1)) / (7 * DAY)) + 1;
  return `${y}-W${pad(week)}`;
}

function wholeComparison(kind: ComparableKind, p: DateRange): { previous: DateRange; lastYear: DateRange } {
  const n = daysBetween(p.from, p.to) + 1;
  switch (kind) {
    case 'day':
      return {
        previous: { from: addDays(p.from, -1), to: addDays(p.from, -1) },
        lastYear: { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) },
      };
    case 'week':
      return {
        previous: { from: addDays(p.from, -7), to: addDays(p.to, -7) },
        lastYear: { from: addDays(p.from, -364), to: addDays(p.to, -364) },
      };
    case 'month':
    case 'quarter': {
      const months = kind === 'month' ? 1 : 3;
      const prevFrom = monthStart(p.from, months);
      const lyFrom = shiftYears(p.from, -1);
      return {
        previous: { from: prevFrom, to: monthEnd(prevFrom, months) },
        lastYear: { from: lyFrom, to: monthEnd(lyFrom, months) },
      };
    }
    case 'year': {
      const prev = { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) };
      return { previous: prev, lastYear: prev };
    }
    default:
      return {
        previous: { from: addDays(p.from, -n), to: addDays(p.from, -1) },
        lastYear: { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) },
      };
  }
}

/** The current, previous and last-year ranges of a period, cut at `today` when the period is still running. */
export function comparisonOf(kind: ComparableKind, p: DateRange, today: string): Comparison {
  const whole = wholeComparison(kind, p);
  if (p.to <= today || p.from > today) return { current: { ...p }, ...whole };
  const elapsed = daysBetween(p.from, today);
  const cut = (r: DateRange): DateRange => {
    const to = addDays(r.from, elapsed);
    return { from: r.from, to: to < r.to ? to : r.to };
  };
  return { current: { from: p.from, to: today }, previous: cut(whole.previous), lastYear: cut(whole.lastYear) };
}

export interface Change {
  /** the figure of the comparison period; null when it has no value (a rate with no denominator) */
  base: number | null;
  /** current − base (for a rate: percentage points) */
  delta: number | null;
  /** (current − base) / base × 100, one decimal; null when the base is 0 or missing */
  pct: number | null;
}

export function changeOf(current: number | null, base: number | null): Change {
  if (current === null || base === null) return { base, delta: null, pct: null };
  const delta = Math.round((current - base) * 100) / 100;
  const pct = base === 0 ? null : Math.round(((current - base) / Math.abs(base)) * 1000) / 10;
  return { base, delta, pct };
}
