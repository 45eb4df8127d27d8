import type { CensusCampaignsTable, CensusRecordsTable, CensusTasksTable } from '../../db/schema-census.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries of the census tables (docs/monitor.md, "Census campaigns"). */
export const insertCampaign = (tx: Executor, row: CensusCampaignsTable) =>
  tx.insertInto('census_campaigns').values(row).execute();

export const insertTasks = async (tx: Executor, rows: readonly CensusTasksTable[]) => {
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('census_tasks')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const campaigns = (db: Executor, tenantId: string) =>
  db
    .selectFrom('census_campaigns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .execute();

export const campaign = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('census_campaigns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

export const tasksOf = (db: Executor, tenantId: string, campaignIds: readonly string[]) =>
  campaignIds.length
    ? db
        .selectFrom('census_tasks')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('campaign_id', 'in', campaignIds)
        .orderBy('grid_code')
        .execute()
    : Promise.resolve([]);

export const tasksOfInspector = (db: Executor, tenantId: string, inspectorId: string) =>
  db
    .selectFrom('census_tasks as t')
    .innerJoin('census_campaigns as c', 'c.id', 't.campaign_id')
    .selectAll('t')
    .where('t.tenant_id', '=', tenantId)
    .where('t.inspector_id', '=', inspectorId)
    .where('c.status', '=', 'open')
    .orderBy('t.expected', 'desc')
    .orderBy('t.grid_code')
    .execute();

export const task = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('census_tasks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** Records per task and outcome. */
export const tallies = (db: Executor, tenantId: string, taskIds: readonly string[]) =>
  taskIds.length
    ? db
        .selectFrom('census_records')
        .select(['task_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', tenantId)
        .where('task_id', 'in', taskIds)
        .groupBy(['task_id', 'outcome'])
        .execute()
    : Promise.resolve([]);

export const recordsOf = (db: Executor, tenantId: string, taskId: string) =>
  db
    .selectFrom('census_records')
    .select(['component_code', 'outcome'])
    .where('tenant_id', '=', tenantId)
    .where('task_id', '=', taskId)
    .execute();

/** The last record of a component in a task stands: the earlier one is replaced. */
export async function putRecord(tx: Executor, row: CensusRecordsTable) {
  await tx
    .deleteFrom('census_records')
    .where('task_id', '=', row.task_id)
    .where('component_code', '=', row.component_code)
    .execute();
  await tx.insertInto('census_records').values(row).execute();
}

/** The responsible inspectors of grids (first by id when a grid has several). */
export const gridInspectors = (db: Executor, tenantId: string, gridCodes: readonly string[]) =>
  gridCodes.length
    ? db
        .selectFrom('inspector_grids')
        .select(['grid_code', 'inspector_id'])
        .where('tenant_id', '=', tenantId)
        .where('grid_code', 'in', gridCodes)
        .orderBy('inspector_id')
        .execute()
    : Promise.resolve([]);
