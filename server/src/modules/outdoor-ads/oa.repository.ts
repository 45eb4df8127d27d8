import { sql, type Expression, type SqlBool } from 'kysely';
import type { OaAdsTable, OaInspectionsTable, OaRemovalsTable } from '../../db/schema-lines.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow as Window } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 户外广告 tables; every one is scoped by tenant, lists also by the caller's grants. */

export interface AdFilter {
  q?: string | undefined;
  adType?: string | undefined;
  status?: string | undefined;
  regionId?: string | undefined;
  lastResult?: string | undefined;
}

export async function listAds(
  db: Executor,
  tenantId: string,
  f: AdFilter,
  scope: Expression<SqlBool> | null,
  w: Window<'updated_at' | 'size_hm2' | 'permit_to' | 'next_inspection_on' | 'ad_type'>,
) {
  let q = db.selectFrom('oa_ads as a').where('a.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.adType) q = q.where('a.ad_type', '=', f.adType);
  if (f.status) q = q.where('a.status', '=', f.status as OaAdsTable['status']);
  if (f.regionId) q = q.where('a.region_id', '=', f.regionId);
  if (f.lastResult) q = q.where('a.last_result', '=', f.lastResult as 'pass');
  if (f.q) q = q.where(containsAny(['a.address', 'a.owner_name', 'a.content', 'a.permit_no'], f.q));
  // coalesce: SQLite sorts NULL first and PostgreSQL last; both backends must page alike.
  const key =
    w.sort === 'permit_to' || w.sort === 'next_inspection_on'
      ? sql`coalesce(${sql.ref(`a.${w.sort}`)}, '9999-12-31')`
      : sql.ref(`a.${w.sort}`);
  return pageWithTotal(q, (page) => page.selectAll('a').orderBy(key, w.order).orderBy('a.id', w.order), w);
}

export const findAd = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('oa_ads').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function insertAds(db: Executor, rows: OaAdsTable[]) {
  for (let i = 0; i < rows.length; i += 40)
    await db
      .insertInto('oa_ads')
      .values(rows.slice(i, i + 40))
      .execute();
}

export async function updateAd(db: Executor, tenantId: string, id: string, patch: Partial<OaAdsTable>) {
  await db.updateTable('oa_ads').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export const inspectionsOf = (db: Executor, tenantId: string, adId: string) =>
  db
    .selectFrom('oa_inspections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('ad_id', '=', adId)
    .orderBy('inspected_on', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();

export async function insertInspections(db: Executor, rows: OaInspectionsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('oa_inspections')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** Active ads whose permit ends or whose next inspection falls on or before `horizon` (index: status + date). */
export async function dueAds(db: Executor, tenantId: string, horizon: string, scope: Expression<SqlBool> | null) {
  let q = db
    .selectFrom('oa_ads as a')
    .selectAll('a')
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '=', 'active')
    .where((eb) => eb.or([eb('a.permit_to', '<=', horizon), eb('a.next_inspection_on', '<=', horizon)]));
  if (scope) q = q.where(scope);
  return q.orderBy('a.id').limit(2000).execute();
}

/** Active ads of the given types without a passing inspection on or after `since`. */
export async function sweepAds(
  db: Executor,
  tenantId: string,
  types: readonly string[],
  since: string,
  scope: Expression<SqlBool> | null,
) {
  let q = db
    .selectFrom('oa_ads as a')
    .selectAll('a')
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '=', 'active')
    .where('a.ad_type', 'in', types)
    .where((eb) =>
      eb.or([
        eb('a.last_inspected_on', 'is', null),
        eb('a.last_inspected_on', '<', since),
        eb('a.last_result', '!=', 'pass'),
      ]),
    );
  if (scope) q = q.where(scope);
  return q.orderBy('a.size_hm2', 'desc').orderBy('a.id').limit(2000).execute();
}

export async function listRemovals(
  db: Executor,
  tenantId: string,
  f: {
    q?: string | undefined;
    adType?: string | undefined;
    mode?: string | undefined;
    regionId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  scope: Expression<SqlBool> | null,
  w: Window<'removed_on' | 'quantity' | 'ad_type'>,
) {
  let q = db.selectFrom('oa_removals as m').where('m.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.adType) q = q.where('m.ad_type', '=', f.adType);
  if (f.mode) q = q.where('m.mode', '=', f.mode as OaRemovalsTable['mode']);
  if (f.regionId) q = q.where('m.region_id', '=', f.regionId);
  if (f.from) q = q.where('m.removed_on', '>=', f.from);
  if (f.to) q = q.where('m.removed_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['m.address', 'm.note', 'm.enforcement_case_id'], f.q));
  return pageWithTotal(q, (page) => page.selectAll('m').orderBy(`m.${w.sort}`, w.order).orderBy('m.id', w.order), w);
}

export const findRemoval = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('oa_removals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function insertRemovals(db: Executor, rows: OaRemovalsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('oa_removals')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** Signs removed between two dates, by type and mode (the report section). */
export async function removalSums(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('oa_removals')
    .select((eb) => ['ad_type', 'mode', eb.fn.sum<number>('quantity').as('n')])
    .where('tenant_id', '=', tenantId)
    .where('removed_on', '>=', from)
    .where('removed_on', '<=', to)
    .groupBy(['ad_type', 'mode'])
    .execute();
}

/** Active signs by type (the report section's inventory line). */
export async function inventoryCounts(db: Executor, tenantId: string) {
  return db
    .selectFrom('oa_ads')
    .select((eb) => ['ad_type', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .groupBy('ad_type')
    .execute();
}

export async function hasAds(db: Executor, tenantId: string): Promise<boolean> {
  return !!(await db.selectFrom('oa_ads').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst());
}

/** Signs and removals placed in a region (org refuses to delete a region still in use). */
export async function oaRowsInRegion(db: Executor, tenantId: string, regionId: string): Promise<number> {
  const counts = await Promise.all(
    (['oa_ads', 'oa_removals'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('region_id', '=', regionId)
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, row) => sum + Number(row.n), 0);
}
