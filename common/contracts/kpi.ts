import { Type, type Static } from 'typebox';
import { MAX_BANDS } from '../domain/kpi-bands.ts';
import { TOP_TIE_RULES } from '../domain/kpi-ranking.ts';
import { GRADES, INDICATOR_KEYS, KPI_COUNTERS, KPI_PERIODS, KPI_SUBJECTS } from '../domain/kpi.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * KPI engine API (docs/standards.md, "Assessment (KPI)"): indicators for any period and subject, composite scores and
 * grades, drill-down to the cases behind a number, monthly rankings with 流动红旗 and the bottom list, overdue and
 * escalated (督办) lists, editable weights/grades/options. Every route is scoped: a unit-bound user sees only
 * their unit, a region-bound user only their region.
 */
export const KpiPeriodKind = Literals(KPI_PERIODS);
export const KpiSubject = Literals(KPI_SUBJECTS);
export const KpiCounterName = Literals(KPI_COUNTERS);
export const IndicatorKeyName = Literals(INDICATOR_KEYS);
export const GradeName = Literals(GRADES);

/**
 * The period: kind + at ('day' 2024-03-12, 'month' 2024-03, 'quarter' 2024-Q1, 'year' 2024) or kind 'custom' +
 * from/to (local dates, inclusive). Anything else is a 400 naming query.at / query.from.
 */
