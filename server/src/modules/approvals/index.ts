/**
 * 行政审批: the approval window's application types (tenant data with checklists and promised limits), the
 * applications through 受理 → 审查 → 补正 → 决定 → 办结, register effects of a grant, consultations and figures.
 */
export { createApprovals, type Approvals } from './approvals.module.ts';
export type { ApprovalsService } from './approvals.service.ts';
export type {
  ApprovalDecision,
  ApprovalEffect,
  ApprovalEffects,
  DetailIssue,
  DetailValue,
  RegisterEntry,
} from './approvals-effects.ts';
export { outdoorAdEffect } from './ap-effect-outdoor-ad.ts';
export { yellowLineEffect } from './ap-effect-yellow-line.ts';
export { muckPermitEffect } from './ap-effect-muck.ts';
export { registerApprovalsRoutes } from './approvals.routes.ts';
export { AP_ERRORS } from './approvals.errors.ts';
export { hasApprovalTypes, seedApprovals, type ApSeed } from './approvals.seed.ts';
