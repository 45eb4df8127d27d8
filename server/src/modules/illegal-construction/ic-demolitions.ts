/** Demolition actions (拆除), led by the bureau or assisting a township, and the sites they close. */
import type {
  IcDemolition,
  IcDemolitionCreate,
  IcDemolitionQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import { IC_DEMOLITION_SORTS } from '../../../../common/contracts/illegal-construction.ts';
import { fromHundredths, toHundredths } from '../../../../common/domain/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { IcDemolitionsTable } from '../../db/schema-lines.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { MANAGE, READ, sorts, type IcContext } from './ic-context.ts';
import { icErrors } from './ic.errors.ts';
import * as repo from './ic.repository.ts';

const DEMOLITION_SORTS = sorts(IC_DEMOLITION_SORTS, {
  demolishedOn: 'demolished_on',
  area: 'area_hm2',
  people: 'people',
});

function demolitionView(r: IcDemolitionsTable, regions: Map<string, string>): IcDemolition {
  return {
    id: r.id,
    reportId: r.report_id,
    demolishedOn: r.demolished_on,
    regionId: r.region_id,
    regionName: regions.get(r.region_id) ?? null,
    address: r.address,
    lng: Number(r.lng),
    lat: Number(r.lat),
    areaM2: fromHundredths(Number(r.area_hm2)),
    structure: r.structure,
    lead: r.led_by,
    units: r.units,
    people: Number(r.people),
    note: r.note,
    createdAt: r.created_at,
  };
}

export function createIcDemolitions({
  db,
  clock,
  audit,
  names,
  township,
  notFuture,
  reportInScope,
  moveSite,
}: IcContext) {
  return {
    async listDemolitions(actor: Actor, q: IcDemolitionQuery): Promise<Page<IcDemolition>> {
      requirePermission(actor, READ);
      const w = listWindow(q, DEMOLITION_SORTS, 'demolishedOn');
      const { rows, total } = await repo.listDemolitions(
        db,
        actor.tenantId,
        q,
        registerScope(actor, READ, 'd', false),
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      return { items: rows.map((r) => demolitionView(r, n.regions)), total, page: w.page, pageSize: w.limit };
    },

    async getDemolition(actor: Actor, id: string): Promise<IcDemolition> {
      requirePermission(actor, READ);
      const row = await repo.findDemolition(db, actor.tenantId, id);
      if (!row || !reaches(actor, READ, row)) throw notFound('ic_demolition');
      return demolitionView(row, (await names(actor.tenantId, [row.region_id], [])).regions);
    },

    /** Records a demolition; on a reported or stopped site it also marks the site demolished. */
    async createDemolition(actor: Actor, input: IcDemolitionCreate): Promise<IcDemolition> {
      requirePermission(actor, MANAGE);
      notFuture(input.demolishedOn, 'body.demolishedOn');
      const region = await township(db, actor.tenantId, input.regionId);
      requirePermission(actor, MANAGE, { regionPath: region.path });
      const row: IcDemolitionsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        report_id: input.reportId ?? null,
        demolished_on: input.demolishedOn,
        region_id: region.id,
        address: input.address.trim(),
        lng: input.lng,
        lat: input.lat,
        area_hm2: toHundredths(input.areaM2),
        structure: input.structure,
        led_by: input.lead,
        units: input.units.trim(),
        people: input.people,
        note: input.note?.trim() || null,
        created_by: actor.userId,
        created_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        if (row.report_id) {
          const site = await reportInScope(tx, actor, row.report_id, MANAGE);
          if (!site) throw icErrors.unknownReport();
          if (site.status === 'demolished' || site.status === 'legalised') throw icErrors.siteClosed(site.status);
          if (input.demolishedOn < site.reported_on) throw icErrors.dateOrder('body.demolishedOn', site.reported_on);
          await moveSite(tx, actor, site, 'demolished', input.demolishedOn);
        }
        await repo.insertDemolitions(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_demolition.create',
          entity: 'ic_demolition',
          entityId: row.id,
          after: row,
        });
      });
      return demolitionView(row, new Map([[region.id, region.name]]));
    },
  };
}
