/**
 * Calendar arithmetic for the work calendar: local calendar dates as integer day numbers (days since 1970-01-01)
 * and the business time zone as a fixed UTC offset derived from Intl (docs/conventions.md, "Time and calendar": instants are UTC,
 * calendar dates are a separate type, the zone is configuration).
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' calendar date, or undefined when the text is not a real date (2024-02-30). */
export function parseDay(date: string): number | undefined {
  if (typeof date !== 'string') return undefined;
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-01 and maps years 0–99 to 19xx: the round trip rejects both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Monday–Friday days in the Monday-aligned range [0, x) where x = 0 is Monday 1969-12-29. */
function weekdaysBeforeMondayIndex(x: number): number {
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/** Number of Monday–Friday days d with a <= d < b (a <= b), in O(1). */
export function countWeekdays(a: number, b: number): number {
  return weekdaysBeforeMondayIndex(b + 3) - weekdaysBeforeMondayIndex(a + 3);
}

/** Number of values v in the sorted array with a <= v < b, in O(log n). */
export function countInRange(sorted: readonly number[], a: number, b: number): number {
  return lowerBound(sorted, b) - lowerBound(sorted, a);
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Asia/Shanghai last observed DST in 1991; the check window starts after that and runs to the end of the century.
const CHECK_FROM_YEAR = 1992;
const CHECK_TO_YEAR = 2100;
const offsetCache = new Map<string, { offsetMs: number } | { error: string }>();

/**
 * The zone's UTC offset in ms, derived from Intl rather than hard-coded, and verified constant on the first of
 * every month 1992–2100. A zone whose offset changes (DST, a change of standard time) is refused: the calendar
 * maps working periods to instants with one offset, which is exact for every zone used in China
 * (Asia/Shanghai, Asia/Urumqi, Asia/Hong_Kong, Asia/Macau). Memoised per zone.
 */
export function resolveFixedOffset(timeZone: string): { offsetMs: number } | { error: string } {
  const cached = offsetCache.get(timeZone);
  if (cached) return cached;
  const result = computeFixedOffset(timeZone);
  offsetCache.set(timeZone, result);
  return result;
}

function computeFixedOffset(timeZone: string): { offsetMs: number } | { error: string } {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return { error: 'timeZone is required' };
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return { error: `timeZone "${timeZone}" is not a known IANA time zone` };
  }
  const offsetAt = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(ms))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    const local = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    return local - ms;
  };
  const first = offsetAt(Date.UTC(CHECK_FROM_YEAR, 0, 1));
  for (let y = CHECK_FROM_YEAR; y <= CHECK_TO_YEAR; y++) {
    for (let mo = 0; mo < 12; mo++) {
      const at = Date.UTC(y, mo, 1);
      if (offsetAt(at) !== first) {
        return {
          error:
            `timeZone "${timeZone}" does not keep a fixed UTC offset (it changes around ` +
            `${new Date(at).toISOString().slice(0, 7)}); the work calendar needs a zone without daylight saving time`,
        };
      }
    }
  }
  return { offsetMs: first };
}
