import type { Job } from '../../platform/scheduler.ts';
import type { ImportJobs } from './import-jobs.service.ts';

/** The sweep as a scheduled job: leased, so one instance at a time takes up waiting and abandoned imports. */
export const importsResumeJob = (imports: ImportJobs): Job => ({
  name: 'imports.resume',
  everyMs: 10_000,
  run: (now) => imports.resume(now),
});
