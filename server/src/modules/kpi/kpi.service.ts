import type {
  DrillQuery,
  KpiQuery,
  KpiResult,
  KpiRow,
  KpiSettings,
  KpiSettingsView,
  Ranking,
  RankingQuery,
  CaseListQuery,
  GridMap,
  GridMapQuery,
  KpiCaseItem,
} from '../../../../common/contracts/kpi.ts';
import {
  compositeScore,
  formulaOf,
  FORMULA_SUBJECTS,
  gradeOf,
  gradeProblems,
  indicatorsOf,
  KPI_COUNTERS,
  partScore,
  REPORT_DAY_COUNTERS,
  SCORE_PARTS,
  weightProblems,
  zeroCounts,
  type KpiCounts,
  type KpiPeriod,
  type KpiSubject,
} from '../../../../common/domain/kpi.ts';
import { bandProblems } from '../../../../common/domain/kpi-bands.ts';
import { rankSubjects } from '../../../../common/domain/kpi-ranking.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { parseBbox } from '../geo/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { isCaseCounter, USER_COUNTERS, USER_ROLES } from './kpi-facts.ts';
import { col, createRollup } from './kpi-rollup.ts';
import { createPaged, withParentNames } from './kpi-paged.ts';
import { pageOfRows, periodOf } from './kpi-query.ts';
import { compareResult, tenantToday } from './kpi-compare.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type FullKpiSettings } from './kpi-settings.ts';
import { caseFilter, scopeForbidden, visibleMembers } from './kpi.policy.ts';
import * as repo from './kpi.repository.ts';

const FACT_MEMBER_COLUMN: Partial<Record<KpiSubject, string>> = {
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_code',
  unit: 'unit_id',
};
const USER_COLUMN = {
  reporter: 'reporter_id',
  acceptor: 'acceptor_id',
  verifier: 'verifier_id',
  filer: 'filer_id',
  dispatcher: 'dispatcher_id',
  checkSender: 'check_sender_id',
  checker: 'checker_id',
  closer: 'closer_id',
} as const;

/** The most grids one map answer carries (a district's worth at street zoom). */
const GRID_MAP_CAP = 1000;

/** The KPI engine (docs/standards.md, "Assessment (KPI)"): figures from the roll-up, drained first so they are current. */
/** Above this many members, a roll-up read takes the whole dimension instead of naming each member. */
const MEMBER_FILTER_MAX = 500;

