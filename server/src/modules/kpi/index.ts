/** The KPI engine (issue 6): daily roll-up kept current by a trigger-fed queue, indicators of cn-standards.md §4.2,
 * composite scores and grades (§4.3–4.4), drill-down, rankings with 流动红旗, overdue/escalated lists and exports. */
export { createKpiService, periodOf, type KpiService } from './kpi.service.ts';
export { registerKpiRoutes } from './kpi.routes.ts';
export { createRollup, type Rollup } from './kpi-rollup.ts';
export { caseFilter as kpiCaseFilter } from './kpi.policy.ts';
export { reportedPerDay } from './kpi.repository.ts';
