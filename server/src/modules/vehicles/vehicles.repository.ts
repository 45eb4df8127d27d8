import { sql, type Insertable, type Updateable } from 'kysely';
import type {
  VehicleCoverageTable,
  VehicleLeadsTable,
  VehiclePointsTable,
  VehiclesTable,
} from '../../db/schema-vehicles.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries for the vehicle tables; every one is scoped by tenant. */

export async function listVehicles(
  db: Executor,
  tenantId: string,
  f: { q?: string | undefined; kind?: string | undefined },
  w: SortedWindow<'plate' | 'code' | 'last_at'>,
) {
  let q = db.selectFrom('vehicles as v').where('v.tenant_id', '=', tenantId);
  if (f.kind) q = q.where('v.kind', '=', f.kind as VehiclesTable['kind']);
  if (f.q) q = q.where(containsAny(['v.plate', 'v.code', 'v.company'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('v')
        .orderBy(sql.ref(`v.${w.sort}`), w.order)
        .orderBy('v.id', w.order),
    w,
  );
}

export const findVehicle = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('vehicles').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const vehicleByCode = (db: Executor, tenantId: string, code: string) =>
  db.selectFrom('vehicles').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();

export const vehiclesOfKinds = (db: Executor, tenantId: string, kinds: readonly VehiclesTable['kind'][]) =>
  db.selectFrom('vehicles').selectAll().where('tenant_id', '=', tenantId).where('kind', 'in', kinds).execute();

export const clash = (db: Executor, tenantId: string, code: string | null, plate: string | null, except: string) =>
  db
    .selectFrom('vehicles')
    .select(['code', 'plate'])
    .where('tenant_id', '=', tenantId)
    .where('id', '!=', except)
    .where((eb) => eb.or([eb('code', '=', code ?? '\u0000'), eb('plate', '=', plate ?? '\u0000')]))
    .execute();

export const insertVehicle = (db: Executor, row: Insertable<VehiclesTable>) =>
  db.insertInto('vehicles').values(row).execute();

export async function updateVehicle(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Updateable<VehiclesTable>,
): Promise<boolean> {
  return updateVersioned(db, 'vehicles', { tenantId, id, version }, patch);
}

/** The latest position, only ever moved forward (a late batch of old points leaves it alone). */
export async function touchLast(
  db: Executor,
  id: string,
  p: { at: string; lng: number; lat: number; speed: number | null },
) {
  await db
    .updateTable('vehicles')
    .set({ last_at: p.at, last_lng: p.lng, last_lat: p.lat, last_speed: p.speed })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_at', 'is', null), eb('last_at', '<', p.at)]))
    .execute();
}

/** Inserts points; a point already stored (same vehicle and instant) is skipped. Returns how many were new. */
export async function insertPoints(db: Executor, rows: readonly Insertable<VehiclePointsTable>[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 100) {
    const res = await db
      .insertInto('vehicle_points')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['vehicle_id', 'at']).doNothing())
      .executeTakeFirst();
    n += Number(res.numInsertedOrUpdatedRows ?? 0n);
  }
  return n;
}

/** The stored point just before `at` (the neighbour an arriving point's speed check measures against). */
export const pointBefore = (db: Executor, vehicleId: string, at: string) =>
  db
    .selectFrom('vehicle_points')
    .select(['at', 'lng', 'lat'])
    .where('vehicle_id', '=', vehicleId)
    .where('at', '<', at)
    .where('flag', '=', 'ok')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const track = (db: Executor, tenantId: string, vehicleId: string, from: string, to: string, limit: number) =>
  db
    .selectFrom('vehicle_points')
    .select(['at', 'lng', 'lat', 'speed_kmh', 'heading_deg', 'flag'])
    .where('vehicle_id', '=', vehicleId)
    .where('tenant_id', '=', tenantId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .limit(limit)
    .execute();

/** Points of the day of every vehicle of the tenant, in vehicle and time order. */
export const dayPoints = (db: Executor, tenantId: string, vehicleIds: readonly string[], from: string, to: string) =>
  vehicleIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('vehicle_points')
        .select(['vehicle_id', 'at', 'lng', 'lat', 'speed_kmh', 'heading_deg'])
        .where('vehicle_id', 'in', vehicleIds)
        .where('at', '>=', from)
        .where('at', '<', to)
        .where('flag', '=', 'ok')
        .orderBy('vehicle_id')
        .orderBy('at')
        .execute();

export async function replaceCoverage(
  db: Executor,
  tenantId: string,
  day: string,
  rows: readonly Insertable<VehicleCoverageTable>[],
) {
  await db.deleteFrom('vehicle_coverage').where('tenant_id', '=', tenantId).where('day', '=', day).execute();
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('vehicle_coverage')
      .values(rows.slice(i, i + 100))
      .execute();
}

export const coverageOfDay = (db: Executor, tenantId: string, day: string, kind: string | undefined) => {
  let q = db.selectFrom('vehicle_coverage').selectAll().where('tenant_id', '=', tenantId).where('day', '=', day);
  if (kind) q = q.where('kind', '=', kind as VehicleCoverageTable['kind']);
  return q.orderBy('kind').orderBy('road').execute();
};

// ---- leads

export const leadOf = (db: Executor, tenantId: string, vehicleId: string, kind: string, day: string) =>
  db
    .selectFrom('vehicle_leads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('vehicle_id', '=', vehicleId)
    .where('kind', '=', kind as VehicleLeadsTable['kind'])
    .where('day', '=', day)
    .executeTakeFirst();

export const findLead = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('vehicle_leads as l')
    .innerJoin('vehicles as v', 'v.id', 'l.vehicle_id')
    .selectAll('l')
    .select('v.plate')
    .where('l.tenant_id', '=', tenantId)
    .where('l.id', '=', id)
    .executeTakeFirst();

export const insertLead = (db: Executor, row: Insertable<VehicleLeadsTable>) =>
  db.insertInto('vehicle_leads').values(row).execute();

export async function updateLead(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Updateable<VehicleLeadsTable>,
): Promise<boolean> {
  return updateVersioned(db, 'vehicle_leads', { tenantId, id, version }, patch);
}

export async function listLeads(
  db: Executor,
  tenantId: string,
  f: { state?: string | undefined; kind?: string | undefined; vehicleId?: string | undefined; q?: string | undefined },
  w: SortedWindow<'started_at' | 'day'>,
) {
  let q = db
    .selectFrom('vehicle_leads as l')
    .innerJoin('vehicles as v', 'v.id', 'l.vehicle_id')
    .where('l.tenant_id', '=', tenantId);
  if (f.state) q = q.where('l.state', '=', f.state as VehicleLeadsTable['state']);
  if (f.kind) q = q.where('l.kind', '=', f.kind as VehicleLeadsTable['kind']);
  if (f.vehicleId) q = q.where('l.vehicle_id', '=', f.vehicleId);
  if (f.q) q = q.where(containsAny(['v.plate'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('l')
        .select('v.plate')
        .orderBy(sql.ref(`l.${w.sort}`), w.order)
        .orderBy('l.id', w.order),
    w,
  );
}
