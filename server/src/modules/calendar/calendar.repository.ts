import type { Executor } from '../../platform/db.ts';
import type { CalendarDaysTable } from '../../db/schema.ts';
import { tenantColumns } from '../org/index.ts';

/** Kysely queries for the work calendar; every one is scoped by tenant. Dates are 'YYYY-MM-DD' text, so ranges compare as strings. */

export type DayRow = Pick<CalendarDaysTable, 'date' | 'kind' | 'name'>;

const yearRange = (year: number) =>
  [`${String(year).padStart(4, '0')}-01-01`, `${String(year).padStart(4, '0')}-12-31`] as const;

export async function allDays(db: Executor, tenantId: string): Promise<DayRow[]> {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('date')
    .execute();
}

export async function daysOfYear(db: Executor, tenantId: string, year: number): Promise<DayRow[]> {
  const [from, to] = yearRange(year);
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/** Deletes the year's rows and writes the new ones; the caller owns the transaction. */
export async function replaceYear(
  db: Executor,
  tenantId: string,
  year: number,
  rows: readonly DayRow[],
): Promise<void> {
  const [from, to] = yearRange(year);
  await db
    .deleteFrom('calendar_days')
    .where('tenant_id', '=', tenantId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  if (rows.length)
    await db
      .insertInto('calendar_days')
      .values(rows.map((r) => ({ tenant_id: tenantId, ...r })))
      .execute();
}

export async function tenantTimezone(db: Executor, tenantId: string): Promise<string | undefined> {
  const row = await tenantColumns(db, tenantId, ['timezone']);
  return row?.timezone;
}
