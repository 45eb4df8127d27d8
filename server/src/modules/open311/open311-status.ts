/**
 * Our lifecycle seen through Open311 (docs/open311.md, "Reading requests", "Extensions", "Service request updates",
 * "Conformance checklist" item 6). Pure, no I/O.
 * v2 knows only open/closed; CitySDK's `detailed_status` and mySociety's extended update states say more.
 */
import type { CaseState } from '../../../../common/domain/case-status.ts';

export type OpenClosed = 'open' | 'closed';
export const openClosed = (status: string): OpenClosed =>
  status === 'closed' || status === 'voided' ? 'closed' : 'open';

/**
 * CitySDK `detailed_status` (docs/open311.md "Extensions"): RECEIVED until filed, IN_PROCESS while handled,
 * PROCESSED, REJECTED.
 */
export function detailedStatus(status: string): 'RECEIVED' | 'IN_PROCESS' | 'PROCESSED' | 'REJECTED' {
  switch (status as CaseState) {
    case 'reported':
    case 'verifying':
    case 'pending_filing':
      return 'RECEIVED';
    case 'closed':
      return 'PROCESSED';
    case 'voided':
      return 'REJECTED';
    default:
      return 'IN_PROCESS';
  }
}

/** mySociety's lower-case update states (docs/open311.md "Service request updates", GET servicerequestupdates). */
export const UPDATE_STATES = [
  'unchanged',
  'open',
  'closed',
  'fixed',
  'in_progress',
  'planned',
  'action_scheduled',
  'investigating',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
  'cancelled',
  'reopen',
  'for_triage',
] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

/** The update state of one timeline event: where the case went, or `reopen`; a void says why. */
export function updateState(e: {
  action: string;
  toStatus: string | null;
  fromStatus: string | null;
  voidReason: string | null;
}): UpdateState {
  if (e.action === 'reopen') return 'reopen';
  if (!e.toStatus || e.toStatus === e.fromStatus) return 'unchanged';
  switch (e.toStatus as CaseState) {
    case 'reported':
      return 'open';
    case 'verifying':
    case 'pending_filing':
      return 'investigating';
    case 'pending_dispatch':
      return 'action_scheduled';
    case 'suspended':
      return 'planned';
    case 'transferred':
      return 'internal_referral';
    case 'closed':
      return 'fixed';
    case 'voided':
      return e.voidReason === 'duplicate'
        ? 'duplicate'
        : e.voidReason === 'not_ours'
          ? 'not_councils_responsibility'
          : 'no_further_action';
    default:
      return 'in_progress';
  }
}

/**
 * POST servicerequestupdates sends the same set in upper case (docs/open311.md "Service request updates");
 * FixMyStreet also sends `REOPEN`.
 */
export function postedUpdateState(raw: string): UpdateState | null {
  const v = raw.trim().toLowerCase();
  return (UPDATE_STATES as readonly string[]).includes(v) ? (v as UpdateState) : null;
}
