/**
 * The figure placeholders of a 工作总结's prose (docs/yearbook.md, "Placeholders"): `{{<figure key>|<period>}}`, the
 * period a year (2023), a quarter (2023-Q2) or a month (2023-03). Pure: parsing, listing and rebinding to a year.
 */
import { FIGURE_KEY_PATTERN } from './report-figures.ts';

export const YEARBOOK_PARTS = ['summary', 'problems', 'plan'] as const;
export type YearbookPart = (typeof YEARBOOK_PARTS)[number];

const PLACEHOLDER = /\{\{\s*([^|{}]*?)\s*\|\s*([^|{}]*?)\s*\}\}/g;
const PERIOD = /^(\d{4})(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const KEY = FIGURE_KEY_PATTERN;

export type Segment = { text: string } | { key: string; period: string };

export interface PlaceholderIssue {
  /** the placeholder as written */
  token: string;
  problem: 'key' | 'period' | 'unclosed';
}

/** The body split into text and placeholders; a `{{` that does not close is text (reported by `issuesOf`). */
export function segmentsOf(body: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ text: body.slice(last, m.index) });
    out.push({ key: m[1] ?? '', period: m[2] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}

export const placeholdersOf = (body: string) =>
  segmentsOf(body).filter((s): s is { key: string; period: string } => 'key' in s);

/** Malformed placeholders; keys that are well-formed but unknown are the caller's to check against the report. */
export function issuesOf(body: string): PlaceholderIssue[] {
  const issues: PlaceholderIssue[] = [];
  for (const p of placeholdersOf(body)) {
    const token = `{{${p.key}|${p.period}}}`;
    if (!KEY.test(p.key)) issues.push({ token, problem: 'key' });
    else if (!PERIOD.test(p.period)) issues.push({ token, problem: 'period' });
  }
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{'))
    issues.push({ token: rest.slice(rest.indexOf('{{'), rest.indexOf('{{') + 40), problem: 'unclosed' });
  return issues;
}

/** The query of the statistics report for a placeholder's period. */
export function periodQuery(period: string): { period: 'year' | 'quarter' | 'month'; at: string } {
  if (/^\d{4}$/.test(period)) return { period: 'year', at: period };
  if (/-Q[1-4]$/.test(period)) return { period: 'quarter', at: period };
  return { period: 'month', at: period };
}

/**
 * The body with every placeholder's year moved by `years`, keeping its quarter or month: a document started from
 * last year's keeps last year's comparisons as comparisons (2022 → 2023 when 2023 → 2024).
 */
export function rebind(body: string, years: number): string {
  return body.replace(PLACEHOLDER, (whole, key: string, period: string) => {
    const m = PERIOD.exec(period);
    if (!m) return whole;
    return `{{${key}|${Number(m[1]) + years}${m[2] ?? ''}}}`;
  });
}

/** 一 二 三 … for the parts, （一）（二）… for the subsections of 工作总结 (GB/T 9704 numbering of levels). */
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return String(n);
}
