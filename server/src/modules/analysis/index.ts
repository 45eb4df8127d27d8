/** 综合分析: 高发问题, 同比/环比, the weekly heat map over the grids, repeat hotspots and the 源头治理 tasks they open,
 * all read from the KPI roll-up (docs/analysis.md). */
export { createAnalysisService, type AnalysisService } from './analysis.service.ts';
export { createGovernanceService, type GovernanceService } from './governance.service.ts';
export { registerAnalysisRoutes } from './analysis.routes.ts';
