/**
 * One page of a subject's indicator rows with its 环比/同比 (GET /api/kpi with paging, always for grids): the page is
 * cut from every member's score (kpi-period-scores.ts caches them for a closed period), and only the page's rows
 * are then summed and computed whole, in the period and in each comparison range. The total is over every member
 * in the reader's scope. The answer is the one computing every row would give (kpi-period-scores.http.test.ts).
 */
import type { KpiQuery, KpiResult, KpiRow } from '../../../../common/contracts/kpi.ts';
import {
  compositeScore,
  formulaOf,
  INDICATOR_KEYS,
  indicatorValue,
  KPI_COUNTERS,
  zeroCounts,
  type KpiCounts,
  type KpiPeriod,
  type KpiSubject,
} from '../../../../common/domain/kpi.ts';
import type { DateRange } from '../../../../common/domain/period-compare.ts';
import type { Db } from '../../platform/db.ts';
import { compareResult } from './kpi-compare.ts';
import { periodKey, readScores, readTotal, scoreBasis, writeScores, type PeriodScores } from './kpi-period-scores.ts';
import { pageOrder } from './kpi-query.ts';
import type { FullKpiSettings } from './kpi-settings.ts';
import * as repo from './kpi.repository.ts';

export interface PagedDeps {
  db: Db;
  /** the longest member list named in a roll-up read; a longer one reads the dimension whole */
  memberFilterMax: number;
  rowOf(subject: KpiSubject, id: string, name: string, counts: KpiCounts | undefined, s: FullKpiSettings): KpiRow;
  sumCounts(list: readonly KpiCounts[]): KpiCounts;
}

export interface PagedQuery {
  tenantId: string;
  subject: KpiSubject;
  period: KpiPeriod;
  /** every member of the subject, and those the reader sees */
  all: readonly repo.Member[];
  list: readonly repo.Member[];
  settings: FullKpiSettings;
  today: string;
  q: Pick<KpiQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'compare'>;
}

