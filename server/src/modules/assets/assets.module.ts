import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { GeoService } from '../geo/index.ts';
import { createAssetContext } from './asset-context.ts';
import { createAssetLines } from './asset-lines.ts';
import { createAssetRegistrar } from './asset-registrar.ts';
import { assetReportSections } from './assets-report-section.ts';
import { createAssetService } from './assets.service.ts';
import { createDailyLogService } from './daily-logs.service.ts';
import { createContractService } from './contracts.service.ts';
import { createInspectionPlanService } from './inspection-plans.service.ts';
import { inspectionKpis } from './inspection-kpis.ts';
import { inspectionsReportSection } from './inspections-report-section.ts';
import { createInspectionService, type InspectionDeps } from './inspections.service.ts';
import { createWorkOrderService, type WorkOrderDeps } from './work-orders.service.ts';

/** The registers' services and their report sections, built from their dependencies (the composition root calls this). */
export function createAssetServices(
  database: Database,
  clock: Clock,
  audit: AuditService,
  geo: GeoService,
  deps: WorkOrderDeps & Pick<InspectionDeps, 'fileCase'>,
  timeZone: string,
) {
  const ctx = createAssetContext(database, clock, audit, geo);
  const workOrders = createWorkOrderService(ctx, deps);
  return {
    assets: createAssetService(ctx),
    workOrders,
    /** 巡检 and 服务外包考核 (docs/inspections.md) */
    plans: createInspectionPlanService(ctx, deps),
    inspections: createInspectionService(ctx, workOrders, deps),
    contracts: createContractService(ctx, timeZone),
    kpis: inspectionKpis(ctx, timeZone),
    logs: createDailyLogService(ctx),
    /** entries written by another module's decision, in its transaction (a 行政审批 grant) */
    registrar: createAssetRegistrar(ctx),
    reportSections: [...assetReportSections(timeZone), inspectionsReportSection(timeZone)],
    /** the figures of the per-line views and 大屏 panels (docs/lines.md) */
    lines: createAssetLines(ctx, timeZone),
  };
}
export type AssetServices = ReturnType<typeof createAssetServices>;
