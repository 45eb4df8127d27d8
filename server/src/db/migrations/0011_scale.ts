import type { Kysely } from 'kysely';

/**
 * Scale (issue 7): indexes for the inbox shapes the bench showed sorting or counting hundreds of thousands of rows,
 * and the history of scheduled-job runs (the proof that N instances run each job once per interval).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // 已结案 archive newest first rides cases_closed (tenant_id, closed_at), created by 0010_kpi: closed_at is set
  // exactly on closed and voided cases.
  // 超期 list: every open step whose deadline has passed, in deadline order.
  await db.schema.createIndex('cases_deadline').on('cases').columns(['tenant_id', 'step_deadline']).execute();
  // 我的任务 (mine=true): the task user (verify/check) or the handler.
  await db.schema.createIndex('cases_task_user').on('cases').columns(['tenant_id', 'task_user_id', 'status']).execute();
  await db.schema.createIndex('cases_handler').on('cases').columns(['tenant_id', 'handler_id', 'status']).execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_name_time').on('job_runs').columns(['name', 'started_at']).execute();
}
