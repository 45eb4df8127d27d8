/**
 * 人大代表建议 and 政协委员提案: the register (主办/协办), tasks to the bureau's units with work-calendar last days, the
 * reply through approval, the proposer's rating, 办结率 and 满意率 as figures and a report section.
 */
export { createProposals, type Proposals } from './proposals.module.ts';
export type { ProposalService } from './proposals.service.ts';
export { registerProposalRoutes } from './proposals.routes.ts';
export { PROPOSAL_ERRORS } from './proposals.errors.ts';
export { insertSeed as seedProposals } from './proposals.repository.ts';
