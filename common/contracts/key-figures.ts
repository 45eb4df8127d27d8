import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';
import { ReportFigure } from './reports.ts';

/**
 * The year's key figures per business line, for a leader (docs/yearbook.md, "Key figures"): the figures of every
 * section of the year's statistics report, each with its value in each month of the year.
 *
 *   GET /api/reports/key-figures?year=2023&lang=   (permission report.read)
 */
export const KeyFiguresQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  lang: Type.Optional(Literals(['zh-CN', 'en'])),
});
export type KeyFiguresQuery = Static<typeof KeyFiguresQuery>;

export const KeyFigure = Type.Object({
  ...ReportFigure.properties,
  /** twelve values, January first; null for a month not begun yet or without data (a rate over nothing) */
  months: Type.Array(Nullable(Type.Number()), { minItems: 12, maxItems: 12 }),
});
export type KeyFigure = Static<typeof KeyFigure>;

export const KeyFigureLine = Type.Object({
  /** the report section's key (`approvals`, `assets.sanitation`) */
  key: Type.String(),
  title: Type.String(),
  figures: Type.Array(KeyFigure),
});
export type KeyFigureLine = Static<typeof KeyFigureLine>;

export const KeyFigures = Type.Object({
  year: Type.Integer(),
  /** the last month with values (`2023-12`, or this month in the current year) */
  through: Type.String(),
  lines: Type.Array(KeyFigureLine),
});
export type KeyFigures = Static<typeof KeyFigures>;
