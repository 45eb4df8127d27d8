import type { DutyDay } from '../../../../common/contracts/lines.ts';
import type { FloodDutyDaysTable } from '../../db/schema-flood-duty.ts';
import type { Executor } from '../../platform/db.ts';

export const dutyDays = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('flood_duty_days')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('duty_date', '>=', from)
    .where('duty_date', '<=', to)
    .orderBy('duty_date')
    .execute();

export async function upsertDuty(db: Executor, row: FloodDutyDaysTable) {
  const { tenant_id: _t, duty_date: _d, ...rest } = row;
  await db
    .insertInto('flood_duty_days')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'duty_date']).doUpdateSet(rest))
    .execute();
}

export const deleteDuty = (db: Executor, tenantId: string, date: string) =>
  db.deleteFrom('flood_duty_days').where('tenant_id', '=', tenantId).where('duty_date', '=', date).execute();

export const dutyView = (r: FloodDutyDaysTable): DutyDay => ({
  date: r.duty_date,
  leader: r.leader,
  staff: JSON.parse(r.staff) as string[],
  phone: r.phone,
  note: r.note,
  updatedAt: r.updated_at,
});
