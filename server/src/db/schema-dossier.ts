/** Tables of migration 0042_dossier_batches. */

/** One month batch of 案卷: who asked, what, its progress and its outcome (modules/dossier, docs/dossier.md). */
export interface DossierBatchesTable {
  id: string;
  tenant_id: string;
  /** the requester; the batch runs with that user's current permissions and scope */
  created_by: string;
  /** YYYY-MM, closing month in the tenant's time zone */
  month: string;
  unit_id: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'downloaded';
  /** the cases to print, JSON ids in order, fixed when the batch first runs so a resumed run prints the same list */
  case_ids: string | null;
  cases_done: number;
  cases_total: number | null;
  file_bytes: number | null;
  error_code: string | null;
  error_status: number | null;
  error_details: string | null;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** the file is deleted after this instant (or once downloaded) */
  expires_at: string | null;
  downloaded_at: string | null;
}

/** One printed 案卷 of a batch, written as soon as it is printed: a resumed run continues after the last one. */
export interface DossierBatchFilesTable {
  batch_id: string;
  seq: number;
  case_no: string;
  /** the PDF, base64 */
  pdf: string;
}
