import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { RegionsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * The geographic columns of org's tenants and regions (boundary, polygons, the geography version), for the geo
 * module: org owns the rows, geo computes and validates the shapes and writes them through these functions in its
 * own transaction (docs/architecture.md, "Table ownership"). Every query is scoped by tenant.
 */

/** Rows per multi-row INSERT: 14 columns × 500 stays far below SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 500;

export async function tenantGeo(db: Executor, tenantId: string) {
  return db
    .selectFrom('tenants')
    .select(['id', 'code', 'name', 'geometry', 'boundary_synthetic', 'geo_version', 'timezone'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

/** A primary-key read on every lookup: cheap enough to keep each process's in-memory index honest. */
export async function geoVersion(db: Executor, tenantId: string): Promise<number | null> {
  const row = await geoVersionRow.first(db, { tenantId });
  return row ? Number(row.geo_version) : null;
}
// Compiled once: every point located reads it (platform/compiled-statements.ts).
const geoVersionRow = compiledStatement((db, p: { tenantId: string }) =>
  db.selectFrom('tenants').select('geo_version').where('id', '=', p.tenantId),
);

/** Called in the transaction of every geography write, so other processes rebuild their locator after commit. */
export async function bumpGeoVersion(db: Executor, tenantId: string): Promise<void> {
  await db
    .updateTable('tenants')
    .set((eb) => ({ geo_version: eb('geo_version', '+', 1) }))
    .where('id', '=', tenantId)
    .execute();
}

export async function updateTenantBoundary(
  db: Executor,
  tenantId: string,
  patch: {
    geometry: string;
    min_lng: number;
    min_lat: number;
    max_lng: number;
    max_lat: number;
    boundary_synthetic: number;
    updated_at: string;
  },
) {
  await db.updateTable('tenants').set(patch).where('id', '=', tenantId).execute();
}

const REGION_COLUMNS = ['id', 'parent_id', 'kind', 'code', 'full_code', 'name', 'path', 'synthetic'] as const;

/** Every region without its polygon: imports resolve parents and upserts by full code from this. */
export async function allRegions(db: Executor, tenantId: string) {
  return db.selectFrom('regions').select(REGION_COLUMNS).where('tenant_id', '=', tenantId).execute();
}

export async function regionById(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('regions')
    .select([...REGION_COLUMNS, 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Regions of the given kinds that have a polygon, in code order (map layers, locator). */
export async function regionShapes(db: Executor, tenantId: string, kinds: readonly string[]) {
  return db
    .selectFrom('regions')
    .select([...REGION_COLUMNS, 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('kind', 'in', kinds)
    .where('geometry', 'is not', null)
    .orderBy('full_code')
    .execute();
}

/** Region polygons by full code, for the audit `before` of an import. */
export async function regionShapesByCode(db: Executor, tenantId: string, fullCodes: readonly string[]) {
  if (fullCodes.length === 0) return [];
  return db
    .selectFrom('regions')
    .select([...REGION_COLUMNS, 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('full_code', 'in', fullCodes)
    .execute();
}

export async function insertRegions(db: Executor, rows: RegionsTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('regions')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function updateRegionShape(db: Executor, tenantId: string, id: string, patch: Partial<RegionsTable>) {
  await db.updateTable('regions').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
