import type { FastifyBaseLogger } from 'fastify';
import type { DossierBatch } from '../../../../common/contracts/dossier.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { ROLE_PERMISSIONS } from '../../../../common/domain/roles.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { Download } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { jszip } from '../../platform/jszip.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { createBatchRunner, type BatchPrinter, type BatchRunnerDeps } from './batch-runner.ts';
import * as repo from './batch.repository.ts';

/** Batches one process prints at once when they come from requests; more wait queued for the sweep. */
const MAX_RUNNING = 1;
const SWEEP_BATCH = 5;

/**
 * A user whose case.read grants are all bound to handling units may ask only for one of those units; region and
 * tenant grants may ask for any unit (the visibility rule still filters the cases printed).
 */
function mayAskUnit(actor: Actor, unitId: string): boolean {
  const reading = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('case.read'));
  return reading.some((g) => g.unitId === null || g.unitId === unitId);
}

function view(r: repo.BatchRow): DossierBatch {
  return {
    id: r.id,
    month: r.month,
    unitId: r.unit_id,
    status: r.status,
    progress: { casesDone: r.cases_done, casesTotal: r.cases_total },
    download: r.status === 'succeeded' ? `/api/dossiers/batches/${r.id}/file` : null,
    error: r.error_code === null ? null : { code: r.error_code, status: r.error_status ?? 500 },
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    expiresAt: r.status === 'succeeded' ? r.expires_at : null,
  };
}

/**
 * Month batches of 案卷 (docs/dossier.md "Month batch"): stored and answered 202, printed off the request one case at
 * a time by a runner that records progress, downloadable once as a zip of one PDF per case, kept for `keepMs`.
 */
export function createDossierBatches(
  database: Database,
  clock: Clock,
  printer: BatchPrinter,
  users: Pick<BatchRunnerDeps, 'actorFor'>,
  keepMs: number,
) {
  const { db } = database;
  let logger: Pick<FastifyBaseLogger, 'warn' | 'error'> | null = null;
  const deps: BatchRunnerDeps = {
    actorFor: users.actorFor,
    log: (level, details, message) => logger?.[level](details, message),
    keepMs,
  };
  const runner = createBatchRunner(database, clock, printer, deps);
  const inFlight = new Set<Promise<unknown>>();
  let running = 0;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Starts the batch here without waiting, unless MAX_RUNNING already run: then it waits for the sweep. */
  function start(id: string): void {
    if (running >= MAX_RUNNING) return;
    running += 1;
    track(runner.run(id))
      .catch((err: unknown) => deps.log('error', { err, dossierBatch: id }, 'dossier batch runner failed'))
      .finally(() => {
        running -= 1;
      });
  }

  async function own(actor: Actor, id: string) {
    const row = await repo.findOwn(db, actor.tenantId, actor.userId, id);
    if (!row) throw notFound('dossier_batch');
    return row;
  }

  return {
    useLogger(log: Pick<FastifyBaseLogger, 'warn' | 'error'>): void {
      logger = log;
    },

    /** Checks the permission and the unit before anything is stored; the cases are listed by the runner. */
    async submit(actor: Actor, input: { month: string; unitId?: string | undefined }): Promise<DossierBatch> {
      requirePermission(actor, 'case.read');
      if (input.unitId && !mayAskUnit(actor, input.unitId))
        throw invalidField('body.unitId', 'scope', 'a unit outside the cases you may see');
      const id = newId();
      await repo.insertBatch(db, {
        id,
        tenant_id: actor.tenantId,
        created_by: actor.userId,
        month: input.month,
        unit_id: input.unitId ?? null,
        status: 'queued',
        case_ids: null,
        cases_done: 0,
        cases_total: null,
        file_bytes: null,
        error_code: null,
        error_status: null,
        error_details: null,
        attempts: 0,
        lease_owner: null,
        lease_until: null,
        created_at: clock.now().toISOString(),
        started_at: null,
        finished_at: null,
        expires_at: null,
        downloaded_at: null,
      });
      start(id);
      return view(await own(actor, id));
    },

    async get(actor: Actor, id: string): Promise<DossierBatch> {
      requirePermission(actor, 'case.read');
      return view(await own(actor, id));
    },

    /** The requester's newest batch, running or ended, or null: what the console's card shows after a reload. */
    async latest(actor: Actor): Promise<DossierBatch | null> {
      requirePermission(actor, 'case.read');
      const row = await repo.latestOwn(db, actor.tenantId, actor.userId);
      return row ? view(row) : null;
    },

    /** The zip, once: the first download takes it and the stored PDFs are deleted. */
    async download(actor: Actor, id: string): Promise<Download> {
      requirePermission(actor, 'case.read');
      const row = await own(actor, id);
      if (row.status !== 'succeeded') throw new AppError('DOSSIER_BATCH_NOT_READY', 409, { status: row.status });
      const files = await repo.filesOf(db, id);
      if (!(await repo.markDownloaded(db, id, clock.now().toISOString())))
        throw new AppError('DOSSIER_BATCH_NOT_READY', 409, { status: 'downloaded' });
      const zip = new (await jszip())();
      const unit = row.unit_id ? `-${row.unit_id.slice(-6)}` : '';
      const folder = zip.folder(`案卷-${row.month}${unit}`)!;
      for (const f of files)
        folder.file(`${String(f.seq + 1).padStart(4, '0')}-${f.case_no}.pdf`, f.pdf, { base64: true });
      if (!files.length) folder.file('无结案案件.txt', `${row.month} 无可打印的结案案件\n`);
      // PDFs are compressed already: stored entries keep the zip quick to build.
      const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
      await repo.dropFiles(db, id);
      return {
        filename: `案卷-${row.month}${unit}.zip`,
        fallback: `dossiers-${row.month}${unit}.zip`,
        contentType: 'application/zip',
        body,
      };
    },

    /** The sweep: runs waiting batches and those whose runner's lease expired; deletes files kept past their time. */
    async resume(now: Date): Promise<{ ran: number; expired: number }> {
      let ran = 0;
      for (const id of await repo.claimableIds(db, now.toISOString(), SWEEP_BATCH)) {
        if (await track(runner.run(id))) ran += 1;
      }
      return { ran, expired: await repo.expire(db, now.toISOString()) };
    },

    /** Resolves when no batch runs in this process (app shutdown, tests). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
export type DossierBatches = ReturnType<typeof createDossierBatches>;
