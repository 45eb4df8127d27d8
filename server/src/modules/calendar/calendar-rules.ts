/**
 * Pure rules of the calendar admin screens: which year rows are acceptable, where a working-period problem sits,
 * and how a year compares with the data package. No I/O.
 */
import type { CalendarDay } from '../../../../common/contracts/calendar.ts';
import { validatePeriods, type WorkPeriod } from '../../../../common/domain/work-calendar-periods.ts';
import { parseDay, weekdayOf } from '../../../../common/domain/work-calendar-time.ts';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Every problem of the full list of one year's rows, with the row index as field path (body.3.date). */
export function dayRowIssues(year: number, rows: readonly CalendarDay[], base = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = `${base}.${i}`;
    if (row.kind !== 'holiday' && row.kind !== 'workday') {
      issues.push({
        field: `${at}.kind`,
        rule: 'kind',
        message: `kind "${String(row.kind)}" must be "holiday" or "workday"`,
      });
    }
    if (typeof row.name !== 'string' || row.name.trim() === '') {
      issues.push({
        field: `${at}.name`,
        rule: 'required',
        message: 'name the holiday the row belongs to (e.g. 春节)',
      });
    }
    const day = parseDay(row.date);
    if (day === undefined) {
      issues.push({ field: `${at}.date`, rule: 'date', message: `${row.date} is not a calendar date (YYYY-MM-DD)` });
      return;
    }
    if (Number(row.date.slice(0, 4)) !== year) {
      issues.push({
        field: `${at}.date`,
        rule: 'year',
        message: `${row.date} is not in ${year}: this list replaces ${year} only`,
      });
      return;
    }
    const first = seen.get(row.date);
    if (first !== undefined) {
      issues.push({
        field: `${at}.date`,
        rule: 'unique',
        message: `${row.date} is already listed as ${base}.${first}`,
      });
      return;
    }
    seen.set(row.date, i);
    const weekday = weekdayOf(day);
    // 调休 moves work onto a weekend day; Monday–Friday already work, so a weekday 'workday' row means a typo.
    if (row.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      issues.push({
        field: `${at}.date`,
        rule: 'weekend',
        message: `${row.date} is a ${WEEKDAY_NAMES[weekday]}: a workday row marks a Saturday or Sunday worked (调休上班); Monday–Friday are working days already`,
      });
    }
  });
  return issues;
}

/** validatePeriods' messages with the field each one is about (body.periods.1.end). */
export function periodIssues(periods: readonly WorkPeriod[], base = 'body.periods'): FieldIssue[] {
  return validatePeriods(periods).map((message) => ({ ...locatePeriodIssue(message, base), message }));
}

function locatePeriodIssue(message: string, base: string): { field: string; rule: string } {
  const own = /^periods\[(\d+)\]\.(start|end) /.exec(message);
  if (own) return { field: `${base}.${own[1]}.${own[2]}`, rule: 'time' };
  const order = /^periods\[(\d+)\]: end /.exec(message);
  if (order) return { field: `${base}.${order[1]}.end`, rule: 'order' };
  // The later-listed period of an overlapping pair is the one to move.
  const overlap = /^periods\[\d+\] \(.*\) and periods\[(\d+)\] \(.*\) overlap/.exec(message);
  if (overlap) return { field: `${base}.${overlap[1]}.start`, rule: 'overlap' };
  return { field: base, rule: 'periods' };
}

/** Periods sorted by start, as stored and shown. */
export function sortPeriods(periods: readonly WorkPeriod[]): WorkPeriod[] {
  return periods.map((p) => ({ start: p.start, end: p.end })).sort((a, b) => a.start.localeCompare(b.start));
}

/** The rows sorted by date, names trimmed: the stored form. */
export function normaliseDays(rows: readonly CalendarDay[]): CalendarDay[] {
  return rows
    .map((r) => ({ date: r.date, kind: r.kind, name: r.name.trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Same rows regardless of order: tells an untouched seeded year from an edited one. */
export function sameDays(a: readonly CalendarDay[], b: readonly CalendarDay[]): boolean {
  if (a.length !== b.length) return false;
  const key = (r: CalendarDay) => `${r.date}|${r.kind}|${r.name}`;
  const set = new Set(a.map(key));
  return b.every((r) => set.has(key(r)));
}
