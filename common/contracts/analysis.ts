import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';
import { DateRange, PeriodQuery } from './kpi.ts';

/**
 * 综合分析 (docs/analysis.md): 高发问题 top N by matter, street and hour of day, problem frequency per component
 * class, each with 环比 / 同比; the weekly heat map over the grids; repeat hotspots and the 源头治理 tasks they open.
 *
 *   GET   /api/analysis/overview            ?period=month&at=2026-03 (KPI periods) [&top=10]
 *   GET   /api/analysis/heatmap             ?week=2026-W10&bbox=minLng,minLat,maxLng,maxLat
 *   GET   /api/analysis/hotspot-settings    PUT same (N cases within radius / on one component in M days)
 *   POST  /api/analysis/hotspots/scan       detect now and open tasks
 *   GET   /api/analysis/governance-tasks    ?status=open
 *   PATCH /api/analysis/governance-tasks/:id
 */
export const OverviewQuery = Type.Object({
  ...PeriodQuery.properties,
  top: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export type OverviewQuery = Static<typeof OverviewQuery>;

/** A figure with its comparison values: the change is derived with common/domain/period-compare.ts changeOf. */
export const ComparedCount = Type.Object({
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  lastYear: Nullable(Type.Number()),
});
export type ComparedCount = Static<typeof ComparedCount>;

export const TopItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** equal counts share a rank (1, 1, 3); among equals by id */
  rank: Type.Integer(),
  count: ComparedCount,
});
export type TopItem = Static<typeof TopItem>;

export const HEADLINE_KEYS = ['reported', 'filed', 'closed', 'closeRate', 'onTimeCloseRate', 'publicReported'] as const;

export const AnalysisOverview = Type.Object({
  period: Type.Object({ kind: Type.String(), from: Type.String(), to: Type.String(), label: Type.String() }),
  current: DateRange,
  previous: DateRange,
  lastYear: DateRange,
  headline: Type.Record(Type.String(), ComparedCount),
  topMatters: Type.Array(TopItem),
  topStreets: Type.Array(TopItem),
  /** 24 buckets '00'–'23', the local hour of the report */
  hours: Type.Array(Type.Object({ hour: Type.String(), count: ComparedCount })),
  /** cases on a component, per component class (GB/T 47678.5 major + minor) */
  componentTypes: Type.Array(TopItem),
});
export type AnalysisOverview = Static<typeof AnalysisOverview>;

export const HeatmapQuery = Type.Object({
  week: Type.String({ pattern: '^\\d{4}-W\\d{2}$' }),
  bbox: Type.String({ maxLength: 100 }),
});
export type HeatmapQuery = Static<typeof HeatmapQuery>;

export const Heatmap = Type.Object({
  week: Type.String(),
  range: DateRange,
  /** grids of the viewport with at least one case reported in the week (the busiest 2000 at most); geometry is GeoJSON */
  items: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer(), geometry: Type.Unknown() })),
  max: Type.Integer(),
  total: Type.Integer(),
  previousTotal: Type.Integer(),
  capped: Type.Boolean(),
});
export type Heatmap = Static<typeof Heatmap>;

export const HotspotSettings = Type.Object({
  /** cases within this many metres of each other are one place */
  radiusM: Type.Integer({ minimum: 5, maximum: 2000 }),
  /** N: this many cases … */
  minCases: Type.Integer({ minimum: 2, maximum: 1000 }),
  /** M: … within this many days (ending today) */
  windowDays: Type.Integer({ minimum: 1, maximum: 366 }),
});
export type HotspotSettings = Static<typeof HotspotSettings>;

export const GOVERNANCE_STATUSES = ['open', 'assigned', 'done', 'dismissed'] as const;
export const GovernanceStatus = Literals(GOVERNANCE_STATUSES);

export const GovernanceTask = Type.Object({
  id: Type.String(),
  taskNo: Type.String(),
  kind: Literals(['place', 'component']),
  componentCode: Nullable(Type.String()),
  matterCode: Nullable(Type.String()),
  matterName: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  caseCount: Type.Integer(),
  caseIds: Type.Array(Type.String()),
  windowFrom: Type.String(),
  windowTo: Type.String(),
  status: GovernanceStatus,
  assigneeId: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type GovernanceTask = Static<typeof GovernanceTask>;

export const GovernanceListQuery = Type.Object({
  status: Type.Optional(GovernanceStatus),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type GovernanceListQuery = Static<typeof GovernanceListQuery>;

export const GovernanceUpdate = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: Type.Optional(GovernanceStatus),
  assigneeId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type GovernanceUpdate = Static<typeof GovernanceUpdate>;

export const ScanResult = Type.Object({ opened: Type.Array(GovernanceTask), hotspots: Type.Integer() });
export type ScanResult = Static<typeof ScanResult>;
