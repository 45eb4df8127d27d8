/**
 * Runs one import job (docs/imports.md "Lifecycle"): claim it under a lease, rebuild the uploader as they are now,
 * run the kind's import with a progress context, store the outcome. The lease is renewed while the job runs, so only
 * a job whose runner died (process gone) has an expired lease, and the sweep takes it up again.
 */
import type { ImportKind } from '../../../../common/domain/imports.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, storableDetails } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { withImportProgress } from '../../platform/import-progress.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { IMPORT_KIND_PERMISSION } from '../../../../common/domain/imports.ts';
import { importErrors } from './import-jobs.errors.ts';
import * as repo from './import-jobs.repository.ts';

/** What an import is given: the options it was sent and the uploaded bytes. */
export interface ImportUpload {
  params: Record<string, string | null>;
  bytes: Buffer;
}

/**
 * One kind's import. `key` is unique to the job: the import passes it to its own Idempotency-Key store, written in
 * the same transaction as its rows, so a job re-run after its runner died mid-commit answers the stored result
 * instead of importing twice.
 */
export type ImportRunner = (actor: Actor, upload: ImportUpload, key: string) => Promise<unknown>;

export interface RunnerDeps {
  actorFor(tenantId: string, userId: string, requestId: string): Promise<Actor | undefined>;
  log(level: 'warn' | 'error', details: Record<string, unknown>, message: string): void;
}

/** How long a claim holds without renewal; renewed every HEARTBEAT_MS while the job runs. */
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = 2_000;
/** Progress is also written every this many rows read, whatever the time. */
const PROGRESS_ROWS = 1_000;
/** A job whose runner died this many times is failed rather than tried again. */
export const MAX_ATTEMPTS = 3;

export function createImportRunner(
  database: Database,
  clock: Clock,
  runners: ReadonlyMap<ImportKind, ImportRunner>,
  deps: RunnerDeps,
) {
  const { db } = database;
  const owner = newId();
  const leaseUntil = () => new Date(clock.now().getTime() + LEASE_MS).toISOString();

  async function outcomeOf(
    id: string,
    kind: ImportKind,
    tenantId: string,
    userId: string,
    params: string,
    payload: string | null,
    attempts: number,
    progress: { rowsDone: number; rowsTotal: number | null },
    onRows: () => void,
  ): Promise<{ result: unknown } | { error: AppError }> {
    if (attempts > MAX_ATTEMPTS) return { error: importErrors.abandoned(attempts - 1) };
    const actor = await deps.actorFor(tenantId, userId, `import:${id}`);
    if (!actor) return { error: importErrors.userGone() };
    const runner = runners.get(kind);
    try {
      requirePermission(actor, IMPORT_KIND_PERMISSION[kind]);
      if (!runner || payload === null) throw importErrors.failed();
      const upload = { params: JSON.parse(params) as ImportUpload['params'], bytes: Buffer.from(payload, 'base64') };
      const sink = (done: number, total: number | null) => {
        progress.rowsDone = done;
        if (total !== null) progress.rowsTotal = total;
        onRows();
      };
      return { result: await withImportProgress(sink, () => runner(actor, upload, `import-job:${id}`)) };
    } catch (err) {
      if (err instanceof AppError) return { error: err };
      deps.log('error', { err, importJob: id }, 'import job failed');
      return { error: importErrors.failed() };
    }
  }

  /** Runs the job if this runner wins its claim; false when another runner holds it or it has ended. */
  async function run(id: string): Promise<boolean> {
    if (!(await repo.claim(db, id, owner, clock.now().toISOString(), leaseUntil()))) return false;
    const job = await repo.payloadOf(db, id);
    if (!job) return false;
    const progress = { rowsDone: 0, rowsTotal: null as number | null };
    // Renewals never wait on the import: on SQLite they queue behind its transaction and land after it.
    let beat: Promise<void> = Promise.resolve();
    let reported = 0;
    const renew = () => {
      reported = progress.rowsDone;
      beat = beat
        .then(() => repo.heartbeat(db, id, owner, { ...progress }, leaseUntil()))
        .catch((err: unknown) => deps.log('warn', { err, importJob: id }, 'import job heartbeat failed'));
    };
    const timer = setInterval(renew, HEARTBEAT_MS);
    const onRows = () => {
      if (progress.rowsDone - reported >= PROGRESS_ROWS) renew();
    };
    let outcome;
    try {
      outcome = await outcomeOf(
        id,
        job.kind as ImportKind,
        job.tenant_id,
        job.created_by,
        job.params,
        job.payload,
        job.attempts,
        progress,
        onRows,
      );
    } finally {
      clearInterval(timer);
      await beat;
    }
    const rowsTotal = progress.rowsTotal ?? progress.rowsDone;
    const finishedAt = clock.now().toISOString();
    await repo.finish(
      db,
      id,
      owner,
      'error' in outcome
        ? {
            status: 'failed',
            result: null,
            error_code: outcome.error.code,
            error_status: outcome.error.status,
            error_details:
              outcome.error.details === undefined ? null : JSON.stringify(storableDetails(outcome.error.details)),
            rows_done: progress.rowsDone,
            rows_total: progress.rowsTotal,
            finished_at: finishedAt,
          }
        : {
            status: 'succeeded',
            result: JSON.stringify(outcome.result ?? null),
            error_code: null,
            error_status: null,
            error_details: null,
            rows_done: rowsTotal,
            rows_total: rowsTotal,
            finished_at: finishedAt,
          },
    );
    return true;
  }

  return { run, owner };
}
