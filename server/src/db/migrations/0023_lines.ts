import { sql, type Kysely } from 'kysely';

/**
 * 查违控违 and 户外广告 (docs/illegal-construction.md, docs/outdoor-ads.md). Areas and sizes are hundredths of a square
 * metre (integers: sums are exact on both databases); dates are YYYY-MM-DD text. `enforcement_case_id` is a plain
 * text link to an enforcement case, filled once a notice or a removal belongs to one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ic_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('complaint', 'petition', 'hotline', 'patrol', 'instruction')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('reported', 'stopped', 'demolished', 'legalised')`),
    )
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('party_name', 'text')
    .addColumn('area_hm2', 'integer', (c) => c.check(sql`area_hm2 > 0`))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('status_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ic_reports_tenant_date').on('ic_reports').columns(['tenant_id', 'reported_on']).execute();
  await db.schema.createIndex('ic_reports_tenant_status').on('ic_reports').columns(['tenant_id', 'status', 'reported_on']).execute();
  await db.schema.createIndex('ic_reports_tenant_region').on('ic_reports').columns(['tenant_id', 'region_id', 'reported_on']).execute();

  await db.schema
    .createTable('ic_stop_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('ic_reports.id'))
    .addColumn('notice_no', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('enforcement_case_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ic_stop_notices_no').on('ic_stop_notices').columns(['tenant_id', 'notice_no']).unique().execute();
  await db.schema.createIndex('ic_stop_notices_date').on('ic_stop_notices').columns(['tenant_id', 'issued_on']).execute();
  await db.schema.createIndex('ic_stop_notices_report').on('ic_stop_notices').columns(['report_id']).execute();

  await db.schema
    .createTable('ic_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('assign', 'supervise')`))
    .addColumn('letter_no', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('report_id', 'text', (c) => c.references('ic_reports.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text')
    .addColumn('reply', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ic_letters_no').on('ic_letters').columns(['tenant_id', 'letter_no']).unique().execute();
  await db.schema.createIndex('ic_letters_date').on('ic_letters').columns(['tenant_id', 'issued_on']).execute();
  await db.schema.createIndex('ic_letters_region').on('ic_letters').columns(['tenant_id', 'region_id', 'issued_on']).execute();

  await db.schema
    .createTable('ic_demolitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('report_id', 'text', (c) => c.references('ic_reports.id'))
    .addColumn('demolished_on', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('area_hm2', 'integer', (c) => c.notNull().check(sql`area_hm2 > 0`))
    .addColumn('structure', 'text', (c) =>
      c.notNull().check(sql`structure in ('brick_concrete', 'steel', 'simple', 'other')`),
    )
    .addColumn('led_by', 'text', (c) => c.notNull().check(sql`led_by in ('bureau', 'assist')`))
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull().check(sql`people > 0`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ic_demolitions_date').on('ic_demolitions').columns(['tenant_id', 'demolished_on']).execute();
  await db.schema.createIndex('ic_demolitions_region').on('ic_demolitions').columns(['tenant_id', 'region_id', 'demolished_on']).execute();

  await db.schema
    .createTable('oa_ads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('ad_type', 'text', (c) =>
      c.notNull().check(sql`ad_type in ('wall', 'high', 'road_sign', 'light_box', 'awning', 'shop_sign', 'pole', 'other')`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'removed')`))
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('geometry', 'text')
    .addColumn('size_hm2', 'integer', (c) => c.notNull().check(sql`size_hm2 > 0`))
    .addColumn('content', 'text')
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_phone', 'text')
    .addColumn('permit_no', 'text')
    .addColumn('permit_from', 'text')
    .addColumn('permit_to', 'text')
    .addColumn('last_inspected_on', 'text')
    .addColumn('last_result', 'text', (c) => c.check(sql`last_result in ('pass', 'hazard', 'fail')`))
    .addColumn('next_inspection_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oa_ads_list').on('oa_ads').columns(['tenant_id', 'status', 'ad_type', 'updated_at']).execute();
  await db.schema.createIndex('oa_ads_permit').on('oa_ads').columns(['tenant_id', 'status', 'permit_to']).execute();
  await db.schema.createIndex('oa_ads_inspection').on('oa_ads').columns(['tenant_id', 'status', 'next_inspection_on']).execute();

  await db.schema
    .createTable('oa_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('ad_id', 'text', (c) => c.notNull().references('oa_ads.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pass', 'hazard', 'fail')`))
    .addColumn('inspector', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oa_inspections_ad').on('oa_inspections').columns(['ad_id', 'inspected_on']).execute();

  await db.schema
    .createTable('oa_removals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('ad_id', 'text', (c) => c.references('oa_ads.id'))
    .addColumn('ad_type', 'text', (c) =>
      c.notNull().check(sql`ad_type in ('wall', 'high', 'road_sign', 'light_box', 'awning', 'shop_sign', 'pole', 'other')`),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('removed_on', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('voluntary', 'enforced')`))
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('enforcement_case_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oa_removals_date').on('oa_removals').columns(['tenant_id', 'removed_on']).execute();
  await db.schema.createIndex('oa_removals_ad').on('oa_removals').columns(['ad_id']).execute();
}
