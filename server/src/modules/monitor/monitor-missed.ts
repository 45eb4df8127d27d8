/**
 * Per-inspector 漏报 (docs/monitor.md, "Per-inspector 漏报"): the KPI roll-up answers per grid and per (grid,
 * reporter); this module knows whose grids they are. A supervisor sees the inspectors they supervise.
 */
import type { KpiCaseItem } from '../../../../common/contracts/kpi.ts';
import type {
  InspectorMissedList,
  MissedCasePage,
  MissedCasesQuery,
  MissedQuery,
} from '../../../../common/contracts/monitor-missed.ts';
import type { Actor } from '../auth/index.ts';
import type { MonitorContext } from './monitor-context.ts';
import { monitorErrors } from './monitor.errors.ts';
import * as repo from './monitor.repository.ts';

/** What this module needs of the KPI module (passed in by the composition root, which builds KPI later). */
export interface MissedReader {
  perInspector(
    tenantId: string,
    assignments: ReadonlyMap<string, readonly string[]>,
    from: string,
    to: string,
  ): Promise<Map<string, number>>;
  cases(
    tenantId: string,
    inspectorId: string,
    grids: readonly string[],
    from: string,
    to: string,
    page: { limit: number; offset: number },
  ): Promise<KpiCaseItem[]>;
}

const MAX_DAYS = 366;

function checkRange(q: MissedQuery) {
  if (q.to < q.from) throw monitorErrors.queryRange('must not be before from');
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= MAX_DAYS)
    throw monitorErrors.queryRange(`at most ${MAX_DAYS} days`);
}

export function createMissedView(ctx: MonitorContext, reader: MissedReader) {
  async function assignments(tenantId: string, ids: readonly string[]) {
    const rows = await repo.gridsOf(ctx.db, tenantId, ids);
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const g of rows) out.get(g.inspector_id)?.push(g.grid_code);
    return out;
  }

  return {
    async missed(actor: Actor, q: MissedQuery): Promise<InspectorMissedList> {
      checkRange(q);
      const who = await ctx.supervised(actor);
      const grids = await assignments(
        actor.tenantId,
        who.map((i) => i.id),
      );
      const n = await reader.perInspector(actor.tenantId, grids, q.from, q.to);
      return {
        from: q.from,
        to: q.to,
        items: who.map((i) => ({
          inspectorId: i.id,
          displayName: i.displayName,
          unitName: i.unitName,
          grids: grids.get(i.id)?.length ?? 0,
          missed: n.get(i.id) ?? 0,
        })),
      };
    },

    async missedCases(actor: Actor, inspectorId: string, q: MissedCasesQuery): Promise<MissedCasePage> {
      checkRange(q);
      const found = (await ctx.supervised(actor)).find((i) => i.id === inspectorId);
      if (!found) throw monitorErrors.unknownInspector();
      const grids = (await assignments(actor.tenantId, [inspectorId])).get(inspectorId) ?? [];
      const pageSize = q.pageSize ?? 20;
      const page = q.page ?? 1;
      const r = reader;
      const [items, total] = await Promise.all([
        r.cases(actor.tenantId, inspectorId, grids, q.from, q.to, { limit: pageSize, offset: (page - 1) * pageSize }),
        r.perInspector(actor.tenantId, new Map([[inspectorId, grids]]), q.from, q.to),
      ]);
      return { items, total: total.get(inspectorId) ?? 0, page, pageSize };
    },
  };
}
