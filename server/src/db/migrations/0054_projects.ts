import { sql, type Kysely } from 'kysely';

/**
 * 项目与资金 (docs/projects.md): projects with the funds won from each source (fen in bigint: a city's yearly total
 * passes int4's 21 million yuan), subprojects with a location and a weight, milestones with a weight, a planned date
 * and progress, and dated progress reports with evidence photos (held through the photos module). Weights are basis
 * points (10000 = 100 %); the rule that siblings never pass 100 % together is the service's, the CHECKs keep each
 * value in range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint', (c) => c.check(sql`budget_fen is null or budget_fen >= 0`))
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('projects_name', ['tenant_id', 'name'])
    .addCheckConstraint('projects_dates', sql`start_on <= end_on`)
    .execute();
  await db.schema.createIndex('projects_list').on('projects').columns(['tenant_id', 'start_on']).execute();

  await db.schema
    .createTable('project_funds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sqlIn('source', ['special_bond', 'central_budget', 'provincial', 'local', 'other'])),
    )
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('won_on', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_funds_won').on('project_funds').columns(['tenant_id', 'won_on']).execute();
  await db.schema.createIndex('project_funds_project').on('project_funds').columns(['project_id']).execute();

  await db.schema
    .createTable('project_subprojects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight_bp', 'integer', (c) => c.notNull().check(sql`weight_bp >= 0 and weight_bp <= 10000`))
    .addColumn('location', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_subprojects_name', ['project_id', 'name'])
    .execute();
  await db.schema
    .createIndex('project_subprojects_list')
    .on('project_subprojects')
    .columns(['tenant_id', 'project_id', 'name'])
    .execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('subproject_id', 'text', (c) => c.notNull().references('project_subprojects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight_bp', 'integer', (c) => c.notNull().check(sql`weight_bp >= 0 and weight_bp <= 10000`))
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('progress_pct', 'integer', (c) => c.notNull().check(sql`progress_pct >= 0 and progress_pct <= 100`))
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'project_milestones_done',
      sql`(progress_pct = 100 and completed_on is not null) or (progress_pct < 100 and completed_on is null)`,
    )
    .execute();
  await db.schema
    .createIndex('project_milestones_list')
    .on('project_milestones')
    .columns(['project_id', 'subproject_id', 'planned_on'])
    .execute();

  await db.schema
    .createTable('project_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('subproject_id', 'text', (c) => c.references('project_subprojects.id'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** the evidence photos' ids (JSON array), held for `project_report:<id>` */
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_reports_list')
    .on('project_reports')
    .columns(['project_id', 'reported_on'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
