import type { DeviceMaintenanceTasksTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries over device_maintenance_tasks only (with the device's code and name beside each task). */
export interface MaintenanceFilter {
  state?: 'open' | 'done';
  deviceId?: string;
  q?: string;
}
export type MaintenanceSort = 't.raised_at' | 't.done_at' | 'd.code' | 't.battery_pct';

function filtered(db: Executor, tenantId: string, f: MaintenanceFilter) {
  let q = db
    .selectFrom('device_maintenance_tasks as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .where('t.tenant_id', '=', tenantId);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.deviceId) q = q.where('t.device_id', '=', f.deviceId);
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['d.code', 'd.name', 't.note'], term));
  return q;
}

export function listTasks(db: Executor, tenantId: string, f: MaintenanceFilter, w: SortedWindow<MaintenanceSort>) {
  return pageWithTotal(
    filtered(db, tenantId, f),
    (x) =>
      x
        .selectAll('t')
        .select([
          'd.code as device_code',
          'd.name as device_name',
          'd.type as device_type',
          'd.battery_pct as current_pct',
        ])
        .orderBy(w.sort, w.order)
        .orderBy('t.id', w.order),
    w,
  );
}

export function findTask(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('device_maintenance_tasks as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .selectAll('t')
    .select(['d.code as device_code', 'd.name as device_name', 'd.type as device_type', 'd.battery_pct as current_pct'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function updateTask(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<DeviceMaintenanceTasksTable>,
): Promise<boolean> {
  return updateVersioned(db, 'device_maintenance_tasks', { tenantId, id, version }, patch);
}

/** Tenants that have active devices reporting a battery: the sweep's outer loop. */
export async function tenantsWithBatteries(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('devices')
    .select('tenant_id')
    .distinct()
    .where('active', '=', 1)
    .where('battery_pct', 'is not', null)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Active devices of a tenant below the threshold without an open low-battery task. */
export function lowWithoutTask(db: Executor, tenantId: string, threshold: number, limit: number) {
  return db
    .selectFrom('devices as d')
    .leftJoin('device_maintenance_tasks as t', (j) =>
      j.onRef('t.device_id', '=', 'd.id').on('t.state', '=', 'open').on('t.reason', '=', 'low_battery'),
    )
    .select(['d.id', 'd.battery_pct'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.active', '=', 1)
    .where('d.battery_pct', '<', threshold)
    .where('t.id', 'is', null)
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** Open low-battery tasks of a tenant whose device now reports at least `recharged`. */
export function rechargedOpen(db: Executor, tenantId: string, recharged: number, limit: number) {
  return db
    .selectFrom('device_maintenance_tasks as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .select(['t.id', 't.version', 'd.battery_pct', 'd.code as device_code'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.state', '=', 'open')
    .where('t.reason', '=', 'low_battery')
    .where('d.battery_pct', '>=', recharged)
    .orderBy('t.id')
    .limit(limit)
    .execute();
}

/** A new open task; false when one is already open for the device and reason (the unique open key). */
export async function insertTask(db: Executor, row: DeviceMaintenanceTasksTable): Promise<boolean> {
  const res = await db
    .insertInto('device_maintenance_tasks')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'open_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}
