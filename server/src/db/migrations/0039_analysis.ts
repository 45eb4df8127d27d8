import { sql, type Kysely } from 'kysely';

/**
 * Analysis (docs/analysis.md). The case facts learn where and what a case is (matter, local hour of the report,
 * component and its type, position): the roll-up gains the dimensions 'matter', 'hour' and 'ctype', and repeat
 * hotspots read the positions of a short window of facts. Every case is queued again so that the drainer fills
 * the new columns and dimensions; a fact written before this migration holds NULL there, so its old contribution
 * to the new dimensions is nothing and the recomputation adds exactly the new one.
 * 源头治理 tasks are records of their own, one open task per place or component at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('kpi_case_facts').addColumn('matter_code', 'text').execute();
  await db.schema.alterTable('kpi_case_facts').addColumn('report_hour', 'text').execute();
  await db.schema.alterTable('kpi_case_facts').addColumn('component_code', 'text').execute();
  await db.schema.alterTable('kpi_case_facts').addColumn('component_type', 'text').execute();
  await db.schema.alterTable('kpi_case_facts').addColumn('lng', 'double precision').execute();
  await db.schema.alterTable('kpi_case_facts').addColumn('lat', 'double precision').execute();
  await sql`insert into kpi_dirty (case_id, tenant_id, mark) select id, tenant_id, 'analysis' from cases where true
    on conflict (case_id) do update set mark = excluded.mark`.execute(db);

  await db.schema
    .createTable('governance_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('task_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('place', 'component')`))
    /** the place's cell key or the component id: one unfinished task per (tenant, kind, key) */
    .addColumn('hotspot_key', 'text', (c) => c.notNull())
    .addColumn('component_code', 'text')
    .addColumn('matter_code', 'text')
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('case_count', 'integer', (c) => c.notNull())
    .addColumn('case_ids_json', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'assigned', 'done', 'dismissed')`))
    .addColumn('assignee_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('governance_tasks_list').on('governance_tasks').columns(['tenant_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('governance_tasks_key').on('governance_tasks').columns(['tenant_id', 'kind', 'hotspot_key', 'status']).execute();
  await db.schema.createIndex('governance_tasks_no').on('governance_tasks').columns(['tenant_id', 'task_no']).unique().execute();
}
