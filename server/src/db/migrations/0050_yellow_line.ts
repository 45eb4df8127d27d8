import { sql, type Kysely } from 'kysely';

/**
 * 文明黄线 (docs/yellow-line.md): zones (a line or polygon, the holder, goods, hours and the permit's validity, with
 * the bounding box the overlap check reads through an index) and their inspections with the action each led to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('yl_zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('zone_no', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) => c.notNull().check(sqlIn('holder_kind', ['shop', 'stall'])))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_key', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_lng', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lng', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('goods', 'text', (c) => c.notNull())
    .addColumn('hours_from', 'text', (c) => c.notNull())
    .addColumn('hours_to', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'suspended', 'revoked'])))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approval_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('yl_zones_no', ['tenant_id', 'zone_no'])
    // one permit per approval decision: a retried call finds the first
    .addUniqueConstraint('yl_zones_approval', ['tenant_id', 'approval_id'])
    .addCheckConstraint('yl_zones_dates', sql`valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('yl_zones_list').on('yl_zones').columns(['tenant_id', 'updated_at']).execute();
  await db.schema.createIndex('yl_zones_bbox').on('yl_zones').columns(['tenant_id', 'min_lng', 'max_lng']).execute();
  await db.schema.createIndex('yl_zones_valid').on('yl_zones').columns(['tenant_id', 'status', 'valid_to']).execute();
  await db.schema.createIndex('yl_zones_holder').on('yl_zones').columns(['tenant_id', 'holder_key']).execute();

  await db.schema
    .createTable('yl_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('yl_zones.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sqlIn('result', ['pass', 'fail'])))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sqlIn('action', ['none', 'warning', 'suspended', 'revoked'])),
    )
    .addColumn('note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('yl_inspections_zone')
    .on('yl_inspections')
    .columns(['zone_id', 'inspected_on'])
    .execute();
  await db.schema
    .createIndex('yl_inspections_period')
    .on('yl_inspections')
    .columns(['tenant_id', 'inspected_on'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
