import { sql, type Kysely } from 'kysely';

/**
 * Base-data registers (docs/assets.md): asset types as tenant data with their attribute schema, the assets of every
 * line, 养护工单 on them and the daily quantities (tonnage, running hours, dredged metres, washed m²).
 * Quantities are integer thousandths; money is integer fen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) =>
      c.notNull().check(sqlIn('line', ['sanitation', 'parks', 'municipal', 'drainage', 'muck', 'gas'])),
    )
    .addColumn('geometry_kind', 'text', (c) => c.notNull().check(sqlIn('geometry_kind', ['point', 'line', 'polygon'])))
    .addColumn('attribute_schema', 'text', (c) => c.notNull())
    .addColumn('log_unit', 'text', (c) => c.check(sqlIn('log_unit', ['t', 'h', 'm', 'm2'])))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_types_code', ['tenant_id', 'code'])
    .execute();
  await db.schema.createIndex('asset_types_line').on('asset_types').columns(['tenant_id', 'line', 'code']).execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('asset_types.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'maintenance', 'retired'])))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('address', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assets_code', ['tenant_id', 'code'])
    .execute();
  // The list filters by line or type and sorts by code (the default), name or the last change.
  await db.schema.createIndex('assets_line').on('assets').columns(['tenant_id', 'line', 'code']).execute();
  await db.schema.createIndex('assets_type').on('assets').columns(['tenant_id', 'type_id', 'code']).execute();
  await db.schema.createIndex('assets_updated').on('assets').columns(['tenant_id', 'updated_at']).execute();
  await db.schema.createIndex('assets_name').on('assets').columns(['tenant_id', 'name']).execute();

  await db.schema
    .createTable('asset_work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('case_no', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['open', 'in_progress', 'done', 'accepted'])))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.check(sql`quantity_milli >= 0`))
    .addColumn('quantity_unit', 'text', (c) => c.check(sqlIn('quantity_unit', ['m2', 'm', 'unit', 't'])))
    .addColumn('cost_fen', 'bigint', (c) => c.check(sql`cost_fen >= 0`))
    .addColumn('before_photo_ids', 'text', (c) => c.notNull())
    .addColumn('after_photo_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_work_orders_no', ['tenant_id', 'order_no'])
    .execute();
  // Lists newest first, by state and deadline (overdue = open past due_at), per asset, and the report's done orders.
  await db.schema
    .createIndex('asset_work_orders_created')
    .on('asset_work_orders')
    .columns(['tenant_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('asset_work_orders_due')
    .on('asset_work_orders')
    .columns(['tenant_id', 'state', 'due_at'])
    .execute();
  await db.schema
    .createIndex('asset_work_orders_asset')
    .on('asset_work_orders')
    .columns(['tenant_id', 'asset_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('asset_work_orders_done')
    .on('asset_work_orders')
    .columns(['tenant_id', 'done_at'])
    .execute();

  await db.schema
    .createTable('asset_daily_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('log_date', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull().check(sql`quantity_milli >= 0`))
    .addColumn('unit', 'text', (c) => c.notNull().check(sqlIn('unit', ['t', 'h', 'm', 'm2'])))
    .addColumn('source', 'text', (c) => c.notNull().check(sqlIn('source', ['form', 'import'])))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_daily_logs_day', ['tenant_id', 'asset_id', 'log_date'])
    .execute();
  // The report sums a period per line; the list pages a period newest first.
  await db.schema
    .createIndex('asset_daily_logs_date')
    .on('asset_daily_logs')
    .columns(['tenant_id', 'log_date'])
    .execute();
  await db.schema
    .createIndex('asset_daily_logs_line')
    .on('asset_daily_logs')
    .columns(['tenant_id', 'line', 'log_date'])
    .execute();
  await upPhotos(db);
}

/**
 * Photos of 养护工单 are the photos module's uploads, held by the order so the sweep of unattached uploads leaves
 * them alone (photos stay one store with one set of checks: type by content, size, EXIF stripped).
 */
export async function upPhotos(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_photos').addColumn('holder', 'text').execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
