import type { Clock } from './clock.ts';
import type { Database } from './db.ts';
import { newId } from './ids.ts';

/**
 * Periodic jobs whose state lives in the database (DESIGN.md §2: no in-memory timers a restart would lose).
 * Each run takes a lease row in `job_locks`, so with several app instances a job runs once per interval
 * across all of them; a crashed holder's lease simply expires.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private readonly owner = newId();

  constructor(private readonly database: Database, private readonly clock: Clock, private readonly onError: (job: string, err: unknown) => void) {}

  /** Claims the job's lease if it is free or expired; true when this instance should run it now. */
  async claim(job: Job): Promise<boolean> {
    const { db } = this.database;
    const now = this.clock.now();
    const until = new Date(now.getTime() + Math.max(job.everyMs, 1000)).toISOString();
    await db.insertInto('job_locks').values({ name: job.name, owner: '', locked_until: new Date(0).toISOString(), last_run_at: null })
      .onConflict((oc) => oc.column('name').doNothing()).execute();
    const res = await db.updateTable('job_locks')
      .set({ owner: this.owner, locked_until: until, last_run_at: now.toISOString() })
      .where('name', '=', job.name)
      .where('locked_until', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Runs a job once if this instance wins the lease (also what tests call). */
  async tick(job: Job): Promise<boolean> {
    if (!(await this.claim(job))) return false;
    await job.run(this.clock.now());
    return true;
  }

  start(jobs: readonly Job[]): void {
    for (const job of jobs) {
      const timer = setInterval(() => {
        this.tick(job).catch((err) => this.onError(job.name, err));
      }, job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}
