import { Type, type Static } from 'typebox';
import { ADMIN_CODE_PATTERN } from '../domain/org.ts';
import { Nullable } from './common.ts';
import { KpiPeriod, KpiRow, KpiSortKey, PeriodQuery } from './kpi.ts';

/**
 * 地级市 view (docs/prefecture.md): a prefecture-level tenant reads the KPI aggregates of the county-level tenants
 * linked to it, computed from their roll-ups. Rows are KPI tenant rows whose `id` is the county's admin code; nothing
 * here names a case or a person.
 */
export const TenantRef = Type.Object({ code: Type.String(), name: Type.String() });
export type TenantRef = Static<typeof TenantRef>;

export const PrefectureKpi = Type.Object({
  period: KpiPeriod,
  prefecture: TenantRef,
  /** the counties' counters summed, scored with the prefecture's own weights */
  total: KpiRow,
  /** one row per county, by admin code; each scored with that county's own weights, as on its KPI page */
  counties: Type.Array(KpiRow),
});
export type PrefectureKpi = Static<typeof PrefectureKpi>;

export const RankingQuery = Type.Object({
  ...PeriodQuery.properties,
  sort: Type.Optional(KpiSortKey),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
export type RankingQuery = Static<typeof RankingQuery>;

export const PrefectureRanking = Type.Object({
  period: KpiPeriod,
  /** every county, sorted as asked; `rank` by composite score (equal scores share a place), null without data */
  rows: Type.Array(KpiRow),
});
export type PrefectureRanking = Static<typeof PrefectureRanking>;

export const TrendQuery = Type.Object({
  /** the last month shown, YYYY-MM; default the current month in the prefecture's time zone */
  to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
  months: Type.Optional(Type.Integer({ minimum: 2, maximum: 36, default: 12 })),
});
export type TrendQuery = Static<typeof TrendQuery>;

export const PrefectureTrend = Type.Object({
  /** one row per calendar month, oldest first; `id` and `name` are the month YYYY-MM */
  months: Type.Array(KpiRow),
});
export type PrefectureTrend = Static<typeof PrefectureTrend>;

/** A county's link to its prefecture, kept by the county's administrator. */
export const PrefectureLink = Type.Object({ prefecture: Nullable(TenantRef), counties: Type.Array(TenantRef) });
export type PrefectureLink = Static<typeof PrefectureLink>;

export const PrefectureLinkBody = Type.Object({
  /** the prefecture's 6-digit admin code; null removes the link */
  prefectureCode: Nullable(Type.String({ pattern: ADMIN_CODE_PATTERN })),
});
export type PrefectureLinkBody = Static<typeof PrefectureLinkBody>;