export const PeriodQuery = Type.Object({
  period: KpiPeriodKind,
  at: Type.Optional(Type.String({ maxLength: 10 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

/** What the indicator table sorts by on the server: the composite, the name (a grid's code), or an indicator. */
export const KPI_SORT_KEYS = ['score', 'name', ...INDICATOR_KEYS] as const;
export const KpiSortKey = Literals(KPI_SORT_KEYS);
export type KpiSortKey = Static<typeof KpiSortKey>;

export const KpiQuery = Type.Object({
  ...PeriodQuery.properties,
  subject: KpiSubject,
  /** one subject only (a street id, a unit id, a user id); omitted = every subject of that kind in scope */
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /**
   * Paging and sorting on the server: any of them asks for one page of rows (grids are always paged, there are
   * thousands). Rows without a value sort last either way; equal values by id.
   */
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  sort: Type.Optional(KpiSortKey),
  order: PageQuery.properties.order,
  /** also the figures of the previous period (环比) and of the same period last year (同比): docs/analysis.md */
  compare: Type.Optional(Type.Boolean()),
});
export type KpiQuery = Static<typeof KpiQuery>;

export const KpiPeriod = Type.Object({
  kind: KpiPeriodKind,
  from: Type.String(),
  to: Type.String(),
  label: Type.String(),
});
export type KpiPeriod = Static<typeof KpiPeriod>;

export const IndicatorValue = Type.Object({
  /** percentage 0–100 for rates, hours for averages, a count for counts; null = no data (denominator 0) */
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Nullable(Type.Number()),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

export const KpiRow = Type.Object({
  subject: KpiSubject,
  /** '' for the tenant row */
  id: Type.String(),
  name: Type.String(),
  counts: Type.Record(Type.String(), Type.Number(), { description: 'every KPI counter by name' }),
  indicators: Type.Record(Type.String(), IndicatorValue, { description: 'every indicator by key' }),
  /** composite value 0–100 (综合指标值), null = no data */
  score: Nullable(Type.Number()),
  grade: Nullable(GradeName),
  /** the part scores that made the composite (part → score 0–100 or null) */
  parts: Type.Record(Type.String(), Nullable(Type.Number())),
  noData: Type.Boolean(),
  rank: Nullable(Type.Integer()),
  /** where the subject sits, for a grid its community's name (a grid has only a code) */
  parentName: Type.Optional(Nullable(Type.String())),
});
export type KpiRow = Static<typeof KpiRow>;

export const DateRange = Type.Object({ from: Type.String(), to: Type.String() });
/**
 * The change of one figure against a comparison period (common/domain/period-compare.ts, changeOf): `delta` =
 * current − base (percentage points for a rate, points for the composite), `pct` = delta / base × 100 with one
 * decimal; null without a base (0 or no data) or without a current value.
 */
export const FigureChange = Type.Object({ delta: Nullable(Type.Number()), pct: Nullable(Type.Number()) });
export type FigureChange = Static<typeof FigureChange>;
/**
 * One subject's figures in a comparison period: counters, indicator values, composite; and `change`, the change of
 * the answer's figures against them, by indicator key and 'score'.
 */
export const ComparedFigures = Type.Object({
  counts: Type.Record(Type.String(), Type.Number()),
  indicators: Type.Record(Type.String(), Nullable(Type.Number())),
  score: Nullable(Type.Number()),
  change: Type.Record(Type.String(), FigureChange),
});
export type ComparedFigures = Static<typeof ComparedFigures>;
export const ComparedPair = Type.Object({ previous: ComparedFigures, lastYear: ComparedFigures });
export type ComparedPair = Static<typeof ComparedPair>;
/**
 * 环比 / 同比 (docs/analysis.md, "Comparison periods"): the ranges compared (a running period is compared up to
 * today) and the figures of the total and of each row of the answer in them.
 */
export const KpiComparison = Type.Object({
  current: DateRange,
  previous: DateRange,
  lastYear: DateRange,
  total: ComparedPair,
  rows: Type.Record(Type.String(), ComparedPair),
});
export type KpiComparison = Static<typeof KpiComparison>;

export const KpiResult = Type.Object({
  period: KpiPeriod,
  subject: KpiSubject,
  rows: Type.Array(KpiRow),
  /** the sum over the rows in scope (every page) */
  total: KpiRow,
  options: Type.Object({ excludeSuspended: Type.Boolean() }),
  /** present when the rows are one page: how many rows there are in all, and which page this is */
  paging: Type.Optional(
    Type.Object({ rowCount: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), sort: KpiSortKey }),
  ),
  /** present when asked for with compare=true */
  comparison: Type.Optional(KpiComparison),
});
export type KpiResult = Static<typeof KpiResult>;

/** The grid scores of a map's viewport (bbox = minLng,minLat,maxLng,maxLat, WGS84), for colouring by grade. */
export const GridMapQuery = Type.Object({
  ...PeriodQuery.properties,
  bbox: Type.String({ maxLength: 100 }),
});
export type GridMapQuery = Static<typeof GridMapQuery>;

export const GridMap = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      communityName: Nullable(Type.String()),
      score: Nullable(Type.Number()),
      grade: Nullable(GradeName),
      /** GeoJSON Polygon or MultiPolygon */
      geometry: Type.Unknown(),
    }),
  ),
  /** true when the viewport holds more grids than one answer carries: zoom in to see them all */
  capped: Type.Boolean(),
});
export type GridMap = Static<typeof GridMap>;

/** Drill-down: the cases behind one counter (numerator or denominator) of one subject in one period. */
export const DrillQuery = Type.Object({
  ...PeriodQuery.properties,
  subject: KpiSubject,
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  counter: KpiCounterName,
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type DrillQuery = Static<typeof DrillQuery>;

export const KpiCaseItem = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  reportedAt: Type.String(),
  filedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  handlingDeadline: Nullable(Type.String()),
  overdue: Type.Boolean(),
  escalationCount: Type.Integer(),
});
export type KpiCaseItem = Static<typeof KpiCaseItem>;

/** Monthly ranking of units or streets: composite score, 流动红旗, bottom list (docs/standards.md, "KPI ranking"). */
export const RankingQuery = Type.Object({
  month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
  subject: Literals(['unit', 'street']),
});
export type RankingQuery = Static<typeof RankingQuery>;

export const TopTieRule = Literals(TOP_TIE_RULES);

/** The rules the ranking applied, so the page can state them. */
export const RankingRulesView = Type.Object({
  bottomCount: Type.Integer(),
  minCases: Type.Integer(),
  topTie: TopTieRule,
  flagMinScore: Type.Number(),
});

export const Ranking = Type.Object({
  period: KpiPeriod,
  subject: Literals(['unit', 'street']),
  /**
   * the ranked rows, best first: equal scores share a rank (1, 1, 3), ordered among themselves by 按期结案率 then name.
   * Only subjects with at least one case filed in the month take part; fewer than minCases → `unranked`.
   */
  rows: Type.Array(KpiRow),
  /** 样本不足，不参与排名: took part with fewer cases than minCases (or no score); rank null */
  unranked: Type.Array(KpiRow),
  /** 流动红旗: the only first place with a score ≥ flagMinScore; null when nobody or several hold it */
  redFlag: Nullable(KpiRow),
  /** every holder of the 流动红旗 (several only under the shared tie rule) */
  redFlags: Type.Array(KpiRow),
  /** the bottom list (末位): at most bottomCount rows, never one tied with a row above the cut */
  bottom: Type.Array(KpiRow),
  rules: RankingRulesView,
});
export type Ranking = Static<typeof Ranking>;

/** Overdue (超期, open and past the handling deadline) and escalated (督办) lists, in scope, paged. */
export const CaseListKind = Literals(['overdue', 'escalated']);
export const CaseListQuery = Type.Object({
  page: PageQuery.properties.page,
  pageSize: PageQuery.properties.pageSize,
  unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  streetId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type CaseListQuery = Static<typeof CaseListQuery>;

const Bands = Type.Array(
  Type.Object({
    /** 受理数/派遣数: the count must exceed it; 立案数: the count must stay within it */
    threshold: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    score: Type.Number({ minimum: 0, maximum: 100 }),
  }),
  { maxItems: MAX_BANDS },
);
/** Count bands per count part (common/domain/kpi-bands.ts); left out of a PUT, the stored bands stay. */
export const KpiBands = Type.Object({ accepted: Bands, dispatched: Bands, filed: Bands });

/** Admin-edited settings (key 'kpi.settings'): weights per formula subject (each sums to 100), grades, options. */
export const KpiSettings = Type.Object({
  weights: Type.Object({
    inspector: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
    operator: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
    shiftLeader: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
    dispatcher: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
    unit: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
    region: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })),
  }),
  /** lower bounds of A, B, C, D (E below D) */
  grades: Type.Object({
    A: Type.Number({ minimum: 0, maximum: 100 }),
    B: Type.Number({ minimum: 0, maximum: 100 }),
    C: Type.Number({ minimum: 0, maximum: 100 }),
    D: Type.Number({ minimum: 0, maximum: 100 }),
  }),
  options: Type.Object({
    /** 金华 口径: suspended (挂账) cases leave the 应结案数 denominator */
    excludeSuspended: Type.Boolean(),
    /** how many rows the bottom list (末位) shows at most */
    bottomCount: Type.Integer({ minimum: 1, maximum: 20 }),
    /** fewest cases filed in the month for a subject to be ranked; left out of a PUT, the stored value stays */
    minCases: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    /** a tie at the top of the ranking: no 流动红旗 ('none') or one for each ('shared'); left out, the stored rule stays */
    topTie: Type.Optional(TopTieRule),
  }),
  bands: Type.Optional(KpiBands),
});
export type KpiSettings = Static<typeof KpiSettings>;

export const KpiSettingsView = Type.Object({
  ...KpiSettings.properties,
  options: Type.Object({
    excludeSuspended: Type.Boolean(),
    bottomCount: Type.Integer(),
    minCases: Type.Integer(),
    topTie: TopTieRule,
  }),
  bands: KpiBands,
  /** the parts each formula subject may weigh */
  parts: Type.Record(Type.String(), Type.Array(Type.String())),
  updatedAt: Nullable(Type.String()),
});
export type KpiSettingsView = Static<typeof KpiSettingsView>;
