import { PostgresAdapter, sql } from 'kysely';
import type { DevicesTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries over devices only. */
export interface DeviceFilter {
  type?: string;
  status?: 'online' | 'offline' | 'inactive';
  q?: string;
  now: string;
}
export type DeviceSort = 'code' | 'name' | 'last_seen_at' | 'install_date';

export async function insertDevice(db: Executor, row: DevicesTable): Promise<void> {
  await db.insertInto('devices').values(row).execute();
}

export function findDevice(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('devices').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findByCode(db: Executor, tenantId: string, code: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Devices by code; on PostgreSQL the codes go as one array parameter (`= any`), one statement text for any count. */
export function findByCodes(db: Executor, tenantId: string, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  const q = db.selectFrom('devices').selectAll().where('tenant_id', '=', tenantId);
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? q.where('code', '=', sql<string>`any(${[...codes]}::text[])`).execute()
    : q.where('code', 'in', codes).execute();
}

export function listDevices(db: Executor, tenantId: string, f: DeviceFilter, w: SortedWindow<DeviceSort>) {
  let q = db.selectFrom('devices as d').where('d.tenant_id', '=', tenantId);
  if (f.type) q = q.where('d.type', '=', f.type as DevicesTable['type']);
  if (f.status === 'inactive') q = q.where('d.active', '=', 0);
  else if (f.status === 'online') q = q.where('d.active', '=', 1).where('d.offline_due_at', '>', f.now);
  else if (f.status === 'offline')
    q = q
      .where('d.active', '=', 1)
      .where((eb) => eb.or([eb('d.offline_due_at', 'is', null), eb('d.offline_due_at', '<=', f.now)]));
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['d.code', 'd.name', 'd.component_code', 'd.address', 'd.model'], term));
  return pageWithTotal(q, (x) => x.selectAll('d').orderBy(`d.${w.sort}`, w.order).orderBy('d.id', w.order), w);
}

/** Writes a change guarded by the version as read. */
export async function updateDevice(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<DevicesTable>,
): Promise<boolean> {
  return updateVersioned(db, 'devices', { tenantId, id, version }, patch);
}

/** A message arrived: last seen, battery, and the next instant the device counts as offline. */
export async function markSeen(
  db: Executor,
  id: string,
  at: string,
  offlineDueAt: string,
  batteryPct: number | null,
): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      last_seen_at: at,
      offline_due_at: offlineDueAt,
      ...(batteryPct === null ? {} : { battery_pct: batteryPct }),
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<=', at)]))
    .execute();
}

/**
 * `markSeen` for many devices in one statement (an `UPDATE … FROM` the rows, on both databases): the same guard per
 * row, so a device already seen later keeps its newer time. Ids must be distinct. PostgreSQL gets the rows as four
 * arrays (`unnest`), parsed and planned the same whatever their length; SQLite a VALUES list per 1,000 rows.
 */
export async function markSeenMany(
  db: Executor,
  rows: readonly { id: string; at: string; offlineDueAt: string; batteryPct: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`update devices set last_seen_at = v.at, offline_due_at = v.due,
        battery_pct = coalesce(v.battery, devices.battery_pct)
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.at)}::text[],
        ${rows.map((r) => r.offlineDueAt)}::text[], ${rows.map((r) => r.batteryPct)}::double precision[])
        as v (id, at, due, battery)
      where devices.id = v.id and (devices.last_seen_at is null or devices.last_seen_at <= v.at)`.execute(db);
    return;
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const values = sql.join(
      rows
        .slice(i, i + 1000)
        .map((r) => sql`(${r.id}, ${r.at}, ${r.offlineDueAt}, cast(${r.batteryPct} as double precision))`),
    );
    // the CTE names the VALUES columns: SQLite has no column list on a FROM alias
    await sql`with v (id, at, due, battery) as (values ${values})
      update devices set last_seen_at = v.at, offline_due_at = v.due,
        battery_pct = coalesce(v.battery, devices.battery_pct)
      from v
      where devices.id = v.id and (devices.last_seen_at is null or devices.last_seen_at <= v.at)`.execute(db);
  }
}

/** Active devices whose heartbeat is overdue, oldest first (the offline sweep's batch). */
export function overdue(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('offline_due_at', '<=', now)
    .where('active', '=', 1)
    .orderBy('offline_due_at')
    .limit(limit)
    .execute();
}

/** The sweep took the device offline: stop watching it until it is heard from again (guarded by the due time). */
export async function stopWatching(db: Executor, id: string, due: string): Promise<boolean> {
  const res = await db
    .updateTable('devices')
    .set({ offline_due_at: null })
    .where('id', '=', id)
    .where('offline_due_at', '=', due)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Devices by id, for the alarm list's names (one query per page). */
export function devicesById(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('devices')
    .select(['id', 'code', 'name', 'type', 'component_code'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}
