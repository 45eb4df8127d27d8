import type {
  IcReport,
  IcReportCreate,
  IcReportQuery,
  IcReportUpdate,
} from '../../../../common/contracts/illegal-construction.ts';
import { IC_REPORT_SORTS } from '../../../../common/contracts/illegal-construction.ts';
import { toHundredths } from '../../../../common/domain/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { IcReportsTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { createIcContext, MANAGE, READ, reportView, sorts, type StopNoticeDocuments } from './ic-context.ts';
import { createIcDemolitions } from './ic-demolitions.ts';
import { createIcNotices } from './ic-notices.ts';
import { createIcStatistics } from './ic-statistics.ts';
import { icErrors } from './ic.errors.ts';
import * as repo from './ic.repository.ts';

export { MAX_MAP_SITES } from './ic-statistics.ts';
export { businessDate } from './ic-context.ts';

const REPORT_SORTS = sorts(IC_REPORT_SORTS, {
  reportedOn: 'reported_on',
  status: 'status',
  area: 'area_hm2',
  updatedAt: 'updated_at',
});
/**
 * 查违控违 (docs/illegal-construction.md): reports and their sites, 停工通知书, 交办函/督办函, demolition actions,
 * statistics and the map layer. Reads need construction.read, writes construction.manage, both within the caller's
 * township/squad scope; every write is audited in its own transaction.
 */
export function createIllegalConstructionService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  timeZone: string,
  stopNotices: StopNoticeDocuments,
) {
  const ctx = createIcContext(database, clock, audit, timeZone, stopNotices);
  const { db, today, names, township, checkUnit, notFuture, reportInScope, moveSite } = ctx;

  async function getReport(actor: Actor, id: string): Promise<IcReport> {
    requirePermission(actor, READ);
    const row = await reportInScope(db, actor, id, READ);
    if (!row) throw notFound('ic_report');
    const n = await names(actor.tenantId, [row.region_id], [row.unit_id]);
    return reportView(row, n.regions, n.units);
  }

  return {
    getReport,

    async listReports(actor: Actor, q: IcReportQuery): Promise<Page<IcReport>> {
      requirePermission(actor, READ);
      const w = listWindow(q, REPORT_SORTS, 'reportedOn');
      const { rows, total } = await repo.listReports(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        rows.map((r) => r.unit_id),
      );
      return { items: rows.map((r) => reportView(r, n.regions, n.units)), total, page: w.page, pageSize: w.limit };
    },

    async createReport(actor: Actor, input: IcReportCreate): Promise<IcReport> {
      requirePermission(actor, MANAGE);
      notFuture(input.reportedOn, 'body.reportedOn');
      const region = await township(db, actor.tenantId, input.regionId);
      await checkUnit(db, actor.tenantId, input.unitId);
      requirePermission(actor, MANAGE, { unitId: input.unitId ?? null, regionPath: region.path });
      const now = clock.now().toISOString();
      const row: IcReportsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        source: input.source,
        status: 'reported',
        region_id: region.id,
        unit_id: input.unitId ?? null,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        description: input.description.trim(),
        party_name: input.partyName?.trim() || null,
        area_hm2: input.areaM2 == null ? null : toHundredths(input.areaM2),
        reported_on: input.reportedOn,
        status_on: input.reportedOn,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertReport(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_report.create',
          entity: 'ic_report',
          entityId: row.id,
          after: row,
        });
      });
      return getReport(actor, row.id);
    },

    async updateReport(actor: Actor, id: string, patch: IcReportUpdate): Promise<IcReport> {
      requirePermission(actor, MANAGE);
      await checkUnit(db, actor.tenantId, patch.unitId);
      await db.transaction().execute(async (tx) => {
        const before = await reportInScope(tx, actor, id, MANAGE);
        if (!before) throw notFound('ic_report');
        if (patch.statusOn) {
          notFuture(patch.statusOn, 'body.statusOn');
          if (patch.statusOn < before.reported_on) throw icErrors.dateOrder('body.statusOn', before.reported_on);
        }
        const changes: Partial<IcReportsTable> = {
          ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
          ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
          ...(patch.lng !== undefined ? { lng: patch.lng } : {}),
          ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
          ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
          ...(patch.partyName !== undefined ? { party_name: patch.partyName?.trim() || null } : {}),
          ...(patch.areaM2 !== undefined
            ? { area_hm2: patch.areaM2 === null ? null : toHundredths(patch.areaM2) }
            : {}),
          updated_at: clock.now().toISOString(),
        };
        await repo.updateReport(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_report.update',
          entity: 'ic_report',
          entityId: id,
          before,
          after: { ...before, ...changes },
        });
        if (patch.status && patch.status !== before.status)
          await moveSite(tx, actor, { ...before, ...changes }, patch.status, patch.statusOn ?? today());
      });
      return getReport(actor, id);
    },
    ...createIcNotices(ctx),
    ...createIcDemolitions(ctx),
    ...createIcStatistics(ctx),
  };
}
export type IllegalConstructionService = ReturnType<typeof createIllegalConstructionService>;
