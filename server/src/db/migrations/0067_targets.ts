import { sql, type Kysely } from 'kysely';

/**
 * 目标任务 (docs/targets.md): the items of a year's 工作计划 as targets with an owner unit, a measure (a statistics
 * report figure, or a manual measure with its unit), a target value and a due date; and the progress reports of the
 * manual ones, each with a value and evidence photos (held through the photos module).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tg_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year >= 2000 and year <= 2100`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('figure', 'manual')`))
    .addColumn('figure_key', 'text')
    .addColumn('comparison', 'text', (c) => c.notNull().check(sql`comparison in ('gte', 'lte')`))
    .addColumn('measure_unit', 'text')
    .addColumn('target_value', 'double precision', (c) => c.notNull().check(sql`target_value >= 0`))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tg_targets_code', ['tenant_id', 'year', 'code'])
    .addCheckConstraint('tg_targets_measure', sql`(kind = 'figure') = (figure_key is not null)`)
    .execute();
  await db.schema.createIndex('tg_targets_unit').on('tg_targets').columns(['tenant_id', 'unit_id', 'year']).execute();

  await db.schema
    .createTable('tg_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('tg_targets.id'))
    .addColumn('value', 'double precision', (c) => c.notNull().check(sql`value >= 0`))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tg_reports_target').on('tg_reports').columns(['target_id', 'reported_on']).execute();
}