export function createPaged(deps: PagedDeps) {
  const { db } = deps;

  const settingsKey = (s: FullKpiSettings) => ({
    weights: s.weights,
    grades: s.grades,
    options: s.options,
    bands: s.bands,
  });

  /** Σ per member of `members` in a range: named when few, else the dimension whole. */
  function sumsOf(tenantId: string, subject: KpiSubject, range: DateRange, members: readonly repo.Member[]) {
    const ids = members.length > deps.memberFilterMax ? undefined : members.map((m) => m.id);
    return repo.sumsByMember(db, tenantId, repo.DIM_OF[subject], range.from, range.to, ids);
  }

  /**
   * Scores (and indicators when sorting by one) and the total: of every member, cached, for a closed period; of the
   * reader's members, computed, for any other.
   */
  async function scoresIn(p: PagedQuery, range: DateRange, withIndicators: boolean): Promise<PeriodScores> {
    const { tenantId, subject, settings: s } = p;
    const key = periodKey(range.from, range.to, p.today);
    const all = key ? p.all : p.list;
    const ids = all.map((m) => m.id);
    const where = key
      ? { tenantId, subject, key, basis: await scoreBasis(db, tenantId, key, settingsKey(s), ids) }
      : null;
    if (where) {
      const hit = await readScores(db, where, ids, withIndicators);
      if (hit) return hit;
    }
    const sums = await sumsOf(tenantId, subject, range, all);
    const formula = formulaOf(subject);
    const scores: PeriodScores['scores'] = new Map();
    for (const m of all) {
      const c = sums.get(m.id) ?? zeroCounts();
      const noData = KPI_COUNTERS.every((k) => c[k] === 0);
      const score = noData ? null : compositeScore(formula, c, s.weights, s.options, s.bands);
      const indicators =
        where || withIndicators
          ? Object.fromEntries(INDICATOR_KEYS.map((k) => [k, indicatorValue(k, c, s.options).value]))
          : undefined;
      scores.set(m.id, indicators ? { score, indicators } : { score });
    }
    const computed = { scores, total: deps.sumCounts(all.flatMap((m) => sums.get(m.id) ?? [])) };
    if (where) await writeScores(db, where, computed);
    return computed;
  }

  /** The total over the reader's members: the cached total when they are all of them. */
  async function totalIn(p: PagedQuery, range: DateRange): Promise<KpiCounts> {
    const key = periodKey(range.from, range.to, p.today);
    if (p.list.length === p.all.length && key) {
      const ids = p.all.map((m) => m.id);
      const basis = await scoreBasis(db, p.tenantId, key, settingsKey(p.settings), ids);
      const cached = await readTotal(db, { tenantId: p.tenantId, subject: p.subject, key, basis });
      return cached ?? (await scoresIn(p, range, false)).total;
    }
    const sums = await sumsOf(p.tenantId, p.subject, range, p.list);
    return deps.sumCounts(p.list.flatMap((m) => sums.get(m.id) ?? []));
  }

  /** The page's rows, whole, in a range (ranks left to the caller). */
  async function rowsIn(p: PagedQuery, range: DateRange, page: readonly repo.Member[]): Promise<KpiRow[]> {
    const sums = await repo.sumsByMember(
      db,
      p.tenantId,
      repo.DIM_OF[p.subject],
      range.from,
      range.to,
      page.map((m) => m.id),
    );
    return page.map((m) => deps.rowOf(p.subject, m.id, m.name, sums.get(m.id), p.settings));
  }

  const totalRow = (p: PagedQuery, c: KpiCounts) => deps.rowOf(p.subject, '', '', c, p.settings);

  return {
    /** The page of rows (with rank), its paging and the total; the comparison when asked. */
    async page(p: PagedQuery): Promise<KpiResult> {
      const sort = p.q.sort ?? 'score';
      const indicator = sort !== 'score' && sort !== 'name' ? sort : null;
      const scored = await scoresIn(p, p.period, indicator !== null);
      const entries = p.list.map((m) => {
        const e = scored.scores.get(m.id) ?? { score: null };
        const value = indicator ? (e.indicators?.[indicator] ?? null) : sort === 'name' ? m.name : e.score;
        return { id: m.id, score: e.score, value };
      });
      const { page, paging } = pageOrder(entries, p.q);
      const byId = new Map(p.list.map((m) => [m.id, m]));
      const members = page.map((x) => byId.get(x.id) as repo.Member);
      const rows = (await rowsIn(p, p.period, members)).map((r, i) => ({ ...r, rank: page[i]?.rank ?? null }));
      const whole = p.list.length === p.all.length || !periodKey(p.period.from, p.period.to, p.today);
      const total = whole ? scored.total : await totalIn(p, p.period);
      const answer: KpiResult = {
        period: p.period,
        subject: p.subject,
        rows,
        total: totalRow(p, total),
        options: { excludeSuspended: p.settings.options.excludeSuspended },
        paging,
      };
      if (!p.q.compare) return answer;
      const comparison = await compareResult(answer, p.period, p.today, async (range) => {
        const [base, baseTotal] = await Promise.all([rowsIn(p, range, members), totalIn(p, range)]);
        return { ...answer, period: { ...p.period, ...range }, rows: base, total: totalRow(p, baseTotal) };
      });
      return { ...answer, comparison };
    },
  };
}

/** Names the region each row's member sits in (a grid's community), one query for the page. */
export async function withParentNames(db: Db, rows: KpiRow[], list: readonly repo.Member[]): Promise<void> {
  const parentOf = new Map(list.map((m) => [m.id, m.parentId ?? null]));
  const parents = rows.flatMap((r) => parentOf.get(r.id) ?? []);
  const names = parents.length ? await repo.regionNames(db, parents) : new Map<string, string>();
  for (const r of rows) {
    const parent = parentOf.get(r.id);
    if (parent !== undefined) r.parentName = parent ? (names.get(parent) ?? null) : null;
  }
}
