import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { approvalsSection } from './ap-report-section.ts';
import type { ApDeps } from './ap-context.ts';
import { createApprovalEffects } from './approvals-effects.ts';
import { createApprovalsService } from './approvals.service.ts';

/**
 * The 行政审批 module's service, its report section and its effects registry (the composition root calls this and
 * then registers the effects of the types whose registers live in other modules).
 */
export function createApprovals(database: Database, clock: Clock, deps: Omit<ApDeps, 'effects'>) {
  const effects = createApprovalEffects();
  const service = createApprovalsService(database, clock, { ...deps, effects });
  return { service, effects, reportSection: approvalsSection(service) };
}
export type Approvals = ReturnType<typeof createApprovals>;
