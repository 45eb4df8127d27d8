import { sql, type Kysely } from 'kysely';

/**
 * 专项行动 / 四城同创 / 巡察整改 (docs/campaigns.md): campaigns with their quantity targets, tasks for handling units
 * with a deadline, the quantities units report with photo evidence, problem lists (巡察反馈, "一下三民") and their
 * items' rectification, research topics (课题), honours received and the publicity log. Quantities are integer
 * thousandths of their unit of measure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cp_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('campaign_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['special', 'creation', 'rectification'])))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'closed'])))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('description', 'text')
    /** the verb the report puts before the quantities (整治, 完成); null reads as 完成 */
    .addColumn('verb', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cp_campaigns_no', ['tenant_id', 'campaign_no'])
    .execute();
  await db.schema.createIndex('cp_campaigns_list').on('cp_campaigns').columns(['tenant_id', 'start_date']).execute();

  await db.schema
    .createTable('cp_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('target_milli', 'bigint', (c) => c.notNull().check(sql`target_milli > 0`))
    .addColumn('overrun_pct', 'integer', (c) => c.notNull().check(sql`overrun_pct >= 0 and overrun_pct <= 100`))
    .addUniqueConstraint('cp_targets_name', ['campaign_id', 'name'])
    .execute();

  await db.schema
    .createTable('cp_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('progress_pct', 'integer', (c) => c.notNull().check(sql`progress_pct >= 0 and progress_pct <= 100`))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['open', 'done'])))
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cp_tasks_list').on('cp_tasks').columns(['tenant_id', 'campaign_id', 'due_date']).execute();
  await db.schema.createIndex('cp_tasks_unit').on('cp_tasks').columns(['tenant_id', 'unit_id', 'due_date']).execute();

  await db.schema
    .createTable('cp_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('cp_campaigns.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('cp_tasks.id'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('cp_targets.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull().check(sql`quantity_milli > 0`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cp_reports_list')
    .on('cp_reports')
    .columns(['tenant_id', 'campaign_id', 'on_date'])
    .execute();
  await db.schema.createIndex('cp_reports_target').on('cp_reports').columns(['target_id']).execute();

  await db.schema
    .createTable('cp_problem_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['inspection', 'yixiaSanmin'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('batch_no', 'integer')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cp_problem_lists_list')
    .on('cp_problem_lists')
    .columns(['tenant_id', 'kind', 'issued_on'])
    .execute();

  await db.schema
    .createTable('cp_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('list_id', 'text', (c) => c.notNull().references('cp_problem_lists.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('class_name', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['open', 'rectifying', 'rectified'])))
    .addColumn('measures', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('rectified_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cp_problems_seq', ['list_id', 'seq'])
    .execute();
  await db.schema.createIndex('cp_problems_list').on('cp_problems').columns(['tenant_id', 'list_id', 'status']).execute();

  await db.schema
    .createTable('cp_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['planned', 'researching', 'concluded'])))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cp_topics_list').on('cp_topics').columns(['tenant_id', 'started_on']).execute();

  const levels = ['national', 'provincial', 'city', 'county'];
  await db.schema
    .createTable('cp_honours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sqlIn('level', levels)))
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cp_honours_list').on('cp_honours').columns(['tenant_id', 'awarded_on']).execute();

  await db.schema
    .createTable('cp_publicity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sqlIn('level', levels)))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cp_publicity_list')
    .on('cp_publicity')
    .columns(['tenant_id', 'published_on', 'level'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
