import type { ImportJob } from '../../../../common/contracts/imports.ts';
import type { ImportKind } from '../../../../common/domain/imports.ts';
import { restoredDetails } from '../../platform/errors.ts';
import type { JobRow } from './import-jobs.repository.ts';

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function jobView(r: JobRow): ImportJob {
  return {
    id: r.id,
    kind: r.kind as ImportKind,
    status: r.status,
    params: json(r.params) as ImportJob['params'],
    fileBytes: r.payload_bytes,
    progress: { rowsDone: r.rows_done, rowsTotal: r.rows_total },
    result: json(r.result),
    error:
      r.error_code === null
        ? null
        : {
            code: r.error_code,
            status: r.error_status ?? 500,
            ...(r.error_details === null ? {} : { details: restoredDetails(json(r.error_details)) }),
          },
    createdBy: r.created_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
