/** The closed loop: intake, the lifecycle with SLA clocks, inboxes, timeline, live events and the SLA sweep. */
export { createCaseService, type CaseService } from './case.service.ts';
export type { CaseDeps } from './case-deps.ts';
export { registerCaseRoutes } from './case.routes.ts';
/** The one visibility rule of cases as a SQL filter, for modules that list cases (KPI case lists, dashboard). */
export { visibilityFilter as caseVisibility } from './case.policy.ts';
export { registerLiveRoute } from './case-live.ts';
export type { CaseTransfers } from './case-transfer.ts';
export { DEFAULT_STEP_LIMITS } from './case-sla.ts';
export { createStepLimits, type StepLimitService } from './case-step-limits.ts';
export {
  tokenHash,
  REOPEN_DAYS_KEY,
  DEFAULT_REOPEN_DAYS,
  type ExternalReport,
  type IntakeResult,
  type ExternalChannel,
} from './case-external.ts';
export type { PublicListQuery } from './case-public-view.ts';
export { createPublicOutputSettings, registerPublicOutputRoutes } from './case-public-settings.ts';
/** After-photos required per matter class for 处置反馈 and 核查通过 (setting case.afterPhotos) and its admin API. */
export { createAfterPhotoSettings, registerAfterPhotoRoutes } from './case-photo-rules.ts';
/** The tenant's workflow options (核实 per channel, 受理即派遣, 自行处置, who checks, photos per step) and their admin API. */
export { createWorkflowSettings, registerWorkflowRoutes, WORKFLOW_KEY } from './case-workflow.ts';
/** Read-only query builders over the case tables for other modules' reporting (docs/decisions/0007-read-models.md). */
export {
  caseRows,
  caseEventsWithCase,
  caseTimelineBrief,
  caseFactInputs,
  leftJoinCases,
  innerJoinCases,
} from './case-read-model.ts';
/** Read models filled after migration 0030 or a bulk load (prepare.ts, bench loaders). */
export { backfillPublicCases } from './case-public-rows.ts';
export { backfillCaseGrams } from './case-grams.ts';
/** Bulk loader of past cases (the demo city's history), replayed through the state machine. */
export { loadCaseHistory, type HistoryCase, type HistoryStep, type HistoryActor } from './case-history.ts';
