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

/** One inspector's responsibility for one grid from `from` until `to` (instants; `to` null while in force). */
export interface GridTerm {
  grid: string;
  from: string;
  to: string | null;
}

/** What this module needs of the KPI module (passed in by the composition root, which builds KPI later). */
export interface MissedReader {
  perInspector(
    tenantId: string,
    terms: ReadonlyMap<string, readonly GridTerm[]>,
    from: string,
    to: string,
  ): Promise<Map<string, number>>;
  cases(
    tenantId: string,
    inspectorId: string,
    terms: readonly GridTerm[],
    from: string,
    to: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: KpiCaseItem[]; total: number }>;
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

  /** The terms that can hold a case filed by `to`: a term begun after that day's end in any zone cannot. */
  async function termsOf(tenantId: string, ids: readonly string[], to: string) {
    const before = new Date(Date.parse(to) + 2 * 86_400_000).toISOString();
    const rows = await repo.gridTermsOf(ctx.db, tenantId, ids, before);
    const out = new Map<string, GridTerm[]>(ids.map((id) => [id, []]));
    for (const t of rows) out.get(t.inspector_id)?.push({ grid: t.grid_code, from: t.valid_from, to: t.valid_to });
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
      const terms = await termsOf(
        actor.tenantId,
        who.map((i) => i.id),
        q.to,
      );
      const n = await reader.perInspector(actor.tenantId, terms, q.from, q.to);
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
      const terms = (await termsOf(actor.tenantId, [inspectorId], q.to)).get(inspectorId) ?? [];
      const pageSize = q.pageSize ?? 20;
      const page = q.page ?? 1;
      const res = await reader.cases(actor.tenantId, inspectorId, terms, q.from, q.to, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: res.items, total: res.total, page, pageSize };
    },
  };
}
