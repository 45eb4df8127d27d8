import { sql, type Kysely } from 'kysely';

/**
 * Three additions to the supervision centre (docs/monitor.md, docs/caller-popup.md):
 * - the KPI roll-up gains the dimension `grid_reporter` (filed cases per grid and staff reporter), back-filled here
 *   from the stored facts, so the per-inspector 漏报 is read from day rows and never from the cases;
 * - 专项普查: a census campaign, its grid tasks and the inspectors' records per component;
 * - 来电弹屏: the call centre's HMAC secret per tenant (encrypted) and the calls it announced, and indexes that find a
 *   caller's cases and hotline orders by phone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into kpi_daily (tenant_id, dim, day, dim_id, filed)
    select tenant_id, 'grid_reporter', filed_day, grid_code || '/' || reporter_id, sum(filed)
    from kpi_case_facts
    where filed > 0 and grid_code is not null and reporter_id is not null and filed_day is not null
    group by tenant_id, filed_day, grid_code, reporter_id`.execute(db);

  await db.schema
    .createTable('census_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('region_ids_json', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('census_campaigns_tenant').on('census_campaigns').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('census_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('census_campaigns.id'))
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text')
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addUniqueConstraint('census_tasks_grid', ['campaign_id', 'grid_code'])
    .execute();
  await db.schema.createIndex('census_tasks_inspector').on('census_tasks').columns(['tenant_id', 'inspector_id']).execute();

  await db.schema
    .createTable('census_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('census_tasks.id'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok', 'damaged', 'missing', 'new')`))
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('census_records_component', ['task_id', 'component_code'])
    .execute();

  await db.schema
    .createTable('call_centre_secrets')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('secret_hint', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hotline_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('caller_phone', 'text', (c) => c.notNull())
    .addColumn('line', 'text')
    .addColumn('called_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hotline_calls_call', ['tenant_id', 'call_id'])
    .execute();
  await db.schema.createIndex('cases_reporter_phone').on('cases').columns(['tenant_id', 'reporter_phone']).execute();
  await db.schema
    .createIndex('hotline_orders_requester_phone')
    .on('hotline_orders')
    .columns(['tenant_id', 'requester_phone'])
    .execute();
}
