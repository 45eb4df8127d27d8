import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

/**
 * A 养护工单 may come from a failed inspection item and may belong to a project (docs/inspections.md): both links are
 * kept on the order, the inspection's so the order's page leads back to it and the inspection shows its orders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('asset_work_orders')
    .addColumn('inspection_id', 'text', (c) => c.references('asset_inspections.id'))
    .execute();
  await db.schema.alterTable('asset_work_orders').addColumn('project_id', 'text').execute();
  // the assessment counts a contractor's overdue orders by their deadline in the month
  await db.schema
    .createIndex('asset_work_orders_unit_due')
    .on('asset_work_orders')
    .columns(['tenant_id', 'unit_id', 'due_at'])
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`analyze asset_work_orders`.execute(db);
}