export function createKpiService(database: Database, clock: Clock, settings: SettingsService) {
  const { db } = database;
  const rollup = createRollup(database);

  async function loadSettings(tenantId: string): Promise<FullKpiSettings & { updatedAt: string | null }> {
    const stored = await settings.get(tenantId, SETTINGS_KEY);
    const v = (stored?.value ?? {}) as Partial<KpiSettings>;
    return {
      weights: { ...DEFAULT_SETTINGS.weights, ...(v.weights ?? {}) },
      grades: { ...DEFAULT_SETTINGS.grades, ...(v.grades ?? {}) },
      options: { ...DEFAULT_SETTINGS.options, ...(v.options ?? {}) },
      bands: { ...DEFAULT_SETTINGS.bands, ...(v.bands ?? {}) },
      updatedAt: stored?.updatedAt ?? null,
    };
  }

  function rowOf(
    subject: KpiSubject,
    id: string,
    name: string,
    counts: KpiCounts | undefined,
    s: FullKpiSettings,
  ): KpiRow {
    const c = counts ?? zeroCounts();
    const formula = formulaOf(subject);
    const score = compositeScore(formula, c, s.weights, s.options, s.bands);
    const noData = KPI_COUNTERS.every((k) => c[k] === 0);
    return {
      subject,
      id,
      name,
      counts: { ...c },
      indicators: indicatorsOf(c, s.options),
      score: noData ? null : score,
      grade: noData || score === null ? null : gradeOf(score, s.grades),
      parts: Object.fromEntries(SCORE_PARTS[formula].map((p) => [p, partScore(p, c, s.options, s.bands)])),
      noData,
      rank: null,
    };
  }

  function sumCounts(list: readonly KpiCounts[]): KpiCounts {
    const out = zeroCounts();
    for (const c of list) for (const k of KPI_COUNTERS) out[k] += c[k];
    out.handlingHours = Math.round(out.handlingHours * 100) / 100;
    return out;
  }

  /** Figures for members of a subject in a period, no permission check (reports, dashboard, bench use it). */
  async function figures(
    tenantId: string,
    subject: KpiSubject,
    period: KpiPeriod,
    memberList?: readonly repo.Member[],
    /** only these rows are wanted (a page being compared); the total is still over every member of the list */
    rowIds?: ReadonlySet<string>,
  ): Promise<KpiResult> {
    await rollup.drain(tenantId);
    const s = await loadSettings(tenantId);
    const list = memberList ?? (await repo.members(db, tenantId, subject));
    // Members outside the list are read and left out below, so naming the members is only a narrowing: a long list
    // (a city's thousands of grids) reads the dimension whole rather than send thousands of parameters.
    const ids = subject === 'tenant' || list.length > MEMBER_FILTER_MAX ? undefined : list.map((m) => m.id);
    const sums = await repo.sumsByMember(db, tenantId, repo.DIM_OF[subject], period.from, period.to, ids);
    const wanted = rowIds ? list.filter((m) => rowIds.has(m.id)) : list;
    const rows = wanted.map((m) => rowOf(subject, m.id, m.name, sums.get(m.id), s));
    const totalCounts = rowIds
      ? sumCounts(list.flatMap((m) => sums.get(m.id) ?? []))
      : sumCounts(rows.map((r) => r.counts as KpiCounts));
    const total = subject === 'tenant' && rows[0] ? rows[0] : rowOf(subject, '', '', totalCounts, s);
    return { period, subject, rows, total, options: { excludeSuspended: s.options.excludeSuspended } };
  }

  /**
   * The ranking rules over a month's rows (common/domain/kpi-ranking.ts): the sample is the month's 立案数, the
   * cohort every rate of the composite is measured on, so a subject without any filed case takes no part.
   */
  function ranked(result: KpiResult, s: FullKpiSettings) {
    const closeKey = result.subject === 'unit' ? 'onTimeHandleRate' : 'onTimeCloseRate';
    const out = rankSubjects(
      result.rows.map((row) => ({
        id: row.id,
        name: row.name,
        score: row.score,
        cases: row.counts.filed ?? 0,
        secondary: row.indicators[closeKey]?.value ?? null,
        row,
      })),
      {
        bottomCount: s.options.bottomCount,
        minCases: s.options.minCases,
        topTie: s.options.topTie,
        flagMinScore: s.grades.B,
      },
    );
    const rows = out.ranked.map((r) => ({ ...r.row.row, rank: r.rank }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pick = (list: readonly { id: string }[]) => list.flatMap((x) => byId.get(x.id) ?? []);
    return {
      rows,
      unranked: out.unranked.map((r) => ({ ...r.row, rank: null })),
      redFlags: pick(out.flagged),
      bottom: pick(out.bottom),
      rules: {
        bottomCount: s.options.bottomCount,
        minCases: s.options.minCases,
        topTie: s.options.topTie,
        flagMinScore: s.grades.B,
      },
    };
  }

  const pages = createPaged({ db, memberFilterMax: MEMBER_FILTER_MAX, rowOf, sumCounts });

  /** Σ counters per member of any roll-up dimension (channel, major, …) in a period, drained first. */
  async function sumsBy(tenantId: string, dim: string, period: KpiPeriod): Promise<Map<string, KpiCounts>> {
    await rollup.drain(tenantId);
    return repo.sumsByMember(db, tenantId, dim, period.from, period.to);
  }

  /**
   * How many cases stand behind a drill-down. A 0/1 counter's roll-up sum is that number (kpi-facts.ts,
   * PER_OCCURRENCE_COUNTERS), read from at most one roll-up row per day, when the reader sees every case counted: a
   * reader without scope, or a named member, which kpi.policy.ts shows only to a grant that reaches all its cases. A
   * counter of occurrences or hours, or a scoped reader's whole-scope total, is counted from the facts instead.
   */
  async function drillTotal(tenantId: string, q: DrillQuery, where: repo.DrillWhere): Promise<number> {
    const fromRollup = isCaseCounter(q.counter) && (where.visibility === null || q.id !== undefined);
    if (!fromRollup) return repo.drillCount(db, tenantId, where);
    const member = q.id !== undefined ? { dim: repo.DIM_OF[q.subject], dimId: q.id } : { dim: 'all', dimId: '' };
    return repo.memberSum(db, tenantId, { ...member, counter: where.counter, from: where.from, to: where.to });
  }

  /** The positions of a window's cases (repeat hotspots), drained first. */
  async function positions(tenantId: string, from: string, to: string) {
    await rollup.drain(tenantId);
    return repo.factPositions(db, tenantId, from, to);
  }

  return {
    rollup,
    figures,
    sumsBy,
    positions,
    sumCounts,
    loadSettings,
    rowOf,

    async settings(actor: Actor): Promise<KpiSettingsView> {
      requirePermission(actor, 'kpi.read');
      const s = await loadSettings(actor.tenantId);
      return { ...s, parts: Object.fromEntries(FORMULA_SUBJECTS.map((f) => [f, [...SCORE_PARTS[f]]])) };
    },

    /** Weights must each sum to 100 %: otherwise refused with a message naming the subject and the sum. */
    async putSettings(actor: Actor, input: KpiSettings): Promise<KpiSettingsView> {
      requirePermission(actor, 'kpi.manage');
      const stored = await loadSettings(actor.tenantId);
      // A client that does not know the bands or the ranking rules (an older console) leaves them as they are.
      const next: FullKpiSettings = {
        ...input,
        options: { ...stored.options, ...input.options },
        bands: input.bands ?? stored.bands,
      };
      const problems = [...weightProblems(next.weights), ...gradeProblems(next.grades), ...bandProblems(next.bands)];
      if (problems.length)
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          problems.map((p) => ({ ...p, rule: 'kpi' })),
        );
      await db.transaction().execute((tx) => settings.put(tx, actor, SETTINGS_KEY, next));
      return this.settings(actor);
    },

    async compute(actor: Actor, q: KpiQuery): Promise<KpiResult> {
      requirePermission(actor, 'kpi.read');
      const period = periodOf(q);
      const all = await repo.members(db, actor.tenantId, q.subject);
      let list = visibleMembers(actor, q.subject, all);
      if (q.id !== undefined) {
        list = list.filter((m) => m.id === q.id);
        if (!list.length) throw notFound(q.subject);
      }
      const paged = q.subject === 'grid' || q.page !== undefined || q.pageSize !== undefined || q.sort !== undefined;
      if (paged && q.subject !== 'tenant') {
        await rollup.drain(actor.tenantId);
        const [s, today] = await Promise.all([
          loadSettings(actor.tenantId),
          tenantToday(db, actor.tenantId, clock.now()),
        ]);
        const answer = await pages.page({
          tenantId: actor.tenantId,
          subject: q.subject,
          period,
          all,
          list,
          settings: s,
          today,
          q,
        });
        await withParentNames(db, answer.rows, list);
        return answer;
      }
      const result = await figures(actor.tenantId, q.subject, period, list);
      const withComparison = async (answer: KpiResult): Promise<KpiResult> => {
        if (!q.compare) return answer;
        const shown = new Set(answer.rows.map((r) => r.id));
        const today = await tenantToday(db, actor.tenantId, clock.now());
        const comparison = await compareResult(answer, period, today, async (range) => {
          // the total of the answer is over every member in scope, the rows only those shown
          return figures(actor.tenantId, q.subject, { ...period, ...range }, list, shown);
        });
        return { ...answer, comparison };
      };
      if (!paged) return withComparison(result);
      const page = pageOfRows(result.rows, q);
      await withParentNames(db, page.rows, list);
      return withComparison({ ...result, rows: page.rows, paging: page.paging });
    },

    /**
     * Scores of the grids in a map's viewport (at most GRID_MAP_CAP of them, by code), each with its polygon, so the
     * map never loads a city's thousands of grids at once.
     */
    async gridMap(actor: Actor, q: GridMapQuery): Promise<GridMap> {
      requirePermission(actor, 'kpi.read');
      const period = periodOf(q);
      const bbox = parseBbox(q.bbox);
      if (!bbox) throw invalidField('query.bbox', 'required', 'minLng,minLat,maxLng,maxLat');
      const found = await repo.gridsInBox(db, actor.tenantId, bbox, GRID_MAP_CAP + 1);
      const capped = found.length > GRID_MAP_CAP;
      const inBox = found.slice(0, GRID_MAP_CAP);
      const visible = visibleMembers(
        actor,
        'grid',
        inBox.map((g) => g.member),
      );
      const shown = new Set(visible.map((m) => m.id));
      const result = await figures(actor.tenantId, 'grid', period, visible);
      const names = await repo.regionNames(
        db,
        visible.flatMap((m) => (m.parentId ? [m.parentId] : [])),
      );
      const byId = new Map(result.rows.map((r) => [r.id, r]));
      return {
        items: inBox
          .filter((g) => shown.has(g.member.id))
          .map((g) => {
            const row = byId.get(g.member.id);
            return {
              code: g.member.id,
              communityName: g.member.parentId ? (names.get(g.member.parentId) ?? null) : null,
              score: row?.score ?? null,
              grade: row?.grade ?? null,
              geometry: JSON.parse(g.geometry) as unknown,
            };
          }),
        capped,
      };
    },

    /** The paged cases behind one counter of one member (or of the whole scope when id is omitted). */
    async drill(actor: Actor, q: DrillQuery): Promise<Page<KpiCaseItem>> {
      requirePermission(actor, 'kpi.read');
      const period = periodOf(q);
      const named = await repo.members(db, actor.tenantId, q.subject, q.id);
      const visible = visibleMembers(actor, q.subject, named);
      if (q.id !== undefined && !visible.some((m) => m.id === q.id)) throw notFound(q.subject);
      let memberColumn: string | null = FACT_MEMBER_COLUMN[q.subject] ?? null;
      if (repo.DIM_OF[q.subject] === 'user') {
        const role = USER_ROLES.find((r) => USER_COUNTERS[r].includes(q.counter));
        if (!role) throw invalidField('query.counter', 'post', `${q.counter} is not counted per person`);
        memberColumn = USER_COLUMN[role];
        if (q.id === undefined) throw invalidField('query.id', 'required', 'name the person');
      }
      await rollup.drain(actor.tenantId);
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      const where: repo.DrillWhere = {
        dayColumn: REPORT_DAY_COUNTERS.includes(q.counter) ? 'report_day' : 'filed_day',
        from: period.from,
        to: period.to,
        memberColumn: q.id !== undefined ? memberColumn : null,
        memberId: q.id ?? null,
        counter: col(q.counter),
        visibility: caseFilter(actor),
      };
      const [rows, total] = await Promise.all([
        repo.drillPage(db, actor.tenantId, { ...where, limit, offset }),
        drillTotal(actor.tenantId, q, where),
      ]);
      return { items: await repo.caseItems(db, actor.tenantId, rows), total, page: q.page ?? 1, pageSize: limit };
    },

    /** Monthly ranking with 流动红旗 and the bottom list; a scoped user sees their own rows (ranked among all). */
    async ranking(actor: Actor, q: RankingQuery): Promise<Ranking> {
      requirePermission(actor, 'kpi.read');
      const period = periodOf({ period: 'month', at: q.month });
      const all = await repo.members(db, actor.tenantId, q.subject);
      let visible: repo.Member[];
      try {
        visible = visibleMembers(actor, q.subject, all);
      } catch {
        throw scopeForbidden();
      }
      const s = await loadSettings(actor.tenantId);
      const result = await figures(actor.tenantId, q.subject, period, all);
      const r = ranked(result, s);
      const ok = new Set(visible.map((m) => m.id));
      return {
        period,
        subject: q.subject,
        rows: r.rows.filter((x) => ok.has(x.id)),
        unranked: r.unranked.filter((x) => ok.has(x.id)),
        redFlag: r.redFlags.length === 1 ? (r.redFlags[0] ?? null) : null,
        redFlags: r.redFlags,
        bottom: r.bottom.filter((x) => ok.has(x.id)),
        rules: r.rules,
      };
    },

    async caseList(actor: Actor, kind: 'overdue' | 'escalated', q: CaseListQuery): Promise<Page<KpiCaseItem>> {
      requirePermission(actor, 'kpi.read');
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      const { rows, total } = await repo.caseList(db, actor.tenantId, kind, {
        nowIso: clock.now().toISOString(),
        unitId: q.unitId,
        streetId: q.streetId,
        visibility: caseFilter(actor),
        limit,
        offset,
      });
      return { items: await repo.caseItems(db, actor.tenantId, rows), total, page: q.page ?? 1, pageSize: limit };
    },
  };
}
export type KpiService = ReturnType<typeof createKpiService>;
