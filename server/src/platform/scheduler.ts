import type { Clock } from './clock.ts';
import type { Database } from './db.ts';
import { newId } from './ids.ts';

/**
 * Periodic jobs whose state lives in the database (no in-memory timers a restart would lose: docs/architecture.md, "Several instances").
 * Each run takes a lease row in `job_locks`, so with several app instances a job runs once per interval
 * across all of them; a crashed holder's lease simply expires.
 *
 * Why the lease is enough on PostgreSQL (instead of an advisory lock): the claim is one
 * `UPDATE … WHERE name = ? AND locked_until <= now`. Two instances racing for it both queue on the row lock; under
 * READ COMMITTED the second re-evaluates its WHERE on the row the first committed, finds the lease taken and
 * updates nothing. SQLite has a single writer, so claims are serial there. Unlike a session advisory lock the lease
 * needs no connection held for the job's length and survives a pool reconnect. Every won run is written to
 * `job_runs` (who, when, outcome): the proof, and what an operator reads (server/src/scale/*.test.ts).
 * Instances compare their own clocks with the lease: keep them NTP-synchronised (docs/deploy.md).
 */
export interface Job {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

/** How long the run history is kept. */
const HISTORY_MS = 7 * 86_400_000;

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  readonly owner = newId();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly onError: (job: string, err: unknown) => void,
  ) {}

  /** Claims the job's lease if it is free or expired; true when this instance should run it now. */
  async claim(job: Job): Promise<boolean> {
    const { db } = this.database;
    const now = this.clock.now();
    const until = new Date(now.getTime() + Math.max(job.everyMs, 1000)).toISOString();
    await db
      .insertInto('job_locks')
      .values({ name: job.name, owner: '', locked_until: new Date(0).toISOString(), last_run_at: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const res = await db
      .updateTable('job_locks')
      .set({ owner: this.owner, locked_until: until, last_run_at: now.toISOString() })
      .where('name', '=', job.name)
      .where('locked_until', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Runs a job once if this instance wins the lease (also what tests call); records the run in `job_runs`. */
  async tick(job: Job): Promise<boolean> {
    if (!(await this.claim(job))) return false;
    const { db } = this.database;
    const id = newId();
    const started = this.clock.now();
    await db
      .insertInto('job_runs')
      .values({
        id,
        name: job.name,
        owner: this.owner,
        started_at: started.toISOString(),
        finished_at: null,
        error: null,
      })
      .execute();
    let error: string | null = null;
    try {
      await job.run(this.clock.now());
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      throw err;
    } finally {
      await db
        .updateTable('job_runs')
        .set({ finished_at: this.clock.now().toISOString(), error })
        .where('id', '=', id)
        .execute();
      await db
        .deleteFrom('job_runs')
        .where('name', '=', job.name)
        .where('started_at', '<', new Date(started.getTime() - HISTORY_MS).toISOString())
        .execute();
    }
    return true;
  }

  /**
   * Every job gets a first attempt soon after start (a restarted or newly added instance catches up at once;
   * whichever instance wins the lease runs it, the others skip), then one per interval. `firstAfterMs` delays the
   * first attempts and `spreadMs` staggers them in list order, so a process that has just started answers requests
   * before the catch-up of a dozen jobs reaches the database together.
   */
  start(jobs: readonly Job[], options: { firstAfterMs?: number; spreadMs?: number } = {}): void {
    const { firstAfterMs = 0, spreadMs = 0 } = options;
    jobs.forEach((job, i) => {
      const attempt = () => {
        this.tick(job).catch((err) => this.onError(job.name, err));
      };
      const first = setTimeout(attempt, Math.min(firstAfterMs + i * spreadMs, job.everyMs));
      first.unref();
      const timer = setInterval(attempt, job.everyMs);
      timer.unref();
      this.timers.push(first, timer);
    });
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }
}
