/**
 * When a bureau without its own compulsory powers may apply to the people's court to enforce a fine
 * (docs/enforcement.md, "Court enforcement"): after a written 催告 has been served and 10 days have passed
 * (行政强制法 art. 35, 54), after the periods for 行政复议 (60 days, 行政复议法 art. 20) and 行政诉讼 (6 months,
 * 行政诉讼法 art. 46) counted from service of the decision have run, and within 3 months of their end
 * (行政强制法 art. 53). Periods are counted as the Civil Procedure Law counts 期间: the first day is not counted,
 * a month period ends on the same-numbered day (the month's last day when there is none), and a period whose last
 * day is a day off ends on the next working day.
 */
import { addCalendarDays } from './enforcement-lifecycle.ts';

export const DEMAND_DAYS = 10;
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;
export const COURT_WINDOW_MONTHS = 3;

/** The same-numbered day `months` later, or that month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A month period from `start`, moved to the next working day when it ends on a day off. */
export function addMonthPeriod(isWorkingDay: (d: string) => boolean, start: string, months: number): string {
  return addCalendarDays(isWorkingDay, addMonths(start, months), 0);
}

export interface CourtWindow {
  /** the last day of the 10 days after the 催告 was served, or null before it is */
  demandEnds: string | null;
  reconsiderationEnds: string;
  litigationEnds: string;
  /** the last day on which the court may be applied to */
  closesOn: string;
}

export function courtWindow(
  isWorkingDay: (d: string) => boolean,
  servedOn: string,
  demandServedOn: string | null,
): CourtWindow {
  const reconsiderationEnds = addCalendarDays(isWorkingDay, servedOn, RECONSIDERATION_DAYS);
  const litigationEnds = addMonthPeriod(isWorkingDay, servedOn, LITIGATION_MONTHS);
  const periodsEnd = reconsiderationEnds > litigationEnds ? reconsiderationEnds : litigationEnds;
  return {
    demandEnds: demandServedOn ? addCalendarDays(isWorkingDay, demandServedOn, DEMAND_DAYS) : null,
    reconsiderationEnds,
    litigationEnds,
    closesOn: addMonthPeriod(isWorkingDay, periodsEnd, COURT_WINDOW_MONTHS),
  };
}

export type CourtRefusal =
  | { reason: 'demand'; date: null }
  | { reason: 'demandPeriod' | 'reviewPeriod'; date: string }
  | { reason: 'late'; date: string };

/** Why the court cannot be applied to on `today`, or null when it can. */
export function courtRefusal(w: CourtWindow, today: string): CourtRefusal | null {
  if (!w.demandEnds) return { reason: 'demand', date: null };
  if (today <= w.demandEnds) return { reason: 'demandPeriod', date: w.demandEnds };
  const periodsEnd = w.reconsiderationEnds > w.litigationEnds ? w.reconsiderationEnds : w.litigationEnds;
  if (today <= periodsEnd) return { reason: 'reviewPeriod', date: periodsEnd };
  if (today > w.closesOn) return { reason: 'late', date: w.closesOn };
  return null;
}
