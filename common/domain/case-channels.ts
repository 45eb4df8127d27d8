import type { Role } from './roles.ts';

/** Where a case came from (docs/standards.md, "Workflow stages and roles"; docs/hotline.md). Internal channels are staff intake. */
export const CASE_CHANNELS = [
  'inspector',
  'operator',
  'leader',
  'public',
  'hotline',
  'petition',
  'sensor',
  'camera',
  // 跨区移送: a case a peer city transferred here and this city accepted (docs/federation.md)
  'transfer',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const INTERNAL_CHANNELS: readonly CaseChannel[] = ['inspector', 'operator', 'leader'];

/**
 * Staff intake files on the channel of the reporter's post, never one the caller picks freely: 监督员 patrol →
 * inspector, 受理员/值班长 taking a call → operator, 领导交办 → leader. Every role is listed so a new role has to
 * decide (null: the role does not report).
 */
export const INTAKE_CHANNEL_OF_ROLE: Readonly<Record<Role, CaseChannel | null>> = {
  inspector: 'inspector',
  operator: 'operator',
  shiftLeader: 'operator',
  leader: 'leader',
  dispatcher: null,
  unitHandler: null,
  unitManager: null,
  admin: null,
  // Enforcement roles open enforcement cases, not 数字城管 reports.
  enforcementOfficer: null,
  legalReviewer: null,
  squadLeader: null,
  bureauLeader: null,
  prefectureViewer: null,
};

/** The channels a user's roles allow at staff intake, the default first (inspector, operator, leader). */
export function intakeChannels(roles: readonly Role[]): CaseChannel[] {
  const held = new Set(roles.map((r) => INTAKE_CHANNEL_OF_ROLE[r]));
  return INTERNAL_CHANNELS.filter((c) => held.has(c));
}

/** 自行处置 (fixed on the spot, filed and closed at once) is the patrolling inspector's alone. */
export const SELF_HANDLE_ROLES: readonly Role[] = ['inspector'];
/** Which channels the public may see (cases, photos, text) is one rule: common/domain/public-output.ts. */

export const CLOSE_TYPES = ['normal', 'overdue', 'special'] as const;
export type CloseType = (typeof CLOSE_TYPES)[number];
export const VOID_REASONS = ['duplicate', 'invalid', 'not_ours'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/** SLA colour (docs/standards.md, "Time limits", warnings): green ≤ 80 % of the limit used, yellow ≤ 100 %, red beyond. */
export type SlaLevel = 'green' | 'yellow' | 'red' | 'paused' | 'none';
export function slaLevel(usedMs: number, limitMs: number): Exclude<SlaLevel, 'paused' | 'none'> {
  if (limitMs <= 0) return usedMs > 0 ? 'red' : 'green';
  const ratio = usedMs / limitMs;
  return ratio <= 0.8 ? 'green' : ratio <= 1 ? 'yellow' : 'red';
}

/**
 * The inboxes of the case loop (one per step: docs/standards.md, "Workflow stages and roles"), each a status filter
 * (overdue cuts across statuses).
 */
export const INBOXES = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'reported_back',
  'checking',
  'pending_close',
  'overdue',
  'suspended',
  'transferred',
  'closed',
  'all',
] as const;
export type Inbox = (typeof INBOXES)[number];
