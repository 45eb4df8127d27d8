/**
 * Pure helpers of the work-calendar screen: the same row checks the server makes (so most mistakes show before
 * saving), the server's field issues translated by rule, and the list of years to offer.
 */
import type { FormInstance } from 'antd';
import type { CalendarDay, CalendarYears } from '../../../../common/contracts/calendar.ts';
import type { MessageKey, MessageParams } from '../../../../common/i18n/core.ts';
import { fieldErrorsOf } from '../../api/errors.ts';

export type DayKind = CalendarDay['kind'];
/** A row as edited: blank until filled in. */
export interface DayRow {
  date?: string;
  kind?: DayKind;
  name?: string;
}

export interface Issue {
  /** antd Form name path, e.g. ['days', 3, 'date'] */
  name: (string | number)[];
  rule: string;
  /** the server's own words, shown when the rule has no catalog text */
  message?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of week (0 = Sunday) of a YYYY-MM-DD calendar date, independent of the browser's zone; undefined if not a date. */
export function weekdayOf(date: string | undefined): number | undefined {
  const m = date ? DATE.exec(date) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return undefined;
  return at.getUTCDay();
}

export function sortDays<T extends DayRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

/** The server's row rules (calendar-rules.ts dayRowIssues): a date of the year, once, a name, 调休 only on weekends. */
export function checkDays(year: number, rows: readonly DayRow[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.name?.trim()) issues.push({ name: ['days', i, 'name'], rule: 'required' });
    if (!row.kind) issues.push({ name: ['days', i, 'kind'], rule: 'required' });
    const weekday = weekdayOf(row.date);
    if (!row.date) issues.push({ name: ['days', i, 'date'], rule: 'required' });
    else if (weekday === undefined) issues.push({ name: ['days', i, 'date'], rule: 'date' });
    else if (Number(row.date.slice(0, 4)) !== year) issues.push({ name: ['days', i, 'date'], rule: 'year' });
    else if (seen.has(row.date)) issues.push({ name: ['days', i, 'date'], rule: 'unique' });
    else {
      seen.add(row.date);
      if (row.kind === 'workday' && weekday !== 0 && weekday !== 6)
        issues.push({ name: ['days', i, 'date'], rule: 'weekend' });
    }
  });
  return issues;
}

/** Working periods as HH:MM (end may be 24:00), end after start; overlaps are left to the server. */
export function checkPeriods(periods: readonly { start?: string; end?: string }[]): Issue[] {
  const minutes = (text: string | undefined, end: boolean) => {
    const m = text ? /^(\d{2}):(\d{2})$/.exec(text) : null;
    if (!m) return undefined;
    const [h, min] = [Number(m[1]), Number(m[2])];
    if (end && h === 24 && min === 0) return 1440;
    return h < 24 && min < 60 ? h * 60 + min : undefined;
  };
  const issues: Issue[] = [];
  periods.forEach((p, i) => {
    const start = minutes(p.start, false);
    const end = minutes(p.end, true);
    if (start === undefined) issues.push({ name: ['periods', i, 'start'], rule: 'time' });
    if (end === undefined) issues.push({ name: ['periods', i, 'end'], rule: 'time' });
    if (start !== undefined && end !== undefined && end <= start)
      issues.push({ name: ['periods', i, 'end'], rule: 'order' });
  });
  return issues;
}

/**
 * The field issues of a 400 (CALENDAR_INVALID_DAYS: body.3.date; CALENDAR_INVALID_PERIODS: body.periods.1.end),
 * placed under the form's list `listName`.
 */
export function serverIssues(error: unknown, listName: 'days' | 'periods'): Issue[] {
  const issues: Issue[] = [];
  for (const detail of fieldErrorsOf(error)) {
    const parts = detail.field.split(/[./]/).filter((p) => p !== '' && p !== 'body');
    if (parts[0] === 'periods') parts.shift();
    const index = Number(parts[0]);
    if (!Number.isInteger(index) || parts.length < 2) continue;
    issues.push({ name: [listName, index, ...parts.slice(1)], rule: detail.rule, message: detail.message });
  }
  return issues;
}

const RULE_TEXT: Record<string, MessageKey> = {
  required: 'validation.required',
  kind: 'validation.enum',
  date: 'calendar.invalidDate',
  year: 'calendar.dateOutOfYear',
  unique: 'calendar.duplicateDate',
  weekend: 'calendar.weekendWorkdayOnly',
  time: 'calendar.timeFormat',
  order: 'calendar.periodOrder',
  overlap: 'calendar.periodOverlap',
};

/** antd `form.setFields` entries for the issues, in the UI language (the server's words for unknown rules). */
export function issueFields(
  issues: readonly Issue[],
  t: (key: MessageKey, params?: MessageParams) => string,
  year?: number,
) {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const key = RULE_TEXT[issue.rule];
    const text = key ? t(key, { year }) : (issue.message ?? t('validation.format'));
    const entry = byPath.get(issue.name.join('.')) ?? { name: issue.name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byPath.set(issue.name.join('.'), entry);
  }
  return [...byPath.values()];
}

/**
 * Drops every error shown on the form. Errors set from a save stay until their own field changes, and the issue
 * may have been fixed in another field (an overlap is marked on one period, fixed on the other).
 */
export function clearErrors<V>(form: FormInstance<V>): void {
  const marked = form.getFieldsError().filter((f) => f.errors.length > 0);
  // getFieldsError's paths are untyped; setFields wants the typed NamePath of V: the same paths, hence the cast.
  if (marked.length > 0)
    form.setFields(
      marked.map((f) => ({ name: f.name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0],
    );
}

/** Years to offer: those with rows, the missing ones around today, this year and the next. */
export function yearOptions(data: CalendarYears | null, thisYear: number): number[] {
  const years = new Set<number>([thisYear, thisYear + 1]);
  for (const y of data?.years ?? []) years.add(y.year);
  for (const y of data?.missing ?? []) years.add(y.year);
  return [...years].sort((a, b) => b - a);
}
