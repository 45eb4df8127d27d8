import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

const sqlIn = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * 巡检 and 服务外包考核 on the registers (docs/inspections.md): a plan per asset type with its checklist and
 * schedule, the inspections the schedule generates per asset and due date (one row per plan, asset and date, so the
 * sweep that generates them can run again), and the contracts a contractor is scored against each month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_inspection_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull().references('asset_types.id'))
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('schedule_kind', 'text', (c) =>
      c.notNull().check(sqlIn('schedule_kind', ['daily', 'weekly', 'monthly', 'seasonal', 'flood'])),
    )
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('inspector_id', 'text', (c) => c.references('users.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asset_inspection_plans_type')
    .on('asset_inspection_plans')
    .columns(['tenant_id', 'type_id'])
    .execute();

  await db.schema
    .createTable('asset_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('asset_inspection_plans.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('inspector_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['due', 'done'])))
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull().check(sql`failed_count >= 0`))
    .addColumn('note', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_inspections_once', ['plan_id', 'asset_id', 'due_date'])
    .execute();
  // the inspector's list and the console's list by due date; the assessment's failed items by completion time
  await db.schema
    .createIndex('asset_inspections_due')
    .on('asset_inspections')
    .columns(['tenant_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('asset_inspections_done')
    .on('asset_inspections')
    .columns(['tenant_id', 'done_at'])
    .execute();

  await db.schema
    .createTable('asset_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('contract_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('region_ids', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('base_score', 'integer', (c) => c.notNull().check(sql`base_score > 0`))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_contracts_no', ['tenant_id', 'contract_no'])
    .execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`analyze asset_inspections`.execute(db);
}
