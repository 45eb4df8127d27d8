/** Where a case came from (cn-standards.md §3.2 step 1, §6 hotline). Internal channels are staff intake. */
export const CASE_CHANNELS = ['inspector', 'operator', 'leader', 'public', 'hotline', 'petition', 'sensor', 'camera'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const INTERNAL_CHANNELS: readonly CaseChannel[] = ['inspector', 'operator', 'leader'];
/** Which channels the public may see (cases, photos, text) is one rule: common/domain/public-output.ts. */

export const CLOSE_TYPES = ['normal', 'overdue', 'special'] as const;
export type CloseType = (typeof CLOSE_TYPES)[number];
export const VOID_REASONS = ['duplicate', 'invalid', 'not_ours'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/** SLA colour (cn-standards.md §3.3 预警): green ≤ 80 % of the limit used, yellow ≤ 100 %, red beyond. */
export type SlaLevel = 'green' | 'yellow' | 'red' | 'paused' | 'none';
export function slaLevel(usedMs: number, limitMs: number): Exclude<SlaLevel, 'paused' | 'none'> {
  if (limitMs <= 0) return usedMs > 0 ? 'red' : 'green';
  const ratio = usedMs / limitMs;
  return ratio <= 0.8 ? 'green' : ratio <= 1 ? 'yellow' : 'red';
}

/** The inboxes of DESIGN.md §6 / issue 4, each a status filter (overdue cuts across statuses). */
export const INBOXES = ['reported', 'verifying', 'pending_filing', 'pending_dispatch', 'handling', 'reported_back', 'checking', 'pending_close', 'overdue', 'suspended', 'closed', 'all'] as const;
export type Inbox = (typeof INBOXES)[number];
