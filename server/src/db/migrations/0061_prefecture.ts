import type { Kysely } from 'kysely';

/**
 * 地级市 view (docs/prefecture.md): the link from a county-level tenant to the prefecture-level tenant it reports to.
 * One row per county (a county reports to one prefecture); the prefecture's users read aggregates of the linked
 * counties' KPI roll-ups and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prefecture_links')
    .addColumn('county_tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('prefecture_tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    /** the county administrator who set the link (null for the demo seed) */
    .addColumn('linked_by', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prefecture_links_prefecture')
    .on('prefecture_links')
    .columns(['prefecture_tenant_id', 'county_tenant_id'])
    .execute();
}
