import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import { FIGURE_UNITS } from '../domain/report-figures.ts';
import { TARGET_COMPARISONS, TARGET_KINDS, TARGET_STATUSES } from '../domain/targets.ts';

/**
 * 目标任务 (docs/targets.md): the items of a year's 工作计划 as targets, their progress from a statistics report
 * figure or from progress reports with evidence, the quarterly view and the statuses.
 *
 *   GET    /api/targets                 ?year&unitId&status&q&sort&order&page&pageSize → page of TargetView
 *   POST   /api/targets                 TargetInput → TargetDetail            (targets.edit)
 *   GET    /api/targets/:id             → TargetDetail
 *   PATCH  /api/targets/:id             TargetPatch → TargetDetail            (targets.edit)
 *   DELETE /api/targets/:id             (targets.edit; only while it has no progress report)
 *   POST   /api/targets/:id/reports     ProgressInput → TargetDetail          (targets.report, the owner unit)
 *   GET    /api/exports/targets.xlsx|csv  the list with its quarters
 */
const Id = Type.String({ minLength: 1, maxLength: 64 });
const DateText = Type.String({ format: 'date', maxLength: 10 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Value = Type.Number({ minimum: 0, maximum: 1e12 });

export const TargetKind = Literals(TARGET_KINDS);
export const TargetComparison = Literals(TARGET_COMPARISONS);
export const TargetStatus = Literals(TARGET_STATUSES);

export const TargetInput = Type.Object(
  {
    year: Year,
    code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9._-]+$' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    unitId: Id,
    kind: TargetKind,
    /** a statistics report figure (`illegalConstruction.bureauAreaM2`); required for kind 'figure' */
    figureKey: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    comparison: TargetComparison,
    /** the manual measure's unit (项, 个, %); required for kind 'manual' */
    measureUnit: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    /** in the measure's unit; money figures in 万元 or 元 as their unit reads */
    targetValue: Value,
    dueOn: DateText,
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type TargetInput = Static<typeof TargetInput>;
export const TargetPatch = Type.Partial(TargetInput, { additionalProperties: false });
export type TargetPatch = Static<typeof TargetPatch>;

export const TargetQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    year: Type.Optional(Year),
    unitId: Type.Optional(Id),
    status: Type.Optional(TargetStatus),
  }),
]);
export type TargetQuery = Static<typeof TargetQuery>;

export const ProgressInput = Type.Object(
  {
    value: Value,
    reportedOn: DateText,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    photoIds: Type.Optional(Type.Array(Id, { maxItems: 12 })),
  },
  { additionalProperties: false },
);
export type ProgressInput = Static<typeof ProgressInput>;

export const QuarterValue = Type.Object({
  quarter: Type.Integer({ minimum: 1, maximum: 4 }),
  /** the quarter's last day; a quarter under way is read to today */
  end: Type.String(),
  /** null: the quarter has not started, or nothing was reported by its end */
  value: Nullable(Type.Number()),
  share: Nullable(Type.Number()),
});
export type QuarterValue = Static<typeof QuarterValue>;

export const TargetView = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  unitId: Type.String(),
  unitName: Type.String(),
  kind: TargetKind,
  figureKey: Nullable(Type.String()),
  /** the figure's label in the request's language */
  figureLabel: Nullable(Type.String()),
  /** the figure's unit (count, m2, percent, wanYuan, …) for a figure target */
  figureUnit: Nullable(Literals(FIGURE_UNITS)),
  comparison: TargetComparison,
  measureUnit: Nullable(Type.String()),
  targetValue: Type.Number(),
  dueOn: Type.String(),
  notes: Nullable(Type.String()),
  /** the value to date (to the due date once it has passed) and the day it is read to */
  value: Nullable(Type.Number()),
  asOf: Nullable(Type.String()),
  share: Nullable(Type.Number()),
  /** the share of the time from 1 January to the due date passed, 0–100 */
  elapsed: Type.Number(),
  status: TargetStatus,
  quarters: Type.Array(QuarterValue),
  /** whether the caller may report progress (a manual target of a unit the caller reports for) */
  canReport: Type.Boolean(),
  updatedAt: Type.String(),
});
export type TargetView = Static<typeof TargetView>;

export const ProgressReport = Type.Object({
  id: Type.String(),
  value: Type.Number(),
  reportedOn: Type.String(),
  note: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ProgressReport = Static<typeof ProgressReport>;

export const TargetDetail = Type.Intersect([TargetView, Type.Object({ reports: Type.Array(ProgressReport) })]);
export type TargetDetail = Static<typeof TargetDetail>;
