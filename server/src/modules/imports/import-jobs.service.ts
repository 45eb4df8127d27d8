import type { FastifyBaseLogger } from 'fastify';
import type { ImportJob, ImportJobQuery } from '../../../../common/contracts/imports.ts';
import { IMPORT_KIND_PERMISSION, IMPORT_KINDS, type ImportKind } from '../../../../common/domain/imports.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { keyReused, requestFingerprint } from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_SHEET_LIMITS, refuseDeclaredBomb, type SheetLimits } from '../../platform/sheet-rows.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { createImportRunner, type ImportRunner, type ImportUpload, type RunnerDeps } from './import-runner.ts';
import * as repo from './import-jobs.repository.ts';
import { jobView } from './import-jobs.views.ts';

/** How many abandoned or waiting jobs one sweep takes up. */
const SWEEP_BATCH = 20;
/** Jobs one process runs at once when they come from requests; more wait queued (bounded CPU and memory). */
const MAX_RUNNING = 2;
/** Ended jobs are listed for this long, then deleted by the sweep (docs/imports.md "Lifecycle"). */
const KEEP_FINISHED_MS = 90 * 86_400_000;

/**
 * Import jobs (docs/imports.md): every import is stored and answered 202 at once, then parsed, checked and written
 * off the request by a runner that reports progress; the sweep (a scheduled job) takes up jobs whose runner died.
 */
export function createImportJobs(
  database: Database,
  clock: Clock,
  users: Pick<RunnerDeps, 'actorFor'>,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
) {
  const { db } = database;
  const runners = new Map<ImportKind, ImportRunner>();
  let logger: Pick<FastifyBaseLogger, 'warn' | 'error'> | null = null;
  const deps: RunnerDeps = {
    actorFor: users.actorFor,
    log: (level, details, message) => logger?.[level](details, message),
  };
  const runner = createImportRunner(database, clock, runners, deps);
  const inFlight = new Set<Promise<unknown>>();

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  let running = 0;
  /**
   * Starts the job in this process without waiting for it, unless MAX_RUNNING already run here: then it stays
   * queued, for the next job that ends here or the sweep. Errors are logged; the sweep retries what is left.
   */
  function start(id: string): void {
    if (running >= MAX_RUNNING) return;
    running += 1;
    track(runner.run(id))
      .catch((err: unknown) => deps.log('error', { err, importJob: id }, 'import job runner failed'))
      .finally(() => {
        running -= 1;
        track(startNext()).catch((err: unknown) => deps.log('warn', { err }, 'import job queue check failed'));
      });
  }

  async function startNext(): Promise<void> {
    if (running >= MAX_RUNNING) return;
    const [next] = await repo.claimableIds(db, clock.now().toISOString(), 1);
    if (next) start(next);
  }

  async function visible(actor: Actor, id: string) {
    const row = await repo.findJob(db, actor.tenantId, id);
    // Another tenant's job, or one of a kind the user may not import, is answered like a missing one.
    if (!row || !can(actor, IMPORT_KIND_PERMISSION[row.kind as ImportKind])) throw notFound('import_job');
    return row;
  }

  return {
    useLogger(log: Pick<FastifyBaseLogger, 'warn' | 'error'>): void {
      logger = log;
    },

    /** Composition root: which function imports each kind. */
    register(kind: ImportKind, run: ImportRunner): void {
      runners.set(kind, run);
    },

    /**
     * Stores the upload as a queued job and starts it. With an Idempotency-Key, the same request again answers the
     * first job (replayed) and a different request under the key is a 422.
     */
    async submit(
      actor: Actor,
      kind: ImportKind,
      upload: ImportUpload,
      key: string | null,
    ): Promise<{ job: ImportJob; replayed: boolean }> {
      requirePermission(actor, IMPORT_KIND_PERMISSION[kind]);
      refuseDeclaredBomb(upload.bytes, limits);
      const requestHash = requestFingerprint({ kind, params: upload.params, bytes: upload.bytes });
      const earlier = async (k: string) => {
        const row = await repo.findByKey(db, actor.tenantId, actor.userId, kind, k);
        if (row && row.request_hash !== requestHash) throw keyReused();
        return row && { job: jobView(row), replayed: true };
      };
      if (key) {
        const found = await earlier(key);
        if (found) return found;
      }
      const id = newId();
      try {
        await repo.insertJob(db, {
          id,
          tenant_id: actor.tenantId,
          kind,
          created_by: actor.userId,
          status: 'queued',
          params: JSON.stringify(upload.params),
          payload: upload.bytes.toString('base64'),
          payload_bytes: upload.bytes.length,
          rows_done: 0,
          rows_total: null,
          result: null,
          error_code: null,
          error_status: null,
          error_details: null,
          attempts: 0,
          lease_owner: null,
          lease_until: null,
          idempotency_key: key,
          request_hash: requestHash,
          created_at: clock.now().toISOString(),
          started_at: null,
          finished_at: null,
        });
      } catch (err) {
        // The same key sent twice at once: the second answers the first's job.
        const found = key && isUniqueViolation(err) ? await earlier(key) : undefined;
        if (found) return found;
        throw err;
      }
      start(id);
      return { job: jobView(await visible(actor, id)), replayed: false };
    },

    async get(actor: Actor, id: string): Promise<ImportJob> {
      return jobView(await visible(actor, id));
    },

    /** The tenant's jobs of the kinds this user may import, newest first. */
    async list(actor: Actor, query: ImportJobQuery): Promise<Page<ImportJob>> {
      const allowed = IMPORT_KINDS.filter((k) => can(actor, IMPORT_KIND_PERMISSION[k]));
      const kinds = query.kind ? allowed.filter((k) => k === query.kind) : allowed;
      const { limit, offset } = pageWindow(query.page, query.pageSize);
      const { rows, total } = await repo.listJobs(
        db,
        actor.tenantId,
        { kinds, status: query.status },
        { limit, offset },
      );
      return { items: rows.map(jobView), total, page: query.page ?? 1, pageSize: limit };
    },

    /** The sweep: runs queued jobs and jobs whose runner's lease expired, one after another; drops old ended jobs. */
    async resume(now: Date): Promise<{ ran: number; purged: number }> {
      let ran = 0;
      for (const id of await repo.claimableIds(db, now.toISOString(), SWEEP_BATCH)) {
        if (await track(runner.run(id))) ran += 1;
      }
      const purged = await repo.purgeFinished(db, new Date(now.getTime() - KEEP_FINISHED_MS).toISOString());
      return { ran, purged };
    },

    /** Resolves when no job runs in this process (app shutdown, tests). */
    async idle(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;
