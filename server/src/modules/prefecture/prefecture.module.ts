import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { createTenantFigures, type KpiService } from '../kpi/index.ts';
import { createPrefectureService } from './prefecture.service.ts';

/** The 地级市 view's service over the KPI engine's cross-tenant reads (the composition root calls this). */
export function createPrefecture(database: Database, clock: Clock, deps: { audit: AuditService; kpi: KpiService }) {
  return createPrefectureService(database, clock, {
    audit: deps.audit,
    figures: createTenantFigures(database, deps.kpi),
  });
}
