import type { ImportJobsTable } from '../../db/schema-imports.ts';
import type { Executor } from '../../platform/db.ts';

/** Every column but the upload itself, for views and lists. */
const VIEW_COLUMNS = [
  'id',
  'tenant_id',
  'kind',
  'created_by',
  'status',
  'params',
  'payload_bytes',
  'rows_done',
  'rows_total',
  'result',
  'error_code',
  'error_status',
  'error_details',
  'attempts',
  'created_at',
  'started_at',
  'finished_at',
] as const;
export type JobRow = Pick<ImportJobsTable, (typeof VIEW_COLUMNS)[number]>;

export async function insertJob(db: Executor, row: ImportJobsTable): Promise<void> {
  await db.insertInto('import_jobs').values(row).execute();
}

export async function findJob(db: Executor, tenantId: string, id: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('import_jobs')
    .select(VIEW_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findByKey(db: Executor, tenantId: string, userId: string, kind: string, key: string) {
  return db
    .selectFrom('import_jobs')
    .select([...VIEW_COLUMNS, 'request_hash'])
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', userId)
    .where('kind', '=', kind)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function listJobs(
  db: Executor,
  tenantId: string,
  filter: { kinds: readonly string[]; status?: string | undefined },
  window: { limit: number; offset: number },
) {
  if (filter.kinds.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('import_jobs').where('tenant_id', '=', tenantId).where('kind', 'in', filter.kinds);
  if (filter.status) q = q.where('status', '=', filter.status as ImportJobsTable['status']);
  const [rows, count] = await Promise.all([
    q
      .select(VIEW_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Jobs no live runner holds: queued, or running under an expired lease (their runner died). Oldest first. */
export async function claimableIds(db: Executor, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('import_jobs')
    .select('id')
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now)])]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes the job for one runner: one conditional UPDATE, so of two runners (two instances, or the request's own start
 * and the sweep) exactly one wins; the same argument as the scheduler's lease (platform/scheduler.ts).
 */
export async function claim(db: Executor, id: string, owner: string, now: string, until: string): Promise<boolean> {
  const res = await db
    .updateTable('import_jobs')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_until: until,
      started_at: eb.fn.coalesce('started_at', eb.val(now)),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now)])]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function payloadOf(db: Executor, id: string) {
  return db
    .selectFrom('import_jobs')
    .select(['payload', 'params', 'kind', 'tenant_id', 'created_by', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Progress and a longer lease, only while this runner still holds the job. */
export async function heartbeat(
  db: Executor,
  id: string,
  owner: string,
  progress: { rowsDone: number; rowsTotal: number | null },
  until: string,
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ rows_done: progress.rowsDone, rows_total: progress.rowsTotal, lease_until: until })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export type Outcome = Pick<
  ImportJobsTable,
  'status' | 'result' | 'error_code' | 'error_status' | 'error_details' | 'rows_done' | 'rows_total' | 'finished_at'
>;

/** The end of a job: the outcome, the upload dropped, the lease released. */
export async function finish(db: Executor, id: string, owner: string, outcome: Outcome): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ ...outcome, payload: null, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

/** Ended jobs finished before `before` (their uploads are already gone; the audit trail keeps what was imported). */
export async function purgeFinished(db: Executor, before: string): Promise<number> {
  const res = await db
    .deleteFrom('import_jobs')
    .where('status', 'in', ['succeeded', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
