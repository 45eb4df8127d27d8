/** The API's period and page of indicator rows, turned into what the KPI engine computes and returns. */
import type { KpiQuery, KpiResult, KpiRow, KpiSortKey } from '../../../../common/contracts/kpi.ts';

type KpiPaging = NonNullable<KpiResult['paging']>;
import { resolvePeriod, type KpiPeriod, type KpiPeriodKind } from '../../../../common/domain/kpi.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import { invalidField } from '../../platform/errors.ts';

/** A city has thousands of grids: the indicator table of grids always comes a page at a time. */
const DEFAULT_KPI_PAGE_SIZE = 50;
/** What a row is sorted and ranked by: its composite (null without data) and the value of the sort key. */
export interface SortEntry {
  id: string;
  score: number | null;
  value: number | string | null;
}

/**
 * One page of members, sorted on the server. Every member first gets its place by composite score (equal scores
 * share it: 1, 1, 3), so a page shows the same rank as the whole list would. Members without a value sort last in
 * either order; equal values by id, so pages neither repeat nor skip a row.
 */
export function pageOrder(
  entries: readonly SortEntry[],
  q: Pick<KpiQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): { page: { id: string; rank: number | null }[]; paging: KpiPaging } {
  const sort = q.sort ?? 'score';
  const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
  const scored = entries.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const rankOf = new Map<string, number>();
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    rankOf.set(r.id, prev && prev.score === r.score ? (rankOf.get(prev.id) ?? i + 1) : i + 1);
  });
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...entries].sort((a, b) => {
    const va = a.value;
    const vb = b.value;
    if (va === null || vb === null) return va === vb ? a.id.localeCompare(b.id) : va === null ? 1 : -1;
    const c = typeof va === 'string' ? va.localeCompare(String(vb), 'zh-CN') : va - Number(vb);
    return c !== 0 ? sign * c : a.id.localeCompare(b.id);
  });
  const pageSize = q.pageSize ?? DEFAULT_KPI_PAGE_SIZE;
  const { limit, offset } = pageWindow(q.page, pageSize);
  return {
    page: sorted.slice(offset, offset + limit).map((r) => ({ id: r.id, rank: rankOf.get(r.id) ?? null })),
    paging: { rowCount: entries.length, page: q.page ?? 1, pageSize: limit, sort },
  };
}

/** The sort value of a whole row (pageOrder's `value`). */
export function sortValueOf(r: KpiRow, sort: KpiSortKey): number | string | null {
  return sort === 'name'
    ? r.name
    : sort === 'score'
      ? r.noData
        ? null
        : r.score
      : (r.indicators[sort]?.value ?? null);
}

/** One page of whole indicator rows (pageOrder over rows already computed). */
export function pageOfRows(rows: readonly KpiRow[], q: Pick<KpiQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  const sort = q.sort ?? 'score';
  const { page, paging } = pageOrder(
    rows.map((r) => ({ id: r.id, score: r.noData ? null : r.score, value: sortValueOf(r, sort) })),
    q,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: page.map(({ id, rank }) => ({ ...(byId.get(id) as KpiRow), rank })), paging };
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
