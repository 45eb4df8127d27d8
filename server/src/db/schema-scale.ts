/** Tables of migration 0011_scale. */

/** One row per scheduled-job run, written by the instance that won the job's lease (platform/scheduler.ts). */
export interface JobRunsTable {
  id: string;
  name: string;
  /** the scheduler instance (one per app process) */
  owner: string;
  started_at: string;
  finished_at: string | null;
  /** the error message when the run failed */
  error: string | null;
}
