/** 环比 / 同比 of KPI answers (docs/analysis.md, "Comparison periods"): the same figures over the comparison ranges. */
import type { ComparedFigures, KpiComparison, KpiResult, KpiRow } from '../../../../common/contracts/kpi.ts';
import type { KpiPeriod } from '../../../../common/domain/kpi.ts';
import { changeOf, comparisonOf, type DateRange } from '../../../../common/domain/period-compare.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Executor } from '../../platform/db.ts';
import { tenantColumns } from '../org/index.ts';

/**
 * A row's figures in a comparison range, and the change of `current` (the same row in the answer's period) against
 * them, for every indicator and the composite. A row absent from the range had nothing there: no base.
 */
export function comparedFigures(base: KpiRow | undefined, current?: KpiRow): ComparedFigures {
  const indicators: Record<string, number | null> = base
    ? Object.fromEntries(Object.entries(base.indicators).map(([k, v]) => [k, v.value]))
    : {};
  const score = base && !base.noData ? base.score : null;
  const change: ComparedFigures['change'] = {};
  if (current) {
    for (const [k, v] of Object.entries(current.indicators)) {
      const c = changeOf(v.value, indicators[k] ?? null);
      change[k] = { delta: c.delta, pct: c.pct };
    }
    const s = changeOf(current.noData ? null : current.score, score);
    change.score = { delta: s.delta, pct: s.pct };
  }
  return { counts: base ? { ...base.counts } : {}, indicators, score, change };
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
    total: {
      previous: comparedFigures(prev.total, result.total),
      lastYear: comparedFigures(ly.total, result.total),
    },
    rows: Object.fromEntries(
      result.rows.map((row) => [
        row.id,
        { previous: comparedFigures(p.get(row.id), row), lastYear: comparedFigures(l.get(row.id), row) },
      ]),
    ),
  };
}
