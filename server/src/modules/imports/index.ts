/** Import jobs: uploads stored and answered 202, then parsed, checked and written off the request with progress. */
export { createImportJobs, type ImportJobs } from './import-jobs.service.ts';
export { registerImportRoutes, acceptImport } from './import-jobs.routes.ts';
export type { ImportRunner, ImportUpload } from './import-runner.ts';
export { importsResumeJob } from './import-jobs.job.ts';
