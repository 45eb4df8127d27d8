/** 环比 / 同比 of KPI answers (docs/analysis.md, "Comparison periods"): the same figures over the comparison ranges. */
import type { ComparedFigures, KpiComparison, KpiResult, KpiRow } from '../../../../common/contracts/kpi.ts';
import type { KpiPeriod } from '../../../../common/domain/kpi.ts';
import { comparisonOf, type DateRange } from '../../../../common/domain/period-compare.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Executor } from '../../platform/db.ts';
import { tenantColumns } from '../org/index.ts';

export function comparedFigures(row: KpiRow | undefined): ComparedFigures {
  if (!row) return { counts: {}, indicators: {}, score: null };
  return {
    counts: { ...row.counts },
    indicators: Object.fromEntries(Object.entries(row.indicators).map(([k, v]) => [k, v.value])),
    score: row.score,
  };
}

/** The tenant's calendar date now, in its zone: a period still running is compared up to it. */
export async function tenantToday(db: Executor, tenantId: string, now: Date): Promise<string> {
  const t = await tenantColumns(db, tenantId, ['timezone']);
  return zonedDate(now, t?.timezone || 'Asia/Shanghai');
}

/**
 * The comparison of an answer: `figuresIn` computes the same subject and members over another range; the rows
 * compared are those of the answer (one page when paged).
 */
export async function compareResult(
  result: KpiResult,
  period: KpiPeriod,
  today: string,
  figuresIn: (range: DateRange) => Promise<KpiResult>,
): Promise<KpiComparison> {
  const c = comparisonOf(period.kind, period, today);
  const [prev, ly] = await Promise.all([figuresIn(c.previous), figuresIn(c.lastYear)]);
  const byId = (r: KpiResult) => new Map(r.rows.map((row) => [row.id, row]));
  const p = byId(prev);
  const l = byId(ly);
  return {
    ...c,
    total: { previous: comparedFigures(prev.total), lastYear: comparedFigures(ly.total) },
    rows: Object.fromEntries(
      result.rows.map((row) => [
        row.id,
        { previous: comparedFigures(p.get(row.id)), lastYear: comparedFigures(l.get(row.id)) },
      ]),
    ),
  };
}
