/**
 * A range of local dates split into the whole calendar months it covers and the days left at either end: a sum
 * over the range reads the monthly roll-up for the months and the daily one for the edges
 * (docs/decisions/0014-kpi-monthly-rollup.md). Dates are 'YYYY-MM-DD', months 'YYYY-MM', both ends inclusive.
 */
export interface MonthSplit {
  /** [first, last] month wholly inside the range, or null when it holds no whole month */
  months: [string, string] | null;
  /** the day ranges outside those months: none, one or two */
  days: [string, string][];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: string) => new Date(`${day}T00:00:00Z`);
const shift = (day: string, n: number) => {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
/** The last day of the month holding `day`. */
const monthEnd = (day: string) => {
  const d = parse(day);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
};

export function splitByMonths(from: string, to: string): MonthSplit {
  if (from > to) return { months: null, days: [] };
  const firstFull = from.endsWith('-01') ? from : shift(monthEnd(from), 1);
  const lastFull = to === monthEnd(to) ? to : shift(`${to.slice(0, 8)}01`, -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, shift(firstFull, -1)]);
  if (to > lastFull) days.push([shift(lastFull, 1), to]);
  return { months: [firstFull.slice(0, 7), lastFull.slice(0, 7)], days };
}
