import type { ImportJob } from '../../../common/contracts/imports.ts';
import { isFinished } from '../../../common/domain/imports.ts';
import { api } from './client.ts';
import { ApiError } from './errors.ts';

export type { ImportJob };
export type ImportProgress = ImportJob['progress'];

/** How often a running import is asked for its progress. */
const POLL_MS = 700;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows an import job (docs/imports.md) until it ends: the import's result when it succeeded, and when it failed
 * the same ApiError the import used to answer, row/field details included, so callers show it as before.
 */
export async function followImport<R>(
  accepted: ImportJob,
  onProgress?: (progress: ImportProgress) => void,
  pollMs = POLL_MS,
): Promise<R> {
  let job = accepted;
  onProgress?.(job.progress);
  while (!isFinished(job.status)) {
    await pause(pollMs);
    job = await api.get<ImportJob>(`/api/imports/${encodeURIComponent(job.id)}`);
    onProgress?.(job.progress);
  }
  if (job.status === 'succeeded') return job.result as R;
  const error = job.error ?? { code: 'IMPORT_FAILED', status: 500 };
  throw new ApiError({
    status: error.status,
    code: error.code,
    message: error.message ?? error.code,
    details: error.details,
  });
}

/** Uploads a file to an import route and follows the job it answers. */
export async function importFile<R>(
  path: string,
  file: Blob,
  query: Record<string, string>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<R> {
  return followImport<R>(await api.upload<ImportJob>(path, file, { query }), onProgress);
}
