import { sql } from 'kysely';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { GridsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { orgReadModel } from '../org/index.ts';

/**
 * Kysely queries for the unit grids; every one is scoped by tenant. The tenant boundary and region polygons live
 * in org's rows and are read and written through org's `orgGeography` (docs/architecture.md, "Table ownership").
 */

/** Rows per multi-row INSERT: 14 columns × 500 stays far below SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 500;

/** Grid polygons for the locator (code carries community and street). */
export async function gridShapes(db: Executor, tenantId: string, communityIds?: readonly string[]) {
  let q = db.selectFrom('grids').select(['code', 'geometry']).where('tenant_id', '=', tenantId);
  if (communityIds) q = communityIds.length ? q.where('community_id', 'in', communityIds) : q.where('id', '=', '');
  return q.orderBy('code').execute();
}

/** Grids for the map, with their community's name; `bbox` keeps those whose bbox meets it. */
export async function gridFeatures(db: Executor, tenantId: string, bbox?: Bbox) {
  let q = db
    .selectFrom('grids as g')
    .$call((q) => orgReadModel.innerJoinRegions(q, 'c', { id: 'g.community_id' }))
    .select(['g.id', 'g.code', 'g.geometry', 'g.synthetic', 'g.area_m2', 'c.name as community_name'])
    .where('g.tenant_id', '=', tenantId);
  if (bbox) {
    q = q
      .where('g.max_lng', '>=', bbox[0])
      .where('g.min_lng', '<=', bbox[2])
      .where('g.max_lat', '>=', bbox[1])
      .where('g.min_lat', '<=', bbox[3]);
  }
  return q.orderBy('g.code').execute();
}

export async function gridsByCode(db: Executor, tenantId: string) {
  return db
    .selectFrom('grids')
    .select(['id', 'code', 'community_id', 'min_lng', 'min_lat', 'max_lng', 'max_lat', 'area_m2'])
    .where('tenant_id', '=', tenantId)
    .execute();
}

export async function gridsOfCommunity(db: Executor, tenantId: string, communityId: string) {
  return db
    .selectFrom('grids')
    .select(['id', 'code', 'area_m2'])
    .where('tenant_id', '=', tenantId)
    .where('community_id', '=', communityId)
    .orderBy('code')
    .execute();
}

export async function deleteGridsOfCommunity(db: Executor, tenantId: string, communityId: string) {
  await db.deleteFrom('grids').where('tenant_id', '=', tenantId).where('community_id', '=', communityId).execute();
}

export async function insertGrids(db: Executor, rows: GridsTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('grids')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function updateGrid(db: Executor, tenantId: string, id: string, patch: Partial<GridsTable>) {
  await db.updateTable('grids').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function countGrids(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('grids')
    .select(sql<number>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Grids whose street or community is the region (org refuses to delete a region still in use). */
export async function gridsInRegion(db: Executor, tenantId: string, regionId: string): Promise<number> {
  const row = await db
    .selectFrom('grids')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('community_id', '=', regionId), eb('street_id', '=', regionId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every grid of a tenant with its outline and places, for seeds that put cases inside grids (the demo history). */
export async function gridOutlines(db: Executor, tenantId: string) {
  return db
    .selectFrom('grids')
    .select(['code', 'community_id', 'street_id', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}
