import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';
import { KpiPeriod } from './kpi.ts';
import { FIGURE_UNITS } from '../domain/report-figures.ts';

/**
 * Statistics report: monthly / quarterly / yearly (or custom) report of the bureau's work, the same
 * content as JSON (on screen), .docx (a work summary with sentences carrying the numbers) and .xlsx (its tables).
 * Each business module contributes one section through the server's ReportSection interface; the core sections
 * come from the cases (channels, matter classes, regions, units, closure/on-time/satisfaction, overdue, rework).
 *
 *   GET /api/reports/statistics        ?period=month&at=2024-03 | quarter&at=2024-Q1 | year&at=2024 | custom&from&to
 *   GET /api/reports/statistics.docx   same query → application/vnd.openxmlformats-officedocument.wordprocessingml.document
 *   GET /api/reports/statistics.xlsx   same query → one sheet per table
 *   GET /api/dashboard/summary         the command dashboard (permission dashboard.read)
 */
export const ReportQuery = Type.Object({
  period: Literals(['month', 'quarter', 'year', 'custom']),
  at: Type.Optional(Type.String({ maxLength: 10 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  /** language of the sentences and headings (the .docx of a Chinese bureau is normally zh-CN) */
  lang: Type.Optional(Literals(['zh-CN', 'en'])),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportColumn = Type.Object({
  key: Type.String(),
  title: Type.String(),
  /** 'percent' values are numbers 0–100 (null = no data) */
  type: Literals(['text', 'int', 'percent', 'number']),
  /**
   * The figure carries its 环比 and 同比: each row has them as text under '<key>:previousChange' and
   * '<key>:lastYearChange' (e.g. '↑3.2%', '↓1.5个百分点'), shown with the figure (under it on screen and in .docx, in
   * columns of their own in .xlsx).
   */
  changes: Type.Optional(Type.Boolean()),
});
export type ReportColumn = Static<typeof ReportColumn>;

export const ReportCell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const ReportTable = Type.Object({
  key: Type.String(),
  title: Type.String(),
  columns: Type.Array(ReportColumn),
  rows: Type.Array(Type.Record(Type.String(), ReportCell)),
});
export type ReportTable = Static<typeof ReportTable>;

/**
 * One figure of a section: the number its sentences carry, under a stable key (`approvals.accepted`), with the label
 * in the request's language, the unit (common/domain/report-figures.ts), the text it reads as in prose and, where
 * the console has a page of the records behind it, the drill-down link with the period's filters.
 */
export const ReportFigure = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** null = no data (a rate over nothing) */
  value: Nullable(Type.Number()),
  unit: Literals(FIGURE_UNITS),
  text: Type.String(),
  link: Nullable(Type.String()),
});
export type ReportFigure = Static<typeof ReportFigure>;

export const ReportSectionView = Type.Object({
  /** stable key of the contributing section ('overview', 'channels', …, later 'enforcement', 'petition', …) */
  key: Type.String(),
  title: Type.String(),
  /** sentences carrying the numbers, e.g. 「共受理问题N件，结案率X%」 */
  paragraphs: Type.Array(Type.String()),
  tables: Type.Array(ReportTable),
  /** the numbers of the sentences as data (absent for a section that declares none) */
  figures: Type.Optional(Type.Array(ReportFigure)),
});
export type ReportSectionView = Static<typeof ReportSectionView>;

export const StatReport = Type.Object({
  title: Type.String(),
  tenantName: Type.String(),
  period: KpiPeriod,
  generatedAt: Type.String(),
  /** the tenant's IANA time zone, in which every date of the report is read */
  timeZone: Type.String(),
  /** true when the period holds no case at all (the sections then say so; numbers are zeros, never NaN) */
  noData: Type.Boolean(),
  sections: Type.Array(ReportSectionView),
});
export type StatReport = Static<typeof StatReport>;

/** The 1920×1080 command dashboard. */
export const DashboardSummary = Type.Object({
  generatedAt: Type.String(),
  /** open cases on the map (newest first, capped at `openCap`) */
  openCases: Type.Array(
    Type.Object({
      id: Type.String(),
      caseNo: Type.String(),
      status: Type.String(),
      matterCode: Type.String(),
      lng: Type.Number(),
      lat: Type.Number(),
      sla: Literals(['green', 'yellow', 'red', 'paused', 'none']),
      reportedAt: Type.String(),
    }),
  ),
  openTotal: Type.Integer(),
  openCap: Type.Integer(),
  /** today's intake by channel (business day in the tenant's time zone) */
  todayByChannel: Type.Array(Type.Object({ channel: Type.String(), count: Type.Integer() })),
  today: Type.Object({ reported: Type.Integer(), closed: Type.Integer() }),
  /** rates in percent (null = no data) for today's and this month's filed cases */
  rates: Type.Object({
    todayCloseRate: Nullable(Type.Number()),
    todayOnTimeCloseRate: Nullable(Type.Number()),
    monthCloseRate: Nullable(Type.Number()),
    monthOnTimeCloseRate: Nullable(Type.Number()),
  }),
  /** the 20 most overdue open cases */
  overdue: Type.Array(
    Type.Object({
      id: Type.String(),
      caseNo: Type.String(),
      status: Type.String(),
      matterCode: Type.String(),
      matterName: Nullable(Type.String()),
      unitName: Nullable(Type.String()),
      handlingDeadline: Nullable(Type.String()),
      overdueHours: Type.Number(),
    }),
  ),
  /** this month's unit ranking (score desc) */
  unitRanking: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      /** the ranking's place (equal scores share it); null = too few cases to be ranked */
      rank: Nullable(Type.Integer()),
      score: Nullable(Type.Number()),
      grade: Nullable(Type.String()),
      closeRate: Nullable(Type.Number()),
      onTimeCloseRate: Nullable(Type.Number()),
      filed: Type.Integer(),
    }),
  ),
  /** the last 30 days, oldest first (business days) */
  trend: Type.Array(Type.Object({ date: Type.String(), reported: Type.Integer(), closed: Type.Integer() })),
});
export type DashboardSummary = Static<typeof DashboardSummary>;
