import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { ProposalDeps } from './proposals-context.ts';
import { proposalsSection } from './proposals-report-section.ts';
import { createProposalService } from './proposals.service.ts';

/** The 建议提案 module's service and report section (the composition root calls this). */
export function createProposals(database: Database, clock: Clock, deps: ProposalDeps) {
  const service = createProposalService(database, clock, deps);
  return { service, reportSection: proposalsSection(service) };
}
export type Proposals = ReturnType<typeof createProposals>;
