/** Tables of migration 0020_import_jobs. */

/** One import: the upload, its progress and its outcome (modules/imports, docs/imports.md). */
export interface ImportJobsTable {
  id: string;
  tenant_id: string;
  /** an ImportKind (common/domain/imports.ts) */
  kind: string;
  /** the user who uploaded; the job runs with that user's current permissions */
  created_by: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** the import's options, JSON */
  params: string;
  /** the upload, base64; null once the job has ended */
  payload: string | null;
  payload_bytes: number;
  rows_done: number;
  rows_total: number | null;
  /** the import's result, JSON */
  result: string | null;
  error_code: string | null;
  error_status: number | null;
  /** row/field messages, JSON */
  error_details: string | null;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  idempotency_key: string | null;
  request_hash: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
