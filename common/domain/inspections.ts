/**
 * 巡检 and 服务外包考核 as pure rules (docs/inspections.md): a checklist's consistency, the dates a schedule falls
 * on, whether an item's result fails, and a contractor's monthly score from counted deductions.
 */

export const ITEM_KINDS = ['check', 'number', 'text', 'photo'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What a failed item opens: a 养护工单 for the asset's maintainer, a 数字城管 case, or nothing. */
export const ON_FAIL = ['work_order', 'case', 'none'] as const;
export type OnFail = (typeof ON_FAIL)[number];

export interface ChecklistItem {
  key: string;
  label: string;
  labelEn?: string;
  kind: ItemKind;
  /** number items: the accepted range (either end may be open) */
  min?: number;
  max?: number;
  unit?: string;
  photoRequired?: boolean;
  onFail: OnFail;
  /** onFail = case: the catalog matter the case is filed under (a city-management matter) */
  matterCode?: string;
  /** onFail = work_order: working days to the order's deadline */
  workDays?: number;
}

export const SCHEDULE_KINDS = ['daily', 'weekly', 'monthly', 'seasonal', 'flood'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/**
 * daily: every working day of the work calendar; weekly: `weekday` (1 = Monday … 7); monthly: `day` of each month;
 * seasonal: `day` of the first month of each quarter (January, April, July, October); flood: the `dates` (MM-DD)
 * before the flood season, every year.
 */
export interface Schedule {
  weekday?: number;
  day?: number;
  dates?: string[];
}

export const ITEM_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export interface Problem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Every inconsistency of a checklist, each naming its item (`checklist.2.min`) and a catalog text key. */
export function checklistProblems(items: readonly ChecklistItem[]): Problem[] {
  const out: Problem[] = [];
  if (!items.length) out.push({ field: 'checklist', key: 'details.inspection.emptyChecklist' });
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const at = `checklist.${i}`;
    if (!ITEM_KEY.test(it.key))
      out.push({ field: `${at}.key`, key: 'details.inspection.badKey', params: { key: it.key } });
    else if (seen.has(it.key))
      out.push({ field: `${at}.key`, key: 'details.inspection.duplicateKey', params: { key: it.key } });
    seen.add(it.key);
    if (it.kind === 'number') {
      if (it.min === undefined && it.max === undefined)
        out.push({ field: `${at}.min`, key: 'details.inspection.noLimits', params: { label: it.label } });
      if (it.min !== undefined && it.max !== undefined && it.min > it.max)
        out.push({ field: `${at}.min`, key: 'details.inspection.minAboveMax', params: { label: it.label } });
    } else if (it.min !== undefined || it.max !== undefined)
      out.push({ field: `${at}.min`, key: 'details.inspection.limitsOnNonNumber', params: { label: it.label } });
    if ((it.kind === 'text' || it.kind === 'photo') && it.onFail !== 'none')
      out.push({ field: `${at}.onFail`, key: 'details.inspection.cannotFail', params: { label: it.label } });
    if (it.onFail === 'case' && !it.matterCode)
      out.push({ field: `${at}.matterCode`, key: 'details.inspection.caseNeedsMatter', params: { label: it.label } });
  });
  return out;
}

export function scheduleProblems(kind: ScheduleKind, s: Schedule): Problem[] {
  const need = (field: keyof Schedule) => [{ field: `schedule.${field}`, key: 'details.inspection.scheduleField' }];
  if (kind === 'weekly' && !(s.weekday && s.weekday >= 1 && s.weekday <= 7)) return need('weekday');
  if ((kind === 'monthly' || kind === 'seasonal') && !(s.day && s.day >= 1 && s.day <= 28)) return need('day');
  if (kind === 'flood' && !(s.dates?.length && s.dates.every((d) => MONTH_DAY.test(d)))) return need('dates');
  return [];
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The calendar dates from `from` to `to` (both included) on which a schedule is due. */
export function dueDates(
  kind: ScheduleKind,
  s: Schedule,
  from: string,
  to: string,
  isWorkingDay: (date: string) => boolean,
): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = Number(d.slice(8, 10));
    const month = Number(d.slice(5, 7));
    const weekday = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (
      (kind === 'daily' && isWorkingDay(d)) ||
      (kind === 'weekly' && weekday === s.weekday) ||
      (kind === 'monthly' && day === s.day) ||
      (kind === 'seasonal' && month % 3 === 1 && day === s.day) ||
      (kind === 'flood' && (s.dates ?? []).includes(d.slice(5)))
    )
      out.push(d);
  }
  return out;
}

/** What an inspector enters for one item. */
export interface ItemResult {
  key: string;
  /** check items: passed */
  ok?: boolean;
  value?: number;
  text?: string;
  photoIds?: string[];
}

/** Whether an item's result fails it: a failed check, or a number outside its range. */
export function itemFails(item: ChecklistItem, r: ItemResult | undefined): boolean {
  if (!r) return false;
  if (item.kind === 'check') return r.ok === false;
  if (item.kind === 'number' && typeof r.value === 'number')
    return (item.min !== undefined && r.value < item.min) || (item.max !== undefined && r.value > item.max);
  return false;
}

export const DEDUCTION_KINDS = ['overdue_case', 'failed_item', 'overdue_work_order'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export interface DeductionRule {
  kind: DeductionKind;
  /** points deducted per counted occurrence */
  points: number;
}

/** base − Σ count × points, never below 0; points are kept to one decimal. */
export function monthlyScore(
  base: number,
  rules: readonly DeductionRule[],
  counts: Record<DeductionKind, number>,
): { deductions: { kind: DeductionKind; count: number; points: number; deducted: number }[]; score: number } {
  const deductions = rules.map((r) => ({
    kind: r.kind,
    count: counts[r.kind],
    points: r.points,
    deducted: Math.round(counts[r.kind] * r.points * 10) / 10,
  }));
  const total = deductions.reduce((s, d) => s + d.deducted, 0);
  return { deductions, score: Math.max(0, Math.round((base - total) * 10) / 10) };
}
