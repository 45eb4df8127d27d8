import type { DossierBatchesTable } from '../../db/schema-dossier.ts';
import type { Db, Executor } from '../../platform/db.ts';

const VIEW = [
  'id',
  'created_by',
  'month',
  'unit_id',
  'status',
  'cases_done',
  'cases_total',
  'file_bytes',
  'error_code',
  'error_status',
  'error_details',
  'created_at',
  'started_at',
  'finished_at',
  'expires_at',
  'downloaded_at',
] as const;
export type BatchRow = Pick<DossierBatchesTable, (typeof VIEW)[number]>;

export async function insertBatch(db: Executor, row: DossierBatchesTable): Promise<void> {
  await db.insertInto('dossier_batches').values(row).execute();
}

/** A batch is its requester's: another user's (or tenant's) is answered like a missing one. */
export async function findOwn(db: Executor, tenantId: string, userId: string, id: string) {
  return db
    .selectFrom('dossier_batches')
    .select(VIEW)
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The requester's newest batch (the card shows it again after a reload), through (tenant, creator, created). */
export async function latestOwn(db: Executor, tenantId: string, userId: string) {
  return db
    .selectFrom('dossier_batches')
    .select(VIEW)
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Batches no live runner holds: queued, or running under an expired lease (their runner died). Oldest first. */
export async function claimableIds(db: Executor, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('dossier_batches')
    .select('id')
    .where((eb) =>
      eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now)])]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** One conditional UPDATE, so of two runners exactly one takes the batch (as import jobs are claimed). */
export async function claim(db: Executor, id: string, owner: string, now: string, until: string): Promise<boolean> {
  const res = await db
    .updateTable('dossier_batches')
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

export async function workOf(db: Executor, id: string) {
  return db
    .selectFrom('dossier_batches')
    .select(['tenant_id', 'created_by', 'month', 'unit_id', 'case_ids', 'cases_done', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Writes while this runner still holds the batch; false when it lost its lease (another runner took over). */
export async function update(
  db: Executor,
  id: string,
  owner: string,
  set: Partial<DossierBatchesTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('dossier_batches')
    .set(set)
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A case's PDF and the progress in one transaction, so `cases_done` always counts the files stored. */
export async function storeCase(
  db: Db,
  id: string,
  owner: string,
  file: { seq: number; caseNo: string; pdf: Buffer },
  until: string,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const held = await update(tx, id, owner, { cases_done: file.seq + 1, lease_until: until });
    if (!held) return false;
    await tx.deleteFrom('dossier_batch_files').where('batch_id', '=', id).where('seq', '=', file.seq).execute();
    await tx
      .insertInto('dossier_batch_files')
      .values({ batch_id: id, seq: file.seq, case_no: file.caseNo, pdf: file.pdf.toString('base64') })
      .execute();
    return true;
  });
}

export async function filesOf(db: Executor, id: string) {
  return db
    .selectFrom('dossier_batch_files')
    .select(['seq', 'case_no', 'pdf'])
    .where('batch_id', '=', id)
    .orderBy('seq')
    .execute();
}

/** The one download: only the caller that turns `succeeded` into `downloaded` gets the file. */
export async function markDownloaded(db: Executor, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('dossier_batches')
    .set({ status: 'downloaded', downloaded_at: now })
    .where('id', '=', id)
    .where('status', '=', 'succeeded')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function dropFiles(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('dossier_batch_files').where('batch_id', '=', id).execute();
}

/** Files of batches past their keeping time are deleted; the batch row stays as the record, without a file. */
export async function expire(db: Executor, now: string): Promise<number> {
  const ids = (
    await db
      .selectFrom('dossier_batches')
      .select('id')
      .where('status', '=', 'succeeded')
      .where('expires_at', '<=', now)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return 0;
  await db.deleteFrom('dossier_batch_files').where('batch_id', 'in', ids).execute();
  await db
    .updateTable('dossier_batches')
    .set({ status: 'failed', error_code: 'DOSSIER_BATCH_EXPIRED', error_status: 410 })
    .where('id', 'in', ids)
    .where('status', '=', 'succeeded')
    .execute();
  return ids.length;
}
