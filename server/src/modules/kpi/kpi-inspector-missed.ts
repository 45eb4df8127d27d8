import type { KpiCaseItem } from '../../../../common/contracts/kpi.ts';
import type { Database } from '../../platform/db.ts';
import { innerJoinCases } from '../cases/index.ts';
import { GRID_REPORTER_DIM, gridReporterId } from './kpi-facts.ts';
import { createRollup } from './kpi-rollup.ts';
import * as repo from './kpi.repository.ts';

/**
 * Per-inspector 漏报 (docs/monitor.md, "Per-inspector 漏报"): the cases filed in the window in an inspector's
 * responsibility grids that someone other than that inspector reported. Read from the daily roll-up as
 * Σ 立案数 of the grids − Σ 立案数 of (grid, that inspector), so the figure costs two range reads of day rows.
 * Callers pass the assignments; the KPI module does not know who is responsible for a grid.
 */
export function createInspectorMissed(database: Database) {
  const { db } = database;
  const rollup = createRollup(database);

  async function sums(tenantId: string, dim: string, ids: readonly string[], from: string, to: string) {
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('kpi_daily')
        .select(['dim_id', (eb) => eb.fn.sum<number>('filed').as('n')])
        .where('tenant_id', '=', tenantId)
        .where('dim', '=', dim)
        .where('dim_id', 'in', ids.slice(i, i + 500))
        .where('day', '>=', from)
        .where('day', '<=', to)
        .groupBy('dim_id')
        .execute();
      for (const r of rows) out.set(r.dim_id, Number(r.n));
    }
    return out;
  }

  return {
    /** 漏报 per inspector over [from, to] (calendar days, the filing day counts). */
    async perInspector(
      tenantId: string,
      assignments: ReadonlyMap<string, readonly string[]>,
      from: string,
      to: string,
    ): Promise<Map<string, number>> {
      await rollup.drain(tenantId);
      const grids = [...new Set([...assignments.values()].flat())];
      const own = [...assignments].flatMap(([who, gs]) => gs.map((g) => gridReporterId(g, who)));
      const [byGrid, byOwn] = await Promise.all([
        sums(tenantId, 'grid', grids, from, to),
        sums(tenantId, GRID_REPORTER_DIM, own, from, to),
      ]);
      const out = new Map<string, number>();
      for (const [who, gs] of assignments) {
        let n = 0;
        for (const g of gs) n += (byGrid.get(g) ?? 0) - (byOwn.get(gridReporterId(g, who)) ?? 0);
        out.set(who, n);
      }
      return out;
    },

    /** The cases behind one inspector's figure, newest filing day first. */
    async cases(
      tenantId: string,
      inspectorId: string,
      grids: readonly string[],
      from: string,
      to: string,
      page: { limit: number; offset: number },
    ): Promise<KpiCaseItem[]> {
      if (!grids.length) return [];
      await rollup.drain(tenantId);
      const rows = await db
        .selectFrom('kpi_case_facts as f')
        .$call((p) => innerJoinCases(p, 'c', { id: 'f.case_id' }))
        .select(repo.CASE_ITEM_COLUMNS)
        .where('f.tenant_id', '=', tenantId)
        .where('f.grid_code', 'in', [...grids])
        .where('f.filed_day', '>=', from)
        .where('f.filed_day', '<=', to)
        .where('f.filed', '>', 0)
        .where((eb) => eb.or([eb('f.reporter_id', 'is', null), eb('f.reporter_id', '!=', inspectorId)]))
        .orderBy('f.filed_day', 'desc')
        .orderBy('f.case_id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return repo.caseItems(db, tenantId, rows);
    },
  };
}
export type InspectorMissed = ReturnType<typeof createInspectorMissed>;
