/** The KPI engine: daily roll-up kept current by a trigger-fed queue, indicators of docs/standards.md "Assessment (KPI)",
 * composite scores and grades, drill-down, rankings with 流动红旗, overdue/escalated lists and exports. */
export { createKpiService, type KpiService } from './kpi.service.ts';
export { pageOfRows, periodOf } from './kpi-query.ts';
export { registerKpiRoutes } from './kpi.routes.ts';
export { addDailyRows, createRollup, type Rollup } from './kpi-rollup.ts';
export { caseFilter as kpiCaseFilter } from './kpi.policy.ts';
export { reportedPerDay } from './kpi.repository.ts';
export { tenantToday } from './kpi-compare.ts';
export { PER_OCCURRENCE_COUNTERS, USER_COUNTERS, USER_ROLES } from './kpi-facts.ts';
export { createInspectorMissed, type InspectorMissed } from './kpi-inspector-missed.ts';
export { createTenantFigures, type TenantFigures, type TenantRef } from './kpi-tenants.ts';
