import type { Executor } from '../../platform/db.ts';

/** Kysely queries of the 地级市 view: the links from counties to their prefecture (docs/prefecture.md). */

export async function countyIds(db: Executor, prefectureTenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('prefecture_links')
    .select('county_tenant_id')
    .where('prefecture_tenant_id', '=', prefectureTenantId)
    .execute();
  return rows.map((r) => r.county_tenant_id);
}

export async function parentOf(db: Executor, countyTenantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('prefecture_links')
    .select('prefecture_tenant_id')
    .where('county_tenant_id', '=', countyTenantId)
    .executeTakeFirst();
  return row?.prefecture_tenant_id ?? null;
}

export async function setParent(
  db: Executor,
  countyTenantId: string,
  prefectureTenantId: string | null,
  linkedBy: string | null,
  now: string,
): Promise<void> {
  await db.deleteFrom('prefecture_links').where('county_tenant_id', '=', countyTenantId).execute();
  if (prefectureTenantId)
    await db
      .insertInto('prefecture_links')
      .values({
        county_tenant_id: countyTenantId,
        prefecture_tenant_id: prefectureTenantId,
        linked_by: linkedBy,
        linked_at: now,
      })
      .execute();
}
