import type { FigureUnit } from './report-figures.ts';

/**
 * 目标任务 (docs/targets.md, "Rules"): the pure rules of a plan target's progress and status, shared by the server
 * (lists, the report section, the export) and the console (the quarterly view's colours).
 */
export const TARGET_KINDS = ['figure', 'manual'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** gte: the target is reached at or above the value (拆除面积 ≥ 40000 m²); lte: at or below (投诉 ≤ 600 件) */
export const TARGET_COMPARISONS = ['gte', 'lte'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

/** 已完成, 进行中, 滞后, 未完成 (the due date passed without the target reached) */
export const TARGET_STATUSES = ['done', 'onTrack', 'behind', 'missed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const QUARTERS = [1, 2, 3, 4] as const;

/** The last day of each quarter of a year, as calendar dates. */
export const quarterEnds = (year: number): string[] => ['03-31', '06-30', '09-30', '12-31'].map((d) => `${year}-${d}`);

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/**
 * The share of the time from 1 January of the target's year to its due date that has passed by `today` (both ends
 * counted): 0 before the year starts, 1 from the due date on. For a target due on 31 December this is the elapsed
 * share of the year.
 */
export function elapsedShare(year: number, dueOn: string, today: string): number {
  const start = dayNumber(`${year}-01-01`);
  const span = dayNumber(dueOn) - start + 1;
  if (span <= 0) return 1;
  const passed = dayNumber(today) - start + 1;
  return Math.min(1, Math.max(0, passed / span));
}

/** Whether a value reaches the target (no value: not reached for ≥, reached for ≤, since nothing was counted). */
export function reached(comparison: TargetComparison, target: number, value: number | null): boolean {
  if (value === null) return comparison === 'lte';
  return comparison === 'gte' ? value >= target : value <= target;
}

/** The value as a percentage of the target, one decimal (a target of 0 is reached by anything: 100). */
export function shareOf(target: number, value: number | null): number | null {
  if (value === null) return null;
  if (target === 0) return 100;
  return Math.round((value / target) * 1000) / 10;
}

export interface StatusInput {
  year: number;
  dueOn: string;
  comparison: TargetComparison;
  target: number;
  /** the value to date (to the due date once it has passed) */
  value: number | null;
  /** a rate (a percentage) is compared as it stands, not against the time passed */
  rate: boolean;
  today: string;
}

/**
 * The status on `today`: after the due date, 已完成 when the value at the due date reaches the target and 未完成
 * otherwise. Before it, a count that grows over the year (≥) is 已完成 once reached, 滞后 when its share of the target
 * is below the elapsed share of the time to the due date, and 进行中 otherwise; a ceiling (≤) is 滞后 once the value
 * passes the target's elapsed share; a rate is 进行中 while it reaches the target and 滞后 while it does not.
 */
export function targetStatus(s: StatusInput): TargetStatus {
  const met = reached(s.comparison, s.target, s.value);
  if (s.today > s.dueOn) return met ? 'done' : 'missed';
  if (s.rate) return met ? 'onTrack' : 'behind';
  const elapsed = elapsedShare(s.year, s.dueOn, s.today);
  const value = s.value ?? 0;
  if (s.comparison === 'gte') {
    if (met) return 'done';
    return value < s.target * elapsed ? 'behind' : 'onTrack';
  }
  return value > s.target * elapsed ? 'behind' : 'onTrack';
}

/** A figure's value read in the unit a person sets targets in: money in 万元 or 元 (figures carry fen). */
export function measureValue(value: number | null, unit: FigureUnit | null): number | null {
  if (value === null) return null;
  if (unit === 'wanYuan') return value / 1_000_000;
  if (unit === 'yuan') return value / 100;
  return value;
}
