import type { KpiCaseItem } from '../../../../common/contracts/kpi.ts';
import type { Database } from '../../platform/db.ts';
import { innerJoinCases } from '../cases/index.ts';
import { createRollup } from './kpi-rollup.ts';
import * as repo from './kpi.repository.ts';

/** One inspector's responsibility for one grid from `from` until `to` (instants; `to` null while in force). */
export interface GridTerm {
  grid: string;
  from: string;
  to: string | null;
}

const within = (at: string, t: GridTerm) => at >= t.from && (t.to === null || at < t.to);

/**
 * Per-inspector 漏报 (docs/monitor.md, "Per-inspector 漏报"): the cases filed in the window in the grids an inspector
 * was responsible for when each case was reported, which someone other than that inspector reported. Callers pass
 * the terms of responsibility; the KPI module does not know who is responsible for a grid. Because the terms are
 * instants and the roll-up has days, the figure reads the facts of those grids in the window (one index range per
 * 500 grids, three narrow columns) and matches each to the terms in memory.
 */
export function createInspectorMissed(database: Database) {
  const { db } = database;
  const rollup = createRollup(database);

  const filedIn = (tenantId: string, from: string, to: string) =>
    db
      .selectFrom('kpi_case_facts as f')
      .$call((p) => innerJoinCases(p, 'c', { id: 'f.case_id' }))
      .where('f.tenant_id', '=', tenantId)
      .where('f.filed_day', '>=', from)
      .where('f.filed_day', '<=', to)
      .where('f.filed', '>', 0);

  function ofTerms(tenantId: string, inspectorId: string, terms: readonly GridTerm[], from: string, to: string) {
    return filedIn(tenantId, from, to)
      .where((eb) =>
        eb.or(
          terms.map((t) =>
            eb.and([
              eb('f.grid_code', '=', t.grid),
              eb('c.reported_at', '>=', t.from),
              ...(t.to === null ? [] : [eb('c.reported_at', '<', t.to)]),
            ]),
          ),
        ),
      )
      .where((eb) => eb.or([eb('f.reporter_id', 'is', null), eb('f.reporter_id', '!=', inspectorId)]));
  }

  return {
    /** 漏报 per inspector over [from, to] (calendar days, the filing day counts). */
    async perInspector(
      tenantId: string,
      terms: ReadonlyMap<string, readonly GridTerm[]>,
      from: string,
      to: string,
    ): Promise<Map<string, number>> {
      await rollup.drain(tenantId);
      const grids = [...new Set([...terms.values()].flat().map((t) => t.grid))];
      const byGrid = new Map<string, { reporter: string | null; at: string }[]>();
      for (let i = 0; i < grids.length; i += 500) {
        const rows = await filedIn(tenantId, from, to)
          .select(['f.grid_code', 'f.reporter_id', 'c.reported_at'])
          .where('f.grid_code', 'in', grids.slice(i, i + 500))
          .execute();
        for (const r of rows) {
          const list = byGrid.get(r.grid_code!) ?? [];
          list.push({ reporter: r.reporter_id, at: r.reported_at });
          byGrid.set(r.grid_code!, list);
        }
      }
      const out = new Map<string, number>();
      for (const [who, ts] of terms) {
        let n = 0;
        for (const t of ts) for (const r of byGrid.get(t.grid) ?? []) if (r.reporter !== who && within(r.at, t)) n++;
        out.set(who, n);
      }
      return out;
    },

    /** The cases behind one inspector's figure and their number, newest filing day first. */
    async cases(
      tenantId: string,
      inspectorId: string,
      terms: readonly GridTerm[],
      from: string,
      to: string,
      page: { limit: number; offset: number },
    ): Promise<{ items: KpiCaseItem[]; total: number }> {
      if (!terms.length) return { items: [], total: 0 };
      await rollup.drain(tenantId);
      const [rows, count] = await Promise.all([
        ofTerms(tenantId, inspectorId, terms, from, to)
          .select(repo.CASE_ITEM_COLUMNS)
          .orderBy('f.filed_day', 'desc')
          .orderBy('f.case_id', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        ofTerms(tenantId, inspectorId, terms, from, to)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
      ]);
      return { items: await repo.caseItems(db, tenantId, rows), total: Number(count?.n ?? 0) };
    },
  };
}
export type InspectorMissed = ReturnType<typeof createInspectorMissed>;
