import { sql } from 'kysely';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { GridsTable, RegionsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries for geography (tenant boundary, region polygons, unit grids); every one is scoped by tenant. */

/** Rows per multi-row INSERT: 14 columns × 500 stays far below SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 500;

export async function tenantGeo(db: Executor, tenantId: string) {
  return db.selectFrom('tenants')
    .select(['id', 'code', 'name', 'geometry', 'boundary_synthetic', 'geo_version', 'timezone'])
    .where('id', '=', tenantId).executeTakeFirst();
}

/** A primary-key read on every lookup: cheap enough to keep each process's in-memory index honest. */
export async function geoVersion(db: Executor, tenantId: string): Promise<number | null> {
  const row = await db.selectFrom('tenants').select('geo_version').where('id', '=', tenantId).executeTakeFirst();
  return row ? Number(row.geo_version) : null;
}

/** Called in the transaction of every geography write, so other processes rebuild their locator after commit. */
export async function bumpGeoVersion(db: Executor, tenantId: string): Promise<void> {
  await db.updateTable('tenants').set((eb) => ({ geo_version: eb('geo_version', '+', 1) })).where('id', '=', tenantId).execute();
}

export async function updateTenantBoundary(db: Executor, tenantId: string, patch: { geometry: string; min_lng: number; min_lat: number; max_lng: number; max_lat: number; boundary_synthetic: number; updated_at: string }) {
  await db.updateTable('tenants').set(patch).where('id', '=', tenantId).execute();
}

const REGION_COLUMNS = ['id', 'parent_id', 'kind', 'code', 'full_code', 'name', 'path', 'synthetic'] as const;

/** Every region without its polygon: imports resolve parents and upserts by full code from this. */
export async function allRegions(db: Executor, tenantId: string) {
  return db.selectFrom('regions').select(REGION_COLUMNS).where('tenant_id', '=', tenantId).execute();
}

export async function regionById(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('regions').select([...REGION_COLUMNS, 'geometry']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Regions of the given kinds that have a polygon, in code order (map layers, locator). */
export async function regionShapes(db: Executor, tenantId: string, kinds: readonly string[]) {
  return db.selectFrom('regions').select([...REGION_COLUMNS, 'geometry'])
    .where('tenant_id', '=', tenantId).where('kind', 'in', kinds).where('geometry', 'is not', null)
    .orderBy('full_code').execute();
}

/** Region polygons by full code, for the audit `before` of an import. */
export async function regionShapesByCode(db: Executor, tenantId: string, fullCodes: readonly string[]) {
  if (fullCodes.length === 0) return [];
  return db.selectFrom('regions').select([...REGION_COLUMNS, 'geometry']).where('tenant_id', '=', tenantId).where('full_code', 'in', fullCodes).execute();
}

export async function insertRegions(db: Executor, rows: RegionsTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('regions').values(rows.slice(i, i + CHUNK)).execute();
}

export async function updateRegionShape(db: Executor, tenantId: string, id: string, patch: Partial<RegionsTable>) {
  await db.updateTable('regions').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Grid polygons for the locator (code carries community and street). */
export async function gridShapes(db: Executor, tenantId: string, communityIds?: readonly string[]) {
  let q = db.selectFrom('grids').select(['code', 'geometry']).where('tenant_id', '=', tenantId);
  if (communityIds) q = communityIds.length ? q.where('community_id', 'in', communityIds) : q.where('id', '=', '');
  return q.orderBy('code').execute();
}

/** Grids for the map, with their community's name; `bbox` keeps those whose bbox meets it. */
export async function gridFeatures(db: Executor, tenantId: string, bbox?: Bbox) {
  let q = db.selectFrom('grids as g').innerJoin('regions as c', 'c.id', 'g.community_id')
    .select(['g.id', 'g.code', 'g.geometry', 'g.synthetic', 'g.area_m2', 'c.name as community_name'])
    .where('g.tenant_id', '=', tenantId);
  if (bbox) {
    q = q.where('g.max_lng', '>=', bbox[0]).where('g.min_lng', '<=', bbox[2]).where('g.max_lat', '>=', bbox[1]).where('g.min_lat', '<=', bbox[3]);
  }
  return q.orderBy('g.code').execute();
}

export async function gridsByCode(db: Executor, tenantId: string) {
  return db.selectFrom('grids').select(['id', 'code', 'community_id', 'min_lng', 'min_lat', 'max_lng', 'max_lat', 'area_m2'])
    .where('tenant_id', '=', tenantId).execute();
}

export async function gridsOfCommunity(db: Executor, tenantId: string, communityId: string) {
  return db.selectFrom('grids').select(['id', 'code', 'area_m2']).where('tenant_id', '=', tenantId).where('community_id', '=', communityId).orderBy('code').execute();
}

export async function deleteGridsOfCommunity(db: Executor, tenantId: string, communityId: string) {
  await db.deleteFrom('grids').where('tenant_id', '=', tenantId).where('community_id', '=', communityId).execute();
}

export async function insertGrids(db: Executor, rows: GridsTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('grids').values(rows.slice(i, i + CHUNK)).execute();
}

export async function updateGrid(db: Executor, tenantId: string, id: string, patch: Partial<GridsTable>) {
  await db.updateTable('grids').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

// ---- components that sit in re-drawn grids. The component module depends on this one (to locate points), so
// moving its rows when grids change is done here rather than by a call back into it.

export async function componentsInCommunities(db: Executor, tenantId: string, communityIds: readonly string[]) {
  if (communityIds.length === 0) return [];
  return db.selectFrom('components').select(['id', 'lng', 'lat', 'grid_code'])
    .where('tenant_id', '=', tenantId).where('community_id', 'in', communityIds).execute();
}

/** One UPDATE per target grid: at most 999 per community (the 3-digit serial), never one per component. */
export async function setComponentGrids(db: Executor, tenantId: string, moves: ReadonlyMap<string | null, string[]>) {
  for (const [gridCode, ids] of moves) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db.updateTable('components').set({ grid_code: gridCode })
        .where('tenant_id', '=', tenantId).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    }
  }
}

export async function countGrids(db: Executor, tenantId: string): Promise<number> {
  const row = await db.selectFrom('grids').select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.n);
}
