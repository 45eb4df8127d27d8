/**
 * The case lifecycle vocabulary (docs/standards.md, "Workflow stages and roles"). 核实 (verify) is the on-site check
 * BEFORE filing; 核查 (check) is the on-site inspection of the result BEFORE closing (the standard's usage; some
 * deployed systems swap the two words).
 */
export const CASE_STATES = [
  'reported', // 待受理: arrived from any channel
  'verifying', // 待核实: inspector sent to confirm
  'pending_filing', // 待立案
  'pending_dispatch', // 待派遣
  'handling', // 处置中 (the handling clock runs)
  'suspended', // 挂账 (clock paused, capped)
  'transferred', // 已移送: a peer accepted the case by 移送; clocks stand still (docs/federation.md)
  'reported_back', // 已反馈, awaiting the operator to send 核查
  'checking', // 核查中
  'pending_close', // 待结案
  'closed', // 已结案 (terminal)
  'voided', // 已作废 (terminal)
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'voided'];

export const CASE_ACTIONS = [
  'accept', // operator: accept a report → filing queue
  'send_verify', // operator: send an inspector to verify (核实)
  'verify', // inspector: confirms on site
  'file', // shift leader: 立案 with a filing condition (sets the handling limit and unit)
  'reclassify', // shift leader: 改类 — a filed case not yet dispatched gets another matter and filing condition
  'void', // operator/shift leader: 作废 with a reason
  'dispatch', // dispatcher: to a handling unit
  'redispatch', // dispatcher/shift leader: 改派 — a handling case not yet reported back goes to another unit (reason)
  'recall', // dispatcher/shift leader: 收回 — a handling case comes back to 待派遣 (reason)
  'assign', // unit manager: to a handler inside the unit (state unchanged)
  'report_back', // unit: done, with after-photos
  'request_return', // unit: 回退 request (reason required) — approval moves it back to pending_dispatch
  'approve_return',
  'request_extension',
  'approve_extension', // 延期: deadline moves by the approved amount, at most twice (docs/standards.md, "Abnormal flows")
  'request_suspension',
  'approve_suspension', // 挂账: clock paused, capped; resumes by itself at the cap (docs/standards.md, "Abnormal flows")
  'resume', // from suspension, by a person or by the scheduler at the cap
  'send_check', // operator: send an inspector to check (核查)
  'check_pass',
  'check_fail', // → rework: back to the same unit
  'close', // shift leader: 结案
  'escalate', // leader: 督办 (state unchanged)
  'self_handle', // inspector: 自行处置 — filed and closed in one step
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
