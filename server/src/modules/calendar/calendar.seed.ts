import { HOLIDAY_SEED_YEARS, holidaySeedRows } from '../../../../common/domain/work-calendar-seed.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * Gives a new tenant the 法定节假日 and 调休 of every year the data package knows; administrators edit them afterwards.
 * Seeds are not audited: no person made the change. Returns how many days were written.
 */
export async function seedHolidays(db: Executor, tenantId: string): Promise<number> {
  const holidays = holidaySeedRows(Math.min(...HOLIDAY_SEED_YEARS), Math.max(...HOLIDAY_SEED_YEARS));
  if (holidays.length)
    await db
      .insertInto('calendar_days')
      .values(holidays.map((d) => ({ tenant_id: tenantId, ...d })))
      .execute();
  return holidays.length;
}
