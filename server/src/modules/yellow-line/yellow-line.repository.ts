import { sql } from 'kysely';
import type { YlInspectionsTable, YlZonesTable } from '../../db/schema-yellow-line.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow as Window } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 文明黄线 tables; every one is scoped by tenant. */

export interface ZoneFilter {
  q?: string | undefined;
  holderKind?: string | undefined;
  status?: string | undefined;
  expiringBy?: string | undefined;
}

export async function listZones(
  db: Executor,
  tenantId: string,
  f: ZoneFilter,
  w: Window<'updated_at' | 'zone_no' | 'holder_name' | 'valid_to' | 'warnings'>,
) {
  let q = db.selectFrom('yl_zones as z').where('z.tenant_id', '=', tenantId);
  if (f.holderKind) q = q.where('z.holder_kind', '=', f.holderKind as YlZonesTable['holder_kind']);
  if (f.status) q = q.where('z.status', '=', f.status as YlZonesTable['status']);
  if (f.expiringBy) q = q.where('z.valid_to', '<=', f.expiringBy);
  if (f.q) q = q.where(containsAny(['z.zone_no', 'z.holder_name', 'z.address', 'z.goods'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('z')
        .orderBy(sql.ref(`z.${w.sort}`), w.order)
        .orderBy('z.id', w.order),
    w,
  );
}

export const findZone = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('yl_zones').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const zoneOfApproval = (db: Executor, tenantId: string, approvalId: string) =>
  db
    .selectFrom('yl_zones')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();

/** Zones of other holders whose box meets `box`, still in force on `today` (not revoked, not expired). */
export const neighbours = (
  db: Executor,
  tenantId: string,
  box: { minLng: number; minLat: number; maxLng: number; maxLat: number },
  holderKey: string,
  today: string,
  except: string | null,
) => {
  let q = db
    .selectFrom('yl_zones')
    .select(['id', 'zone_no', 'holder_name', 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('min_lng', '<=', box.maxLng)
    .where('max_lng', '>=', box.minLng)
    .where('min_lat', '<=', box.maxLat)
    .where('max_lat', '>=', box.minLat)
    .where('holder_key', '!=', holderKey)
    .where('status', '!=', 'revoked')
    .where('valid_to', '>=', today);
  if (except) q = q.where('id', '!=', except);
  return q.limit(200).execute();
};

export async function insertZones(db: Executor, rows: YlZonesTable[]) {
  for (let i = 0; i < rows.length; i += 25)
    await db
      .insertInto('yl_zones')
      .values(rows.slice(i, i + 25))
      .execute();
}

export async function updateZone(db: Executor, tenantId: string, id: string, patch: Partial<YlZonesTable>) {
  await db.updateTable('yl_zones').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The highest HX-number so far; numbers are HX- and four or more digits. */
export async function lastZoneNo(db: Executor, tenantId: string): Promise<number> {
  const rows = await db
    .selectFrom('yl_zones')
    .select('zone_no')
    .where('tenant_id', '=', tenantId)
    .orderBy(sql`length(zone_no)`, 'desc')
    .orderBy('zone_no', 'desc')
    .limit(1)
    .execute();
  return rows[0] ? Number(rows[0].zone_no.replace(/^HX-/, '')) || 0 : 0;
}

export const inspectionsOf = (db: Executor, tenantId: string, zoneId: string) =>
  db
    .selectFrom('yl_inspections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('zone_id', '=', zoneId)
    .orderBy('inspected_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();

export async function insertInspections(db: Executor, rows: YlInspectionsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('yl_inspections')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** Zones in force on `day` by holder kind. */
export const inForce = (db: Executor, tenantId: string, day: string) =>
  db
    .selectFrom('yl_zones')
    .select(['holder_kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('valid_from', '<=', day)
    .where('valid_to', '>=', day)
    .groupBy('holder_kind')
    .execute();

/** Inspections in [from, to] by result and action. */
export const inspectionCounts = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('yl_inspections')
    .select(['result', 'action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('inspected_on', '>=', from)
    .where('inspected_on', '<=', to)
    .groupBy(['result', 'action'])
    .execute();

/** The public map: zones in force on `day`, at most `limit`. */
export const publicZones = (db: Executor, tenantId: string, day: string, limit: number) =>
  db
    .selectFrom('yl_zones')
    .select([
      'zone_no',
      'holder_kind',
      'holder_name',
      'geometry',
      'lng',
      'lat',
      'goods',
      'hours_from',
      'hours_to',
      'valid_from',
      'valid_to',
    ])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('valid_from', '<=', day)
    .where('valid_to', '>=', day)
    .orderBy('zone_no')
    .limit(limit)
    .execute();

export const hasZones = async (db: Executor, tenantId: string) =>
  !!(await db.selectFrom('yl_zones').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst());

/** Every zone of the tenant for the console map (light columns), at most `limit`. */
export const mapZones = (db: Executor, tenantId: string, limit: number) =>
  db
    .selectFrom('yl_zones')
    .select(['id', 'zone_no', 'holder_kind', 'holder_name', 'geometry', 'status', 'valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .orderBy('zone_no')
    .limit(limit)
    .execute();

export const hasInspection = async (db: Executor, tenantId: string, id: string) =>
  !!(await db
    .selectFrom('yl_inspections')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst());
