import { sql, type Kysely } from 'kysely';

/**
 * The city's data model (issue 3): national catalog per tenant with local extensions, 立结案标准 (filing
 * conditions), work calendar and settings, geography (region polygons, unit grids) and the component registry.
 * Polygons are GeoJSON text with bbox columns; point → grid goes through the in-process spatial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('component', 'matter')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('old_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('major_code', 'text', (c) => c.notNull())
    .addColumn('major_name', 'text', (c) => c.notNull())
    .addColumn('pinyin', 'text', (c) => c.notNull())
    .addColumn('initials', 'text', (c) => c.notNull())
    .addColumn('local', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_entries_tenant_code', ['tenant_id', 'code'])
    .execute();
  await db.schema.createIndex('catalog_entries_tenant_kind_major').on('catalog_entries').columns(['tenant_id', 'kind', 'major_code']).execute();

  await db.schema
    .createTable('filing_conditions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('limit_value', 'real', (c) => c.notNull().check(sql`limit_value > 0`))
    .addColumn('limit_unit', 'text', (c) => c.notNull().check(sql`limit_unit in ('emergency_hours', 'work_hours', 'work_days', 'calendar_days')`))
    .addColumn('closing_condition', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('filing_conditions_tenant_matter').on('filing_conditions').columns(['tenant_id', 'matter_code', 'seq']).execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_days_pk', ['tenant_id', 'date'])
    .execute();

  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tenant_settings_pk', ['tenant_id', 'key'])
    .execute();

  for (const table of ['tenants', 'regions'] as const) {
    await db.schema.alterTable(table).addColumn('geometry', 'text').execute();
    for (const col of ['min_lng', 'min_lat', 'max_lng', 'max_lat']) await db.schema.alterTable(table).addColumn(col, 'real').execute();
  }

  await db.schema
    .createTable('grids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lng', 'real', (c) => c.notNull())
    .addColumn('min_lat', 'real', (c) => c.notNull())
    .addColumn('max_lng', 'real', (c) => c.notNull())
    .addColumn('max_lat', 'real', (c) => c.notNull())
    .addColumn('area_m2', 'real', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grids_tenant_code', ['tenant_id', 'code'])
    .execute();
  await db.schema.createIndex('grids_tenant_community').on('grids').columns(['tenant_id', 'community_id']).execute();

  await db.schema
    .createTable('components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('intact', 'damaged', 'lost', 'abandoned', 'removed')`))
    .addColumn('dept_name', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text')
    .addColumn('maintainer_name', 'text')
    .addColumn('grid_code', 'text')
    .addColumn('street_id', 'text', (c) => c.references('regions.id'))
    .addColumn('community_id', 'text', (c) => c.references('regions.id'))
    .addColumn('lng', 'real', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('initial_date', 'text', (c) => c.notNull())
    .addColumn('change_date', 'text')
    .addColumn('source', 'text')
    .addColumn('notes', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('components_tenant_code', ['tenant_id', 'code'])
    .execute();
  await db.schema.createIndex('components_tenant_class').on('components').columns(['tenant_id', 'class_code']).execute();
  await db.schema.createIndex('components_tenant_grid').on('components').columns(['tenant_id', 'grid_code']).execute();
  await db.schema.createIndex('components_tenant_lng_lat').on('components').columns(['tenant_id', 'lng', 'lat']).execute();
}
