import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Geography and component registry, second pass (issue 3):
 * - `tenants.geo_version` is bumped in the same transaction as every change to region polygons or grids, so each
 *   app process rebuilds its in-memory point → grid index when (and only when) another process changed them;
 * - `tenants.boundary_synthetic` marks an invented demo boundary (DESIGN.md §4 Maps: never pass it off as official);
 * - components are filtered by community on the list and moved when a community's grids are regenerated;
 * - 0002 declared coordinates `real`, which PostgreSQL stores as float4: 114.123456 reads back as 114.1234589,
 *   up to 0.4 m off at Daye's longitude. SQLite's REAL is already 8 bytes, so only PostgreSQL is widened.
 */
const FLOAT_COLUMNS: Record<string, readonly string[]> = {
  tenants: ['min_lng', 'min_lat', 'max_lng', 'max_lat'],
  regions: ['min_lng', 'min_lat', 'max_lng', 'max_lat'],
  grids: ['min_lng', 'min_lat', 'max_lng', 'max_lat', 'area_m2'],
  components: ['lng', 'lat'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tenants').addColumn('geo_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tenants').addColumn('boundary_synthetic', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('components_tenant_community').on('components').columns(['tenant_id', 'community_id']).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const [table, columns] of Object.entries(FLOAT_COLUMNS)) {
      for (const column of columns) {
        await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type double precision`.execute(db);
      }
    }
  }
}
