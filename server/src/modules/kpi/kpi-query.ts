/** The API's period and page of indicator rows, turned into what the KPI engine computes and returns. */
import type { KpiQuery, KpiRow } from '../../../../common/contracts/kpi.ts';
import { resolvePeriod, type KpiPeriod, type KpiPeriodKind } from '../../../../common/domain/kpi.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import { invalidField } from '../../platform/errors.ts';

/** A city has thousands of grids: the indicator table of grids always comes a page at a time. */
const DEFAULT_KPI_PAGE_SIZE = 50;
/**
 * One page of indicator rows, sorted on the server. Every row first gets its place by composite score (equal scores
 * share it: 1, 1, 3), so a page shows the same rank as the whole list would. Rows without a value sort last in
 * either order; equal values by id, so pages neither repeat nor skip a row.
 */
export function pageOfRows(rows: readonly KpiRow[], q: Pick<KpiQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  const sort = q.sort ?? 'score';
  const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
  const scored = rows.filter((r) => !r.noData && r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const rankOf = new Map<string, number>();
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    rankOf.set(r.id, prev && prev.score === r.score ? (rankOf.get(prev.id) ?? i + 1) : i + 1);
  });
  const valueOf = (r: KpiRow): number | string | null =>
    sort === 'name' ? r.name : sort === 'score' ? (r.noData ? null : r.score) : (r.indicators[sort]?.value ?? null);
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? a.id.localeCompare(b.id) : va === null ? 1 : -1;
    const c = typeof va === 'string' ? va.localeCompare(String(vb), 'zh-CN') : va - Number(vb);
    return c !== 0 ? sign * c : a.id.localeCompare(b.id);
  });
  const pageSize = q.pageSize ?? DEFAULT_KPI_PAGE_SIZE;
  const { limit, offset } = pageWindow(q.page, pageSize);
  return {
    rows: sorted.slice(offset, offset + limit).map((r) => ({ ...r, rank: rankOf.get(r.id) ?? null })),
    paging: { rowCount: rows.length, page: q.page ?? 1, pageSize: limit, sort },
  };
}

/** Turns the API's period into dates, or a 400 naming the field (an invalid period is bad input, never a 500). */
export function periodOf(q: { period: KpiPeriodKind; at?: string; from?: string; to?: string }): KpiPeriod {
  const p = resolvePeriod(q.period, q.at, q.from, q.to);
  if (p) return p;
  if (q.period === 'custom')
    throw invalidField('query.from', 'range', 'custom periods need from ≤ to, both YYYY-MM-DD, at most 10 years');
  const shape = { day: 'YYYY-MM-DD', month: 'YYYY-MM', quarter: 'YYYY-Qn', year: 'YYYY' }[q.period];
  throw invalidField('query.at', 'format', `a ${q.period} period needs at = ${shape}`);
}
