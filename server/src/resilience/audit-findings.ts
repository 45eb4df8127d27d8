/** What both halves of audit:verify (audit-verify.ts, audit-verify-timelines.ts) report and check against. */
import type { TenantCheckpoint } from './audit-checkpoint.ts';

export interface BrokenLink {
  table: 'audit_log' | 'case_events' | 'checkpoint';
  tenantId: string | null;
  tenantCode: string | null;
  caseId?: string;
  caseNo?: string;
  /** the first row whose link does not hold (null: rows are missing, or the finding is about the chain as a whole) */
  rowId: string | null;
  seq: number | null;
  reason: string;
  /** the checkpoint file the finding rests on (or, for table 'checkpoint', the file that cannot be trusted) */
  checkpoint?: string;
}

/** A trusted checkpoint's entry for one tenant, with the file it came from; oldest first. */
export interface Anchor {
  file: string;
  entry: TenantCheckpoint;
}
