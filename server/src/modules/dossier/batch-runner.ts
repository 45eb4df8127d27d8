/**
 * Runs one month batch (docs/dossier.md "Month batch"), the way import jobs run (modules/imports/import-runner.ts):
 * claim it under a lease, rebuild the requester as they are now, then print one case at a time, storing each PDF
 * with the progress in one transaction. The lease is renewed with every case, so only a batch whose runner died has
 * an expired lease; the sweep takes it up again and continues after the last case stored.
 */
import { setImmediate as yieldTurn } from 'node:timers/promises';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/index.ts';
import * as repo from './batch.repository.ts';

export interface BatchPrinter {
  monthCaseIds(actor: Actor, month: string, unitId: string | null): Promise<string[]>;
  printCase(actor: Actor, caseId: string): Promise<{ caseNo: string; pdf: Buffer }>;
}

export interface BatchRunnerDeps {
  actorFor(tenantId: string, userId: string, requestId: string): Promise<Actor | undefined>;
  log(level: 'warn' | 'error', details: Record<string, unknown>, message: string): void;
  keepMs: number;
}

/** How long a claim holds without renewal; a case prints in well under a second. */
export const LEASE_MS = 60_000;
/** A batch whose runner died this many times is failed rather than tried again. */
export const MAX_ATTEMPTS = 3;

export const batchErrors = {
  userGone: () => new AppError('DOSSIER_BATCH_USER_INACTIVE', 403),
  abandoned: (attempts: number) => new AppError('DOSSIER_BATCH_ABANDONED', 500, { attempts }),
  failed: () => new AppError('DOSSIER_BATCH_FAILED', 500),
};

export function createBatchRunner(database: Database, clock: Clock, printer: BatchPrinter, deps: BatchRunnerDeps) {
  const { db } = database;
  const owner = newId();
  const leaseUntil = () => new Date(clock.now().getTime() + LEASE_MS).toISOString();

  async function fail(id: string, err: AppError): Promise<void> {
    await repo.update(db, id, owner, {
      status: 'failed',
      error_code: err.code,
      error_status: err.status,
      error_details: err.details === undefined ? null : JSON.stringify(err.details),
      finished_at: clock.now().toISOString(),
      lease_owner: null,
      lease_until: null,
    });
    await repo.dropFiles(db, id);
  }

  /** Prints from where the batch stands; false if another runner holds it or it has ended. */
  async function run(id: string): Promise<boolean> {
    if (!(await repo.claim(db, id, owner, clock.now().toISOString(), leaseUntil()))) return false;
    const job = await repo.workOf(db, id);
    if (!job) return false;
    try {
      if (job.attempts > MAX_ATTEMPTS) throw batchErrors.abandoned(job.attempts - 1);
      const actor = await deps.actorFor(job.tenant_id, job.created_by, `dossier-batch:${id}`);
      if (!actor) throw batchErrors.userGone();
      let ids: string[];
      if (job.case_ids === null) {
        // The list is fixed on the first run, under the requester's scope as it is now.
        ids = await printer.monthCaseIds(actor, job.month, job.unit_id);
        const held = await repo.update(db, id, owner, {
          case_ids: JSON.stringify(ids),
          cases_total: ids.length,
          lease_until: leaseUntil(),
        });
        if (!held) return true;
      } else ids = JSON.parse(job.case_ids) as string[];
      for (let seq = job.cases_done; seq < ids.length; seq += 1) {
        // The case service checks visibility again: a case the requester lost sight of meanwhile is a 404 here.
        const printed = await printer.printCase(actor, ids[seq]!).catch((err: unknown) => {
          if (err instanceof AppError && err.status === 404) return null;
          throw err;
        });
        const held = printed
          ? await repo.storeCase(db, id, owner, { seq, caseNo: printed.caseNo, pdf: printed.pdf }, leaseUntil())
          : await repo.update(db, id, owner, { cases_done: seq + 1, lease_until: leaseUntil() });
        if (!held) return true;
        // Requests are answered between two cases.
        await yieldTurn();
      }
      const now = clock.now();
      const files = await repo.filesOf(db, id);
      await repo.update(db, id, owner, {
        status: 'succeeded',
        file_bytes: files.reduce((n, f) => n + Math.floor((f.pdf.length * 3) / 4), 0),
        finished_at: now.toISOString(),
        expires_at: new Date(now.getTime() + deps.keepMs).toISOString(),
        lease_owner: null,
        lease_until: null,
      });
    } catch (err) {
      if (!(err instanceof AppError)) deps.log('error', { err, dossierBatch: id }, 'dossier batch failed');
      await fail(id, err instanceof AppError ? err : batchErrors.failed());
    }
    return true;
  }

  return { run, owner };
}
