import type { CaseAction, CaseState } from '../../../../common/domain/case-status.ts';
import type { Permission } from '../../../../common/domain/roles.ts';

/**
 * The pure, table-driven case state machine (docs/standards.md, "Workflow stages and roles" and "Abnormal flows").
 * It decides only what is allowed from which state and where it leads; services add permission and scope checks,
 * clocks and the timeline row. Approval flows are two actions (request → approve) so each leaves its own row.
 */
export interface Transition {
  from: readonly CaseState[];
  /** null: the state does not change (assign, escalate, requests awaiting approval) */
  to: CaseState | null;
  permission: Permission;
  /** a note is mandatory (回退 and 作废 need a reason: docs/standards.md, "Abnormal flows") */
  needsNote?: boolean;
}

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  accept: { from: ['reported'], to: 'pending_filing', permission: 'case.accept' },
  send_verify: { from: ['reported'], to: 'verifying', permission: 'case.accept' },
  verify: { from: ['verifying'], to: 'pending_filing', permission: 'case.verify' },
  file: { from: ['pending_filing'], to: 'pending_dispatch', permission: 'case.file' },
  // A filed case may still be voided before dispatch, or re-classified: both count against 准确立案率
  // (docs/standards.md, "KPI indicators").
  void: {
    from: ['reported', 'verifying', 'pending_filing', 'pending_dispatch'],
    to: 'voided',
    permission: 'case.void',
    needsNote: true,
  },
  reclassify: { from: ['pending_dispatch'], to: null, permission: 'case.file', needsNote: true },
  dispatch: { from: ['pending_dispatch'], to: 'handling', permission: 'case.dispatch' },
  // 改派 and 收回 correct a wrong dispatch while the unit has not reported back; the reason is on the timeline
  // (docs/standards.md, "Abnormal flows").
  redispatch: { from: ['handling'], to: null, permission: 'case.redispatch', needsNote: true },
  recall: { from: ['handling'], to: 'pending_dispatch', permission: 'case.redispatch', needsNote: true },
  assign: { from: ['handling'], to: null, permission: 'case.assign' },
  report_back: { from: ['handling'], to: 'reported_back', permission: 'case.handle' },
  request_return: { from: ['handling'], to: null, permission: 'case.handle', needsNote: true },
  approve_return: { from: ['handling'], to: 'pending_dispatch', permission: 'case.approve' },
  request_extension: { from: ['handling'], to: null, permission: 'case.handle', needsNote: true },
  approve_extension: { from: ['handling'], to: null, permission: 'case.approve' },
  request_suspension: { from: ['handling'], to: null, permission: 'case.handle', needsNote: true },
  approve_suspension: { from: ['handling'], to: 'suspended', permission: 'case.approve' },
  resume: { from: ['suspended'], to: 'handling', permission: 'case.approve' },
  send_check: { from: ['reported_back'], to: 'checking', permission: 'case.accept' },
  check_pass: { from: ['checking'], to: 'pending_close', permission: 'case.check' },
  check_fail: { from: ['checking'], to: 'handling', permission: 'case.check', needsNote: true },
  close: { from: ['pending_close'], to: 'closed', permission: 'case.close' },
  escalate: {
    from: [
      'reported',
      'verifying',
      'pending_filing',
      'pending_dispatch',
      'handling',
      'suspended',
      'reported_back',
      'checking',
      'pending_close',
    ],
    to: null,
    permission: 'case.escalate',
  },
  self_handle: { from: ['reported'], to: 'closed', permission: 'case.report' },
};

/** Where an action leads from a state, or null when the state machine forbids it. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) return null;
  return t.to ?? state;
}

/** The actions the state machine allows from a state (the UI shows these as buttons, filtered by permission). */
export function allowedActions(state: CaseState): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => TRANSITIONS[a].from.includes(state));
}

/** 延期 may be approved at most twice per case (运城: 批准满 2 次不可再申; docs/standards.md, "Abnormal flows"). */
export const MAX_EXTENSIONS = 2;
/** 挂账 is granted at most once and lasts at most a year, then resumes by itself (docs/standards.md, "Abnormal flows"). */
export const MAX_SUSPENSIONS = 1;
export const MAX_SUSPENSION_DAYS = 365;
