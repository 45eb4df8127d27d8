import { sql, type Kysely } from 'kysely';

/**
 * The tenant gazetteer (docs/gazetteer.md): roads (lines), points of interest and house-number ranges, for finding a
 * place by name without GPS. Communities and streets are not copied here: they stay the org module's regions.
 * `gazetteer_keys` holds every searchable substring of a place's name, full pinyin and pinyin initials (bounded
 * length), so a search is one equality lookup on (tenant_id, key) on either database, with no collation or
 * extension needed and never a scan of the places.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gazetteer_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('road', 'poi', 'house_range')`))
    // the upsert key of imports: road:<name>, poi:<name>, house:<road>:<from>-<to>
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // house ranges: the road they number, and the numbers they cover
    .addColumn('road_name', 'text')
    .addColumn('num_from', 'integer')
    .addColumn('num_to', 'integer')
    .addColumn('parity', 'text', (c) => c.notNull().defaultTo('all').check(sql`parity in ('all', 'odd', 'even')`))
    // GeoJSON Point or LineString, WGS84
    .addColumn('geometry', 'text', (c) => c.notNull())
    // the point a search answers with (a road's middle, a POI itself)
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('min_lng', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lng', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gazetteer_places_ref').on('gazetteer_places').columns(['tenant_id', 'ref']).unique().execute();
  await db.schema
    .createIndex('gazetteer_places_road')
    .on('gazetteer_places')
    .columns(['tenant_id', 'road_name', 'num_from'])
    .execute();
  await db.schema
    .createTable('gazetteer_keys')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('gazetteer_places.id').onDelete('cascade'))
    // 0 when the key starts the name (a prefix match ranks before an infix one)
    .addColumn('pos', 'integer', (c) => c.notNull())
    // 1 when the key is the whole name, pinyin or initials (an exact match ranks first)
    .addColumn('whole', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gazetteer_keys_lookup').on('gazetteer_keys').columns(['tenant_id', 'key']).execute();
  await db.schema.createIndex('gazetteer_keys_place').on('gazetteer_keys').columns(['place_id']).execute();
}
