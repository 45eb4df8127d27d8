/**
 * Seed rows for the admin-editable work calendar, taken from the generated holidays-data.ts (chinese-days).
 * The DB seed writes these rows once; afterwards the database rows, edited by admins each year, are the truth.
 */
import { HOLIDAY_SEED_ROWS, HOLIDAY_SEED_YEARS, type HolidaySeedRow } from './holidays-data.ts';
import { DEFAULT_TIME_ZONE, DEFAULT_WORK_PERIODS, type WorkCalendarSpec } from './work-calendar.ts';

export { HOLIDAY_SEED_SOURCE, HOLIDAY_SEED_YEARS, type HolidaySeedRow } from './holidays-data.ts';

/**
 * Holiday and 调休 workday rows for the years fromYear..toYear (inclusive), sorted by date, as fresh objects.
 * A year the package has no data for yields no rows: check seedYearsMissing and ask admins to enter it.
 */
export function holidaySeedRows(fromYear: number, toYear: number): HolidaySeedRow[] {
  return HOLIDAY_SEED_ROWS.filter((r) => {
    const year = Number(r.date.slice(0, 4));
    return year >= fromYear && year <= toYear;
  }).map((r) => ({ ...r }));
}

/** Years in fromYear..toYear without seed data. */
export function seedYearsMissing(fromYear: number, toYear: number): number[] {
  const missing: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!HOLIDAY_SEED_YEARS.includes(y)) missing.push(y);
  return missing;
}

/** The out-of-the-box calendar: Asia/Shanghai, 08:00–12:00 + 14:00–18:00, every seeded year. */
export function defaultWorkCalendarSpec(timeZone: string = DEFAULT_TIME_ZONE): WorkCalendarSpec {
  const years = HOLIDAY_SEED_YEARS;
  const days = years.length === 0 ? [] : holidaySeedRows(Math.min(...years), Math.max(...years));
  return { timeZone, periods: DEFAULT_WORK_PERIODS, days };
}
